package io.tallycast.support;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
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
    SSLContext tls = LoopbackCertificate.make(dir, "ingest").server();
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
