package io.tallycast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.Main;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input is refused with a clear message, and nothing is written. */
class NightReportInputTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  @TempDir
  Path dir;
  @TempDir
  Path out;
  private Vertx vertx;

  @AfterEach
  void close() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static NightReport.Request request(Path dataDir, Path file, Long broadcast) {
    return new NightReport.Request(dataDir, file, broadcast, IST);
  }

  private boolean nothingWritten() throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      return files.findAny().isEmpty() && !Files.exists(dir.resolve("reports"));
    }
  }

  @Test
  void a_missing_data_dir_or_one_without_a_database_is_refused() throws Exception {
    assertThatThrownBy(() -> NightReport.make(request(dir.resolve("nowhere"), out.resolve("r.pdf"), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tallycast database in")
        .hasMessageContaining("no such folder");
    assertThatThrownBy(() -> NightReport.make(request(dir, out.resolve("r.pdf"), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tallycast database in " + dir);
    assertThat(nothingWritten()).isTrue();
  }

  @Test
  void an_unknown_broadcast_and_an_output_neither_pdf_nor_html_are_refused() throws Exception {
    vertx = Vertx.vertx();
    new NightFixture(vertx, dir).startBroadcast();

    assertThatThrownBy(() -> NightReport.make(request(dir, out.resolve("r.html"), 42L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no broadcast 42 in " + dir + " (its broadcasts: 1)");
    assertThatThrownBy(() -> NightReport.make(request(dir, out.resolve("r.txt"), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the report's output must be a .pdf or an .html file, not 'r.txt'");
    assertThatThrownBy(() -> NightReport.make(request(dir, out.resolve(".pdf"), null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(nothingWritten()).isTrue();
  }

  @Test
  void without_chromium_a_pdf_is_refused_before_anything_is_written_and_a_failing_one_is_reported() throws Exception {
    vertx = Vertx.vertx();
    new NightFixture(vertx, dir).startBroadcast();
    Path failing = Files.writeString(out.resolveSibling(out.getFileName() + "-chromium.sh"),
        "#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n");
    failing.toFile().setExecutable(true);
    try {
      System.setProperty(PdfPrinter.PROPERTY, dir.resolve("no-chromium").toString());
      assertThatThrownBy(() -> NightReport.make(request(dir, out.resolve("r.pdf"), null)))
          .isInstanceOf(java.io.IOException.class).hasMessageContaining("no Chromium at " + dir.resolve("no-chromium"));
      assertThat(nothingWritten()).isTrue();

      System.setProperty(PdfPrinter.PROPERTY, failing.toString());
      assertThatThrownBy(() -> NightReport.make(request(dir, out.resolve("r.pdf"), null)))
          .isInstanceOf(java.io.IOException.class)
          .hasMessage("Chromium could not print the report (exit 3): cannot open display");
      assertThat(out.resolve("r.pdf")).doesNotExist();
      assertThat(dir.resolve("reports")).as("a report that failed is not compared with").doesNotExist();
    } finally {
      System.clearProperty(PdfPrinter.PROPERTY);
      Files.deleteIfExists(failing);
    }
  }

  @Test
  void the_command_says_what_is_wrong_in_one_line_and_exits_non_zero() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new Main()).execute("report", "--data-dir", dir.toString(), "--out",
          out.resolve("night.docx").toString());
    } finally {
      System.setErr(original);
    }

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("tallycast report: the report's output must be a .pdf or an .html file, not 'night.docx'");
    assertThat(nothingWritten()).isTrue();
  }
}
