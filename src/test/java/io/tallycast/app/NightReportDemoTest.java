package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tallycast.bench.BundledFfmpeg;
import io.tallycast.bus.ViewerReading;
import io.tallycast.platforms.DemoPlatforms;
import io.tallycast.report.ReportSettings;
import io.tallycast.report.mail.MailConfig;
import io.tallycast.store.NightRecord;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The night end to end, as the demo runs it: West Bengal's counting day replayed at 600x, the overlay streamed to a
 * local RTMP peer, four local platforms playing their scripted audiences, asked every second; the operator stops the
 * stream at the end of the count, the report is made by itself, printed to PDF and mailed to a real SMTP server.
 */
@SlowTier
class NightReportDemoTest {
  private static final String SMTP_USER = "newsroom-bot";
  private static final String SMTP_PASSWORD = "smtp-password-never-shown";
  @TempDir
  Path dir;
  private Pipeline pipeline;
  private Process peer;
  private GreenMail smtp;

  @AfterEach
  void stop() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
    if (peer != null) {
      peer.destroyForcibly();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void a_night_at_600x_ends_in_a_mailed_pdf_whose_headline_figures_are_the_stored_samples() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.setUser("results@example.com", SMTP_USER, SMTP_PASSWORD);
    smtp.start();
    Files.writeString(dir.resolve("smtp-password"), SMTP_PASSWORD + "\n");
    MailConfig mail = MailConfig.parse(new MailConfig.Raw("127.0.0.1",
        String.valueOf(smtp.getSmtp().getServerSetup().getPort()), "none", SMTP_USER, "smtp-password", null,
        "tallycast <results@example.com>", List.of("editor@example.com", "desk@example.com"), null), dir);
    int port = BundledFfmpeg.freePort();
    peer = BundledFfmpeg.listen(port, "live", "night", dir.resolve("peer.flv"));
    StreamConfig stream = StreamConfig.defaults(List.of(Destination.ingest("rtmp://127.0.0.1:" + port + "/live/night")))
        .withSize(1280, 720);

    Vertx vertx = Vertx.vertx();
    AtomicReference<Pipeline> running = new AtomicReference<>();
    DemoPlatforms.Started platforms = DemoPlatforms.start(vertx, () -> running.get() == null ? 0
        : running.get().site.clock().elapsedSeconds() / 3600.0, Duration.ofSeconds(1)).await();
    pipeline = Pipeline.configured(MeteredVertx.of(vertx), dir.resolve("data"), 600,
        c -> c.withStream(new StreamVerticle.Settings(stream, true)).withAudience(Optional.of(platforms.config()))
            .withReport(new ReportPart(ReportSettings.defaults().withMail(mail))));
    running.set(pipeline);

    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("declared") == 294);
    HttpResponse<Buffer> stopped = operator("/api/operator/stream/stop");
    assertThat(stopped.statusCode()).as(stopped.bodyAsString()).isEqualTo(200);

    // the report makes itself once the store has closed the broadcast, then goes by mail
    Path reports = dir.resolve("data").resolve("reports");
    await().atMost(Duration.ofMinutes(2)).until(() -> Files.isRegularFile(reports.resolve("broadcast-1.pdf")));
    // one stored message per recipient (GreenMail's waitForIncomingEmail counts a two-recipient mail once: polled)
    await().atMost(Duration.ofMinutes(2)).until(() -> smtp.getReceivedMessages().length == 2);

    // what the test computes from the stored samples, by the report's documented rules
    NightRecord.Broadcast broadcast;
    List<ViewerReading> readings;
    try (NightRecord night = NightRecord.open(dir.resolve("data"))) {
      broadcast = night.broadcasts().get(0);
      readings = night.viewers(broadcast.started(), broadcast.ended());
    }
    Map<String, Expected> expected = expected(readings, broadcast.ended());
    assertThat(expected.keySet()).containsExactly("facebook", "twitch", "website", "youtube");
    assertThat(expected.get("youtube").peak()).as("the curve's peak came on air").isGreaterThan(50_000);

    JsonObject summary = new JsonObject(Files.readString(onlyJson(reports)));
    for (Object o : summary.getJsonArray("platforms")) {
      JsonObject platform = (JsonObject) o;
      Expected e = expected.get(platform.getString("platform"));
      assertThat(platform.getLong("peak")).as(platform.getString("platform")).isEqualTo(e.peak());
      assertThat(platform.getDouble("minutesWatched")).as(platform.getString("platform"))
          .isCloseTo(e.minutesWatched(), org.assertj.core.data.Offset.offset(0.5));
    }
    long peakTotal = totalPeak(readings, broadcast.ended());
    assertThat(summary.getJsonObject("total").getLong("peak")).isEqualTo(peakTotal);

    String html = Files.readString(reports.resolve("broadcast-1.html"));
    assertThat(html).contains(grouped(expected.get("youtube").peak())).contains(grouped(peakTotal));
    assertThat(html).doesNotContain(SMTP_PASSWORD);

    // the PDF renders: its pages as images for people to look at, none blank
    Path screenshots = Path.of("target", "screenshots");
    Files.createDirectories(screenshots);
    try (Stream<Path> old = Files.list(screenshots)) {
      for (Path p : old.filter(p -> p.getFileName().toString().startsWith("night-report")).toList()) {
        Files.delete(p);
      }
    }
    Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "60", reports.resolve("broadcast-1.pdf").toString(),
        screenshots.resolve("night-report").toString()).redirectErrorStream(true).start();
    assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(render.exitValue()).as(new String(render.getInputStream().readAllBytes())).isZero();
    List<Path> pages;
    try (Stream<Path> files = Files.list(screenshots)) {
      pages = files.filter(p -> p.getFileName().toString().startsWith("night-report")).sorted().toList();
    }
    assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
    for (Path page : pages) {
      assertThat(inkShare(ImageIO.read(page.toFile()))).as(page.toString()).isGreaterThan(0.001);
    }

    MimeMessage letter = smtp.getReceivedMessages()[0];
    assertThat(letter.getSubject()).contains("West Bengal");
    Multipart parts = (Multipart) letter.getContent();
    List<String> names = new ArrayList<>();
    String body = null;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.getFileName() != null) {
        names.add(part.getFileName());
        assertThat(part.getContentType()).startsWith("application/pdf");
      } else {
        body = part.getContent().toString();
      }
    }
    assertThat(names).containsExactly("broadcast-1.pdf");
    assertThat(body).contains(grouped(peakTotal));
  }

  /** One platform's figures by the report's rules: LIVE holds until the next reading, 2x the median gap, or the end. */
  record Expected(long peak, double minutesWatched) {
  }

  private static Map<String, Expected> expected(List<ViewerReading> readings, Instant end) {
    Map<String, Expected> out = new TreeMap<>();
    byPlatform(readings).forEach((platform, list) -> {
      long limit = 2 * medianGapMs(list);
      long peak = 0;
      double minutes = 0;
      for (int i = 0; i < list.size(); i++) {
        ViewerReading r = list.get(i);
        if (r.kind() != ViewerReading.Kind.LIVE) {
          continue;
        }
        peak = Math.max(peak, r.viewers());
        long from = r.at().toEpochMilli();
        long to = Math.min(Math.min(i + 1 < list.size() ? list.get(i + 1).at().toEpochMilli() : Long.MAX_VALUE,
            from + limit), end.toEpochMilli());
        minutes += r.viewers() * Math.max(0, to - from) / 60_000.0;
      }
      out.put(platform, new Expected(peak, minutes));
    });
    return out;
  }

  /** The highest sum of the platforms' held figures at any reading's time. */
  private static long totalPeak(List<ViewerReading> readings, Instant end) {
    Map<String, List<ViewerReading>> byPlatform = byPlatform(readings);
    long peak = 0;
    for (ViewerReading at : readings) {
      long t = at.at().toEpochMilli();
      long sum = 0;
      for (List<ViewerReading> list : byPlatform.values()) {
        long limit = 2 * medianGapMs(list);
        ViewerReading held = null;
        for (ViewerReading r : list) {
          if (r.at().toEpochMilli() <= t) {
            held = r;
          }
        }
        if (held != null && held.kind() == ViewerReading.Kind.LIVE && t < held.at().toEpochMilli() + limit
            && t < end.toEpochMilli()) {
          sum += held.viewers();
        }
      }
      peak = Math.max(peak, sum);
    }
    return peak;
  }

  private static Map<String, List<ViewerReading>> byPlatform(List<ViewerReading> readings) {
    Map<String, List<ViewerReading>> out = new TreeMap<>();
    readings.forEach(r -> out.computeIfAbsent(r.platform(), p -> new ArrayList<>()).add(r));
    out.values().forEach(l -> l.sort(Comparator.comparing(ViewerReading::at)));
    return out;
  }

  private static long medianGapMs(List<ViewerReading> list) {
    if (list.size() < 2) {
      return 30_000;
    }
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < list.size(); i++) {
      gaps.add(list.get(i).at().toEpochMilli() - list.get(i - 1).at().toEpochMilli());
    }
    gaps.sort(null);
    int n = gaps.size();
    return n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2;
  }

  private static String grouped(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  private static Path onlyJson(Path reports) throws Exception {
    try (Stream<Path> files = Files.list(reports)) {
      List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
      assertThat(json).hasSize(1);
      return json.get(0);
    }
  }

  /** The share of pixels that are not near-white: a blank page has none. */
  private static double inkShare(BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 600) {
          ink++;
        }
      }
    }
    return ink / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
  }

  private HttpResponse<Buffer> operator(String path) {
    return pipeline.http.post(pipeline.engine.apiPort(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + pipeline.engine.operatorToken().value())
        .timeout(120_000).send().await();
  }
}
