package io.tallycast.report;

import io.tallycast.process.OwnSession;
import io.tallycast.process.OwnedProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prints an HTML file to PDF with Debian's Chromium (headless, its own throwaway profile, a deadline). Blocking: the
 * caller runs it on a worker thread, never on an event loop.
 */
final class PdfPrinter {
  /** The property naming another Chromium than Debian's (tests use it to stand in a failing one). */
  static final String PROPERTY = "tallycast.chromium";
  static final Duration DEADLINE = Duration.ofSeconds(90);

  private PdfPrinter() {
  }

  static Path chromium() {
    return Path.of(System.getProperty(PROPERTY, "/usr/bin/chromium"));
  }

  /** Refuses at once when there is no Chromium to print with, before the report writes anything. */
  static void requireChromium() throws IOException {
    if (!Files.isExecutable(chromium())) {
      throw new IOException("cannot print the report to PDF: no Chromium at " + chromium()
          + " (install Debian's chromium, or ask for an .html report)");
    }
  }

  static void print(Path html, Path pdf) throws IOException {
    requireChromium();
    Path profile = OwnedProcesses.claimFolder("pdf");
    Path partial = profile.resolve("report.pdf");
    Path log = profile.resolve("chromium.log");
    List<String> command = new ArrayList<>(List.of(chromium().toString(), "--headless", "--disable-gpu",
        "--no-sandbox", "--disable-dev-shm-usage", "--no-pdf-header-footer", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--user-data-dir=" + profile, "--print-to-pdf=" + partial, html.toAbsolutePath().toUri().toString()));
    Process process = null;
    try {
      process = new ProcessBuilder(OwnSession.command(command)).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      OwnedProcesses.note(profile, process.toHandle());
      if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        throw new IOException("Chromium did not print the report within " + DEADLINE.toSeconds() + " s");
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
        throw new IOException("Chromium could not print the report (exit " + process.exitValue() + "): "
            + lastLines(log));
      }
      Files.move(partial, pdf, StandardCopyOption.REPLACE_EXISTING);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while Chromium printed the report", e);
    } finally {
      if (process != null) {
        OwnedProcesses.stop(List.of(process.toHandle()));
      }
      OwnedProcesses.stop(OwnedProcesses.withProfile(profile)); // its helpers, if any outlived it
      OwnedProcesses.delete(profile);
    }
  }

  /** What Chromium said last, for the error (its many harmless D-Bus complaints left out). */
  private static String lastLines(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.contains("dbus") && !l.contains("unexpected operator")).toList();
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "no output";
    }
  }
}
