package io.tallycast.report.mail;

import io.tallycast.bus.HealthReport;
import io.tallycast.util.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link Letter} by SMTP as configured: a MIME mail (the text, then each file attached), over STARTTLS or TLS,
 * with a login when one is configured. The SMTP conversation blocks, so it runs on a worker, never on an event loop. A
 * failed try is tried again after a jittered, doubling backoff, up to the configured attempts; then the future fails
 * with a sentence an operator can act on. Health part {@value #PART}: OK with the last sent time and count, DEGRADED
 * while retrying, DOWN after giving up. The password goes only to the server: every error text is redacted.
 */
public final class ReportMailer {
  public static final String PART = "report mail";
  private static final Logger LOG = LoggerFactory.getLogger(ReportMailer.class);

  private final Vertx vertx;
  private final MailConfig config;
  private final Session session;
  private final Clock clock;
  private Instant lastSent;
  private long sent;
  private String lastSubject;

  /** A mail was not sent, after every attempt (or at once when retrying could not help): the text says why. */
  public static final class NotSent extends RuntimeException {
    NotSent(String message) {
      super(message, null, false, false);
    }
  }

  public ReportMailer(Vertx vertx, MailConfig config) {
    this(vertx, config, null, Clock.systemUTC());
  }

  /** @param tls the TLS sockets to use (a test's own certificate authority); null: the JDK's trusted ones */
  ReportMailer(Vertx vertx, MailConfig config, SSLSocketFactory tls, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.session = Session.getInstance(properties(config, tls));
    this.clock = clock;
    report(HealthReport.Status.OK, null, new JsonObject().put("note", "nothing sent yet"));
  }

  /** Sends the letter to every recipient; completes when the server took it, fails after the last attempt. */
  public Future<Void> send(Letter letter) {
    return vertx.executeBlocking(() -> compose(letter), false)
        .recover(e -> gaveUp(letter, 0, e instanceof NotSent ? e.getMessage() : explain(e)))
        .compose(message -> attempt(letter, message, 1,
            new Backoff(config.retry().firstBackoff(), config.retry().maxBackoff())));
  }

  /** For {@link MailUpdates}: the update's letter could not be made, so nothing was sent this time. */
  void updateNotMade(String why) {
    String text = redact("the update letter could not be made: " + why);
    LOG.warn("{}: {}", PART, text);
    report(HealthReport.Status.DEGRADED, text, new JsonObject());
  }

  private Future<Void> attempt(Letter letter, MimeMessage message, int attempt, Backoff backoff) {
    return vertx.<Void>executeBlocking(() -> {
      transmit(message);
      return null;
    }, false).transform(done -> {
      if (done.succeeded()) {
        delivered(letter, attempt);
        return Future.succeededFuture();
      }
      String why = explain(done.cause());
      if (attempt >= config.retry().attempts()) {
        return gaveUp(letter, attempt, why);
      }
      long waitMs = backoff.failed();
      String text = "attempt " + attempt + " of " + config.retry().attempts() + " failed: " + why;
      LOG.warn("{}: '{}' to {}: {}; trying again in {} ms", PART, letter.subject(), config.recipients(), text,
          waitMs);
      report(HealthReport.Status.DEGRADED, text, new JsonObject().put("retrying", letter.subject())
          .put("attempt", attempt).put("attempts", config.retry().attempts()).put("nextTryMs", waitMs));
      Promise<Void> next = Promise.promise();
      vertx.setTimer(Math.max(1, waitMs), id -> attempt(letter, message, attempt + 1, backoff).onComplete(next));
      return next.future();
    });
  }

  private <T> Future<T> gaveUp(Letter letter, int attempts, String why) {
    String text = "mail to " + config.recipients() + " not sent" + (attempts == 0 ? ""
        : " after " + attempts + (attempts == 1 ? " attempt" : " attempts")) + ": " + why;
    LOG.error("{}: '{}': {}", PART, letter.subject(), text);
    report(HealthReport.Status.DOWN, text, new JsonObject().put("failed", letter.subject())
        .put("attempts", attempts));
    return Future.failedFuture(new NotSent(text));
  }

  private void delivered(Letter letter, int attempt) {
    synchronized (this) {
      sent++;
      lastSent = clock.instant();
      lastSubject = letter.subject();
    }
    LOG.info("{}: '{}' sent to {} ({} attached, attempt {})", PART, letter.subject(), config.recipients(),
        letter.attachments().size(), attempt);
    report(HealthReport.Status.OK, null, new JsonObject());
  }

  private void report(HealthReport.Status status, String error, JsonObject details) {
    HealthReport health;
    synchronized (this) {
      details.put("sent", sent).put("lastSubject", lastSubject).put("server", config.host() + ":" + config.port())
          .put("security", config.security().name().toLowerCase(Locale.ROOT)).put("recipients", config.to().size());
      health = new HealthReport(PART, status, lastSent, error, error == null ? null : clock.instant(), details);
    }
    health.publish(vertx);
  }

  /** Builds the mail once (worker): reads every attachment now, so a missing file is told before any connection. */
  private MimeMessage compose(Letter letter) throws MessagingException, IOException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(config.from()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", config.to())));
    message.setSubject(letter.subject(), "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart text = new MimeBodyPart();
    text.setText(letter.body(), "UTF-8");
    parts.addBodyPart(text);
    for (Path file : letter.attachments()) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new NotSent("the attachment " + file + " is missing");
      }
      MimeBodyPart attached = new MimeBodyPart();
      attached.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, Letter.contentType(file))));
      attached.setFileName(file.getFileName().toString());
      // base64 always: an all-ASCII file (a small PDF, the HTML) would go as 7bit, and SMTP turns its bare LFs into
      // CRLFs, changing the bytes
      attached.setHeader("Content-Transfer-Encoding", "base64");
      attached.setDisposition(MimeBodyPart.ATTACHMENT);
      parts.addBodyPart(attached);
    }
    message.setContent(parts);
    message.saveChanges();
    return message;
  }

  /** One SMTP conversation (worker): connect, log in if configured, send, quit. */
  private void transmit(MimeMessage message) throws MessagingException {
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(config.host(), config.port(), config.username(),
          config.password() == null ? null : config.password().reveal());
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  private String explain(Throwable failure) {
    return redact(MailTrouble.explain(failure, config));
  }

  private String redact(String text) {
    return config.password() == null ? text : config.password().redact(text);
  }

  private static Properties properties(MailConfig config, SSLSocketFactory tls) {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", config.host());
    p.setProperty("mail.smtp.port", String.valueOf(config.port()));
    p.setProperty("mail.smtp.auth", String.valueOf(config.username() != null));
    // every socket step has a deadline: a server that accepts and then says nothing cannot hold a worker
    p.setProperty("mail.smtp.connectiontimeout", String.valueOf(config.timeouts().connect().toMillis()));
    p.setProperty("mail.smtp.timeout", String.valueOf(config.timeouts().read().toMillis()));
    p.setProperty("mail.smtp.writetimeout", String.valueOf(config.timeouts().write().toMillis()));
    switch (config.security()) {
      case STARTTLS -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        // required: a server (or someone in between) that hides STARTTLS must not get the password in the clear
        p.setProperty("mail.smtp.starttls.required", "true");
      }
      case SSL -> p.setProperty("mail.smtp.ssl.enable", "true");
      case NONE -> {
        // a relay on this machine only (MailConfig checks): nothing crosses a network
      }
      default -> throw new IllegalStateException();
    }
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    // a protocol trace (Angus logs it at FINEST, bridged into the log) leaves the AUTH exchange out
    p.setProperty("mail.debug.auth", "false");
    if (tls != null) {
      p.put("mail.smtp.ssl.socketFactory", tls);
    }
    return p;
  }
}
