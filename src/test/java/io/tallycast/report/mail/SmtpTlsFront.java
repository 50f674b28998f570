package io.tallycast.report.mail;

import io.tallycast.support.LoopbackCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS in front of GreenMail, which speaks neither STARTTLS (GreenMail issue #135, still so in 2.1.5: its SMTP command
 * registry has no STARTTLS) nor SMTPS with a certificate for 127.0.0.1. In STARTTLS mode it greets, offers STARTTLS in
 * its EHLO answer, refuses anything else before TLS, upgrades the connection as RFC 3207 says, and then hands the
 * decrypted conversation to GreenMail (whose own greeting it swallows: the client had one). In SSL mode TLS starts at
 * the first byte. The certificate is made by the JDK's keytool for 127.0.0.1; {@link #clientTls()} trusts only it.
 */
final class SmtpTlsFront implements AutoCloseable {
  enum Mode { STARTTLS, SSL }

  private final Mode mode;
  private final SSLContext serverTls;
  private final SSLSocketFactory clientTls;
  private final ServerSocket server;
  private final int targetPort;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> commandsAfterTls = new CopyOnWriteArrayList<>();

  private SmtpTlsFront(Mode mode, SSLContext serverTls, SSLSocketFactory clientTls, int targetPort)
      throws IOException {
    this.mode = mode;
    this.serverTls = serverTls;
    this.clientTls = clientTls;
    this.targetPort = targetPort;
    this.server = mode == Mode.SSL
        ? serverTls.getServerSocketFactory().createServerSocket(0, 8, InetAddress.getLoopbackAddress())
        : new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-tls-front");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A certificate for 127.0.0.1 in {@code dir}, made once per test class. */
  static Certificates certificates(Path dir) throws Exception {
    LoopbackCertificate certificate = LoopbackCertificate.make(dir, "smtp");
    return new Certificates(certificate.server(), certificate.clientTrustingOnlyThis().getSocketFactory());
  }

  record Certificates(SSLContext server, SSLSocketFactory client) {
  }

  static SmtpTlsFront start(Mode mode, Certificates certificates, int greenMailPort) throws IOException {
    return new SmtpTlsFront(mode, certificates.server(), certificates.client(), greenMailPort);
  }

  int port() {
    return server.getLocalPort();
  }

  /** TLS sockets that trust this front's certificate and nothing else. */
  SSLSocketFactory clientTls() {
    return clientTls;
  }

  int connections() {
    return connections.get();
  }

  /** The first word of each line the client sent once encrypted (AUTH, MAIL, RCPT, DATA...), never its arguments. */
  List<String> commandsAfterTls() {
    return commandsAfterTls;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(client), "smtp-tls-front-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try {
      Socket secured = mode == Mode.SSL ? client : startTls(client);
      if (secured == null) {
        client.close();
        return;
      }
      Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      String greeting = line(target.getInputStream());
      if (mode == Mode.SSL) {
        secured.getOutputStream().write((greeting + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      pipe(secured.getInputStream(), target.getOutputStream(), secured, target, true);
      pipe(target.getInputStream(), secured.getOutputStream(), secured, target, false);
    } catch (IOException e) {
      close(client);
    }
  }

  /** The plain part of the conversation: greet, offer STARTTLS, insist on it, then upgrade; null if never asked. */
  private Socket startTls(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    OutputStream out = client.getOutputStream();
    say(out, "220 127.0.0.1 ESMTP front");
    while (true) {
      String line = line(in);
      String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
      switch (verb) {
        case "EHLO" -> say(out, "250-127.0.0.1\r\n250-8BITMIME\r\n250 STARTTLS");
        case "HELO" -> say(out, "250 127.0.0.1");
        case "STARTTLS" -> {
          say(out, "220 2.0.0 Ready to start TLS");
          SSLSocket tls = (SSLSocket) serverTls.getSocketFactory().createSocket(client,
              client.getInetAddress().getHostAddress(), client.getPort(), true);
          tls.setUseClientMode(false);
          tls.startHandshake();
          return tls;
        }
        case "QUIT", "" -> {
          say(out, "221 bye");
          return null;
        }
        default -> say(out, "530 5.7.0 Must issue a STARTTLS command first");
      }
    }
  }

  private void pipe(InputStream from, OutputStream to, Socket a, Socket b, boolean fromClient) {
    Thread t = new Thread(() -> {
      try (a; b) {
        if (!fromClient) {
          from.transferTo(to);
          return;
        }
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        boolean inData = false;
        int c;
        while ((c = from.read()) >= 0) {
          if (c != '\n') {
            current.write(c);
            continue;
          }
          // noted before it is passed on: once the server answers, a test may look
          String line = current.toString(StandardCharsets.ISO_8859_1);
          current.reset();
          if (inData) {
            inData = !line.strip().equals(".");
          } else {
            String verb = line.strip().split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
            commandsAfterTls.add(verb);
            inData = verb.equals("DATA");
          }
          to.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
          to.flush();
        }
      } catch (IOException ignored) {
        // one side closed
      }
    }, "smtp-tls-front-pipe");
    t.setDaemon(true);
    t.start();
  }

  private static void say(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** One line, read byte by byte: nothing past it may be taken from the plain stream before the TLS handshake. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      bytes.write(c);
    }
    return bytes.toString(StandardCharsets.US_ASCII).strip();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
