package io.tallycast.support;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 (RSA 2048, the address in its subject and its SAN, valid two days) made by
 * the JDK's keytool, for the TLS servers the tests stand up in front of a real peer (an RTMPS ingest, an SMTP server):
 * the server's side, and a client's side that trusts this one certificate and nothing else.
 */
public final class LoopbackCertificate {
  private static final String PASSWORD = "changeit";
  private final KeyStore keys;
  private final String alias;

  private LoopbackCertificate(KeyStore keys, String alias) {
    this.keys = keys;
    this.alias = alias;
  }

  /** Makes one in {@code dir} (a keystore file named after the alias). */
  public static LoopbackCertificate make(Path dir, String alias) throws Exception {
    Path store = dir.resolve(alias + ".p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    if (!keytool.waitFor(120, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.exists(store)) {
      throw new IllegalStateException("keytool could not make a test certificate");
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    return new LoopbackCertificate(keys, alias);
  }

  /** TLS for the server that presents it. */
  public SSLContext server() throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    return tls;
  }

  /** TLS for a client that trusts this certificate only. */
  public SSLContext clientTrustingOnlyThis() throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry(alias, keys.getCertificate(alias));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, tmf.getTrustManagers(), null);
    return client;
  }
}
