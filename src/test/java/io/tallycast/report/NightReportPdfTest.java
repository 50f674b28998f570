package io.tallycast.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.ViewerReading;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report printed by Chromium: its pages render (pdftoppm) and are not blank; `tallycast report` run as its own
 * process on a data dir without viewer readings still gives the results and the stream. Page images are kept in
 * target/screenshots/report-*.png for a look.
 */
@SlowTier
class NightReportPdfTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  @TempDir
  Path dir;
  @TempDir
  Path out;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void the_pdf_renders_pages_that_are_not_blank() throws Exception {
    NightFixture night = new NightFixture(vertx, dir);
    night.startBroadcast();
    night.aGainWithAFlip(Instant.parse("2021-05-02T06:00:00Z"));
    night.finals(Instant.parse("2021-05-02T07:00:00Z"), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15);
    Instant t = Instant.now().plusMillis(100);
    List<ViewerReading> readings = new ArrayList<>();
    for (int k = 0; k <= 15; k++) {
      readings.add(ViewerReading.live("youtube", t.plusMillis(150L * k), 2000 + (k > 7 ? 6000 : 0) + 100 * k));
      readings.add(ViewerReading.live("facebook", t.plusMillis(75 + 150L * k), 900 - 20 * k));
    }
    night.viewers(readings);
    night.stopBroadcast(t.plusMillis(2500), 4, 1);

    NightReport.Made made = NightReport.make(new NightReport.Request(dir, out.resolve("night.pdf"), null,
        ZoneId.of("Asia/Kolkata")));

    assertThat(made.pdf()).isEqualTo(out.resolve("night.pdf"));
    assertThat(made.html()).isEqualTo(out.resolve("night.html")).isRegularFile();
    List<Path> pages = render(made.pdf(), "report-night");
    assertThat(pages).isNotEmpty();
    assertThat(pages).anyMatch(NightReportPdfTest::notBlank);
    assertThat(text(made.pdf())).contains("West Bengal 2021", "Headline figures", "ALIPURDUARS", "<b>Bold</b>");
  }

  @Test
  void the_command_reports_a_data_dir_without_viewer_readings_with_its_results_and_stream() throws Exception {
    NightFixture night = new NightFixture(vertx, dir);
    night.startBroadcast();
    night.finals(Instant.parse("2021-05-02T07:00:00Z"), 1, 2, 3);
    night.stopBroadcast(Instant.now(), 3, 0);
    Path pdf = out.resolve("no-audience.pdf");

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "io.tallycast.Main", "report", "--data-dir", dir.toString(), "--out",
        pdf.toString(), "--zone", "Asia/Kolkata").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("tallycast report: wrote " + out.resolve("no-audience.html") + " and " + pdf)
        .contains("No audience was collected", "Stream: 3 frames dropped", "3 of 294 seats declared");
    String html = Files.readString(out.resolve("no-audience.html"));
    assertThat(html).contains("No audience was collected", "<h3>The stream</h3>", "The result", "West Bengal (S25)");
    assertThat(html.split("<svg", -1).length - 1).as("the seats and stream charts").isEqualTo(2);
    List<Path> pages = render(pdf, "report-no-audience");
    assertThat(pages).anyMatch(NightReportPdfTest::notBlank);
  }

  /** pdftoppm's page images at 50 dpi, copied to target/screenshots. */
  private List<Path> render(Path pdf, String name) throws Exception {
    Path images = Files.createDirectories(out.resolve(name + "-pages"));
    Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "50", pdf.toString(), images.resolve("page").toString())
        .redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(said).isZero();
    Files.createDirectories(SCREENSHOTS);
    List<Path> pages;
    try (Stream<Path> files = Files.list(images)) {
      pages = files.sorted().toList();
    }
    for (int i = 0; i < pages.size(); i++) {
      Files.copy(pages.get(i), SCREENSHOTS.resolve(name + "-" + (i + 1) + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
    return pages;
  }

  private static String text(Path pdf) throws Exception {
    Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return text;
  }

  /** Some pixel is clearly not white. */
  private static boolean notBlank(Path png) {
    try {
      BufferedImage image = ImageIO.read(png.toFile());
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          if (((rgb >> 16) & 0xff) < 200 || ((rgb >> 8) & 0xff) < 200 || (rgb & 0xff) < 200) {
            return true;
          }
        }
      }
      return false;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
