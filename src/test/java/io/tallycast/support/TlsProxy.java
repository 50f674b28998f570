package io.tallycast.support;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A TLS front for a plain TCP service (FFmpeg cannot listen for RTMPS itself): what a real RTMPS ingest does, with a
 * self-signed certificate made by the JDK's keytool. Each connection is decrypted and forwarded both ways.
 */
public final class TlsProxy implements AutoCloseable {
  private final SSLServerSocket server;
  private final Thread acceptor;

  private TlsProxy(SSLServerSocket server, int targetPort) {
    this.server = server;
    this.acceptor = new Thread(() -> accept(targetPort), "tls-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static TlsProxy start(Path dir, int port, int targetPort) throws Exception {
    Path store = dir.resolve("tls.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "ingest", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
        "-keypass", "changeit").redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.exists(store)) {
      throw new IllegalStateException("keytool could not make a test certificate");
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory()
        .createServerSocket(port, 8, InetAddress.getLoopbackAddress());
    return new TlsProxy(server, targetPort);
  }

  private void accept(int targetPort) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        pipe(client.getInputStream(), target.getOutputStream(), client, target);
        pipe(target.getInputStream(), client.getOutputStream(), client, target);
      } catch (Exception e) {
        // closed, or one connection failed: the next one is tried
      }
    }
  }

  private static void pipe(InputStream from, OutputStream to, Socket a, Socket b) {
    Thread t = new Thread(() -> {
      try (a; b) {
        from.transferTo(to);
      } catch (Exception ignored) {
        // the other side closed
      }
    }, "tls-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
