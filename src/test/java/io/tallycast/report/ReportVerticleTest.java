package io.tallycast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.PlatformTotals;
import io.tallycast.bus.ViewerReading;
import io.tallycast.report.mail.MailConfig;
import io.tallycast.report.mail.ReportMailer;
import io.tallycast.support.RootLog;
import io.vertx.core.Vertx;
import jakarta.mail.Multipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a run: made by itself when the store closes a broadcast, mailed to a real SMTP server, kept on disk
 * when the mail cannot go, and made again when YouTube's own figures arrive.
 */
class ReportVerticleTest {
  private static final String PASSWORD = "smtp-password-never-shown";
  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final Map<String, HealthReport> health = new ConcurrentHashMap<>();
  private GreenMail smtp;

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    if (smtp != null) {
      smtp.stop();
    }
  }

  private MailConfig mail(String password) throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.setUser("results@example.com", "newsroom-bot", PASSWORD);
    smtp.start();
    Files.writeString(dir.resolve("smtp-password"), password);
    return MailConfig.parse(new MailConfig.Raw("127.0.0.1", String.valueOf(smtp.getSmtp().getPort()), "none",
        "newsroom-bot", "smtp-password", null, "results@example.com", List.of("editor@example.com"), null), dir)
        .withRetry(new MailConfig.Retry(2, Duration.ofMillis(50), Duration.ofMillis(100)));
  }

  private NightFixture night(MailConfig mail) throws Exception {
    NightFixture night = new NightFixture(vertx, dir.resolve("data"));
    Bus.of(vertx).subscribe(Contract.HEALTH, h -> health.put(h.part(), h));
    ReportSettings settings = new ReportSettings(null, ReportSettings.DEFAULT_ZONE, false, Optional.of(mail));
    vertx.deployVerticle(new ReportVerticle(settings, dir.resolve("data"))).toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    return night;
  }

  private void aBroadcast(NightFixture night) {
    night.startBroadcast();
    Instant now = Instant.now();
    night.viewers(List.of(ViewerReading.live("youtube", now, 18_250), ViewerReading.live("youtube",
        now.plusMillis(200), 19_400)));
    night.stopBroadcast(now.plusMillis(300), 0, 1);
  }

  @Test
  void a_broadcast_that_ends_is_reported_and_mailed_with_the_report_attached_and_remade_with_youtubes_figures()
      throws Exception {
    NightFixture night = night(mail(PASSWORD));
    aBroadcast(night);

    Path report = dir.resolve("data").resolve("reports").resolve("broadcast-1.html");
    await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
    assertThat(report).isRegularFile();
    var letter = smtp.getReceivedMessages()[0];
    assertThat(letter.getSubject()).isEqualTo("Night report: West Bengal 2021, channel main");
    Multipart parts = (Multipart) letter.getContent();
    assertThat(parts.getBodyPart(0).getContent().toString()).contains("youtube: peak 19,400");
    assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("broadcast-1.html");
    assertThat(health.get(ReportVerticle.PART).status()).isEqualTo(HealthReport.Status.OK);

    Instant fetched = Instant.ofEpochMilli(System.currentTimeMillis());
    night.platformTotals(new PlatformTotals("youtube", "tallycast-demo", fetched, 17_811.5, 21_004L,
        390_120L));
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(report).contains("21,004"));
  }

  @Test
  void a_refused_smtp_login_is_a_clear_health_entry_and_the_report_stays_on_disk() throws Exception {
    try (RootLog log = new RootLog()) {
      NightFixture night = night(mail("not-the-password"));
      aBroadcast(night);

      await().atMost(Duration.ofSeconds(60)).until(() -> health.containsKey(ReportMailer.PART)
          && health.get(ReportMailer.PART).status() == HealthReport.Status.DOWN);
      HealthReport mailHealth = health.get(ReportMailer.PART);
      assertThat(mailHealth.lastError()).contains("refused the login").contains("2 attempts");
      assertThat(dir.resolve("data").resolve("reports").resolve("broadcast-1.html")).isRegularFile();
      assertThat(smtp.getReceivedMessages()).isEmpty();
      assertThat(String.join("\n", log.lines()) + mailHealth).doesNotContain("not-the-password")
          .contains("report not mailed");
    }
  }
}
