package io.tallycast.report.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.util.Secret;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The mailer against a real SMTP server (GreenMail) behind a real TLS front: what arrives (subject, text, recipients,
 * the PDF and HTML as attached), the login, STARTTLS and SSL, a refused login tried as often as configured, a server
 * down at first, periodic updates; health at each step, and the password in no log line and no health report.
 */
class ReportMailerTest {
  private static final String PASSWORD = "s3cret-smtp-password-never-shown";
  private static final String USER = "newsroom-bot";
  /** The smallest PDF readers open: one empty page. */
  private static final String PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>"
      + "endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

  @TempDir
  static Path certs;
  private static SmtpTlsFront.Certificates certificates;

  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final List<HealthReport> health = new CopyOnWriteArrayList<>();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private GreenMail greenMail;

  @BeforeAll
  static void certificate() throws Exception {
    certificates = SmtpTlsFront.certificates(certs);
  }

  @BeforeEach
  void server() {
    greenMail = startGreenMail(0);
    Bus.of(vertx).subscribe(Contract.HEALTH, h -> {
      if (h.part().equals(ReportMailer.PART)) {
        health.add(h);
      }
    });
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void close() throws Exception {
    root().detachAppender(log);
    for (AutoCloseable c : closing) {
      c.close();
    }
    greenMail.stop();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private GreenMail startGreenMail(int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail mail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    mail.setUser("results@example.com", USER, PASSWORD);
    mail.start();
    return mail;
  }

  private SmtpTlsFront front(SmtpTlsFront.Mode mode) throws Exception {
    SmtpTlsFront front = SmtpTlsFront.start(mode, certificates, greenMail.getSmtp().getPort());
    closing.add(front);
    return front;
  }

  private static MailConfig config(int port, MailConfig.Security security, String password) {
    return new MailConfig("127.0.0.1", port, security, USER, Secret.of(password),
        "Tallycast <results@example.com>", List.of("editor@example.com", "desk@example.com"), null,
        new MailConfig.Retry(3, Duration.ofMillis(20), Duration.ofMillis(80)), null);
  }

  private ReportMailer mailer(MailConfig config, SmtpTlsFront front) {
    return new ReportMailer(vertx, config, front == null ? null : front.clientTls(), Clock.systemUTC());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static Throwable failure(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the send did not fail");
  }

  private Path report() throws Exception {
    Path pdf = dir.resolve("night-report.pdf");
    Files.writeString(pdf, PDF, StandardCharsets.US_ASCII);
    return pdf;
  }

  private String everythingShown() {
    return health + log.list.stream().map(e -> e.getFormattedMessage() + e.getThrowableProxy())
        .toList().toString();
  }

  @Test
  void the_report_goes_over_starttls_with_the_login_its_text_and_both_files_attached_to_every_recipient()
      throws Exception {
    SmtpTlsFront front = front(SmtpTlsFront.Mode.STARTTLS);
    Path pdf = report();
    Path html = dir.resolve("night-report.html");
    Files.writeString(html, "<!doctype html><h1>West Bengal 2026</h1>", StandardCharsets.UTF_8);
    ReportMailer mailer = mailer(config(front.port(), MailConfig.Security.STARTTLS, PASSWORD), front);

    await(mailer.send(new Letter("The night's report: West Bengal 2026", "AITC 215, BJP 77 - declared 294 of 294.",
        List.of(pdf, html))));

    assertThat(greenMail.waitForIncomingEmail(30_000, 2)).isTrue();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("The night's report: West Bengal 2026");
    assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Address::toString))
        .containsExactly("editor@example.com", "desk@example.com");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("Tallycast <results@example.com>");
    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(3);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("AITC 215, BJP 77 - declared 294 of 294.");
    Part attachedPdf = parts.getBodyPart(1);
    assertThat(attachedPdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(attachedPdf.getFileName()).isEqualTo("night-report.pdf");
    assertThat(attachedPdf.getContentType()).startsWith("application/pdf");
    assertThat(bytes(attachedPdf)).isEqualTo(Files.readAllBytes(pdf));
    Part attachedHtml = parts.getBodyPart(2);
    assertThat(attachedHtml.getFileName()).isEqualTo("night-report.html");
    assertThat(attachedHtml.getContentType()).startsWith("text/html");
    assertThat(bytes(attachedHtml)).isEqualTo(Files.readAllBytes(html));

    assertThat(front.commandsAfterTls()).as("the login and the mail went inside TLS")
        .contains("EHLO", "AUTH", "MAIL", "RCPT", "DATA");
    assertThat(front.connections()).isEqualTo(1);
    HealthReport ok = settled(HealthReport.Status.OK);
    assertThat(ok.lastSuccess()).isNotNull();
    assertThat(ok.details().getLong("sent")).isEqualTo(1);
    assertThat(Files.exists(pdf) && Files.exists(html)).as("the report files stay on disk").isTrue();
    assertThat(everythingShown()).doesNotContain(PASSWORD);
  }

  @Test
  void a_refused_login_is_tried_as_often_as_configured_then_fails_clearly_and_health_is_down_without_the_password()
      throws Exception {
    SmtpTlsFront front = front(SmtpTlsFront.Mode.STARTTLS);
    Path pdf = report();
    String wrong = "wrong-" + PASSWORD;
    ReportMailer mailer = mailer(config(front.port(), MailConfig.Security.STARTTLS, wrong), front);

    Throwable failed = failure(mailer.send(new Letter("The night's report", "text", List.of(pdf))));

    assertThat(failed).isInstanceOf(ReportMailer.NotSent.class);
    assertThat(failed.getMessage()).startsWith("mail to 2 recipients not sent after 3 attempts: the SMTP server "
        + "refused the login (535").contains("check mail.username / passwordFile");
    assertThat(front.connections()).as("SMTP connections, one per attempt").isEqualTo(3);
    assertThat(front.commandsAfterTls().stream().filter("AUTH"::equals).count()).isEqualTo(3);
    assertThat(front.commandsAfterTls()).doesNotContain("MAIL");
    assertThat(health).anyMatch(h -> h.status() == HealthReport.Status.DEGRADED
        && h.lastError().startsWith("attempt 1 of 3 failed: the SMTP server refused the login"));
    HealthReport down = settled(HealthReport.Status.DOWN);
    assertThat(down.lastError()).isEqualTo(failed.getMessage());
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(Files.readString(pdf, StandardCharsets.US_ASCII)).as("the report stays on disk").isEqualTo(PDF);
    assertThat(everythingShown()).contains("refused the login").doesNotContain(wrong).doesNotContain(PASSWORD);
  }

  @Test
  void ssl_from_the_first_byte_delivers_too() throws Exception {
    SmtpTlsFront front = front(SmtpTlsFront.Mode.SSL);
    ReportMailer mailer = mailer(config(front.port(), MailConfig.Security.SSL, PASSWORD), front);
    await(mailer.send(new Letter("Update 21:00", "AITC leads 201", List.of())));
    assertThat(greenMail.waitForIncomingEmail(30_000, 2)).isTrue();
    assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("Update 21:00");
    assertThat(front.commandsAfterTls()).contains("AUTH");
  }

  @Test
  void a_certificate_the_jdk_does_not_trust_is_refused_with_a_reason_before_the_login() throws Exception {
    SmtpTlsFront front = front(SmtpTlsFront.Mode.STARTTLS);
    MailConfig config = config(front.port(), MailConfig.Security.STARTTLS, PASSWORD)
        .withRetry(new MailConfig.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
    Throwable failed = failure(mailer(config, null).send(new Letter("Update", "text", List.of())));
    assertThat(failed.getMessage()).startsWith("mail to 2 recipients not sent after 1 attempt: TLS with 127.0.0.1:"
        + front.port() + " failed (").endsWith(") - check mail.security (starttls) and mail.port");
    assertThat(front.commandsAfterTls()).isEmpty();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void a_server_that_does_not_offer_starttls_never_gets_the_password() throws Exception {
    // GreenMail itself offers no STARTTLS: exactly the server (or the man in the middle) starttls must refuse
    MailConfig plain = config(greenMail.getSmtp().getPort(), MailConfig.Security.STARTTLS, PASSWORD)
        .withRetry(new MailConfig.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
    Throwable failed = failure(mailer(plain, null).send(new Letter("Update", "text", List.of())));
    assertThat(failed.getMessage()).isEqualTo("mail to 2 recipients not sent after 1 attempt: 127.0.0.1:"
        + greenMail.getSmtp().getPort() + " does not offer STARTTLS, which mail.security starttls requires (the "
        + "password is never sent in the clear)");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void a_missing_attachment_fails_at_once_without_a_connection() throws Exception {
    SmtpTlsFront front = front(SmtpTlsFront.Mode.STARTTLS);
    Path gone = dir.resolve("not-made.pdf");
    Throwable failed = failure(mailer(config(front.port(), MailConfig.Security.STARTTLS, PASSWORD), front)
        .send(new Letter("The night's report", "text", List.of(gone))));
    assertThat(failed.getMessage()).isEqualTo("mail to 2 recipients not sent: the attachment " + gone
        + " is missing");
    assertThat(front.connections()).isZero();
    settled(HealthReport.Status.DOWN);
  }

  @Test
  void a_server_down_at_first_is_retried_until_it_is_up_degraded_meanwhile_then_ok() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    MailConfig config = new MailConfig("127.0.0.1", port, MailConfig.Security.NONE, USER, Secret.of(PASSWORD),
        "results@example.com", List.of("editor@example.com"), null,
        new MailConfig.Retry(200, Duration.ofMillis(100), Duration.ofMillis(400)), null);
    Future<Void> sent = mailer(config, null).send(new Letter("The night's report", "text", List.of(report())));

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> health.stream()
        .anyMatch(h -> h.status() == HealthReport.Status.DEGRADED));
    HealthReport degraded = health.stream().filter(h -> h.status() == HealthReport.Status.DEGRADED).findFirst()
        .orElseThrow();
    assertThat(degraded.lastError()).isEqualTo("attempt 1 of 200 failed: cannot reach 127.0.0.1:" + port
        + ": connection refused");
    GreenMail later = startGreenMail(port);
    closing.add(later::stop);

    await(sent);
    assertThat(later.getReceivedMessages()).hasSize(1);
    settled(HealthReport.Status.OK);
    assertThat(everythingShown()).doesNotContain(PASSWORD);
  }

  @Test
  void updates_arrive_every_interval_and_a_failed_one_does_not_stop_the_next() throws Exception {
    MailConfig config = new MailConfig("127.0.0.1", greenMail.getSmtp().getPort(), MailConfig.Security.NONE, USER,
        Secret.of(PASSWORD), "results@example.com", List.of("editor@example.com"), Duration.ofMillis(150),
        new MailConfig.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10)), null);
    ReportMailer mailer = mailer(config, null);
    AtomicInteger made = new AtomicInteger();
    MailUpdates updates = new MailUpdates(mailer, config.updateEvery(), () -> {
      int n = made.incrementAndGet();
      return n == 2 ? Future.failedFuture(new IllegalStateException("the store did not answer"))
          : Future.succeededFuture(new Letter("Update " + n, "AITC leads " + (100 + n), List.of()));
    });
    String id = await(vertx.deployVerticle(updates));

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> greenMail.getReceivedMessages().length >= 2);
    await(vertx.undeploy(id));
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      subjects.add(m.getSubject());
    }
    assertThat(subjects).startsWith("Update 1", "Update 3");
    assertThat(health).anyMatch(h -> h.status() == HealthReport.Status.DEGRADED
        && h.lastError().equals("the update letter could not be made: the store did not answer"));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> health.get(health.size() - 1).details()
        .getLong("sent") >= 2);
  }

  /** The health part's latest report once it has the status (reports travel the bus: they arrive a little later). */
  private HealthReport settled(HealthReport.Status status) {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> health.isEmpty() ? null
        : health.get(health.size() - 1), h -> h != null && h.status() == status);
  }

  private static byte[] bytes(Part part) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part.getDataHandler().writeTo(out);
    return out.toByteArray();
  }
}
