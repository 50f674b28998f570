package io.tallycast.report;

import io.tallycast.report.AudienceFigures.Audience;
import io.tallycast.store.NightRecord.TimedEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The night's report: for one broadcast of a data dir (the latest unless asked; the span of the stored events when
 * there is none), the audience, the stream's health, the biggest jumps and the result, as a self-contained HTML page
 * and, on request, a PDF printed by Chromium; its figures also go to {@code DATA_DIR/reports/<key>.json}, which later
 * reports compare with. Blocking (SQLite, files, Chromium): call it from a worker, never from an event loop.
 */
public final class NightReport {
  private NightReport() {
  }

  /**
   * What to report and where.
   *
   * @param out the report's file: .html, or .pdf (the HTML is then written beside it under the same base name)
   * @param broadcastId the broadcast to report, null for the latest
   * @param zone the clock the report's times are in, null for this machine's
   */
  public record Request(Path dataDir, Path out, Long broadcastId, ZoneId zone) {
  }

  /** What was written: the HTML, the PDF (null for an .html report) and the figures. */
  public record Made(Path html, Path pdf, Summary summary) {
  }

  public static Made make(Request request) throws IOException {
    if (request == null || request.dataDir() == null || request.out() == null) {
      throw new IllegalArgumentException("a report needs a data dir and an output file");
    }
    String name = request.out().getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean pdf = lower.endsWith(".pdf");
    String base = name.substring(0, Math.max(0, name.lastIndexOf('.')));
    if (!pdf && !lower.endsWith(".html") || base.isEmpty()) {
      throw new IllegalArgumentException("the report's output must be a .pdf or an .html file, not '" + name + "'");
    }
    Path dataDir = request.dataDir();
    if (!Files.isRegularFile(dataDir.resolve("tallycast.db"))) {
      throw new IllegalArgumentException("no tallycast database in " + dataDir.toAbsolutePath()
          + (Files.isDirectory(dataDir) ? "" : " (no such folder)") + ": give the data dir the engine ran with");
    }
    if (pdf) {
      PdfPrinter.requireChromium();
    }
    ZoneId zone = request.zone() == null ? ZoneId.systemDefault() : request.zone();
    NightData data = NightData.read(dataDir, request.broadcastId());

    List<TimedEvent> inWindow = data.events().stream()
        .filter(e -> !e.committed().isBefore(data.start()) && !e.committed().isAfter(data.end())).toList();
    Audience audience = AudienceFigures.of(data.viewers(), data.start(), data.end());
    Summary summary = new Summary(data.key(), data.broadcast() == null ? null : data.broadcast().id(),
        data.broadcast() == null ? null : data.broadcast().channel(), data.election(), data.start(), data.end(),
        zone.getId(), Instant.now(), Duration.between(data.start(), data.end()).toSeconds(), audience.platforms(),
        audience.total(), StreamFigures.of(data.before(), data.stream()),
        Jumps.of(audience.totalSteps(), data.events(), new EventText(data.seats())), data.platformTotals(),
        data.results().stream().map(NightReport::stateLine).toList());

    Charts charts = new Charts(zone, Duration.between(data.start(), data.end()));
    List<ReportHtml.Figure> tallies = new ArrayList<>();
    for (JsonObject state : data.results()) {
      String caption = "Seats declared and the leading parties' seats won or leading, " + state.getString("name")
          + " (" + state.getString("state") + "), as the store committed them.";
      charts.tallies(state.getString("state"), state.getLong("majority"), data.events(), data.parties(),
          data.start(), data.end()).ifPresent(svg -> tallies.add(new ReportHtml.Figure(caption, svg)));
    }
    ReportHtml.Figures figures = new ReportHtml.Figures(charts.viewers(audience, inWindow, data.end()), tallies,
        charts.stream(data.before(), data.stream()));
    String page = ReportHtml.page(summary, data.results(), figures, SummaryFiles.others(dataDir, data.key()));

    Path out = request.out().toAbsolutePath();
    Path html = pdf ? out.resolveSibling(base + ".html") : out;
    Files.createDirectories(out.getParent());
    SummaryFiles.writeWhole(html, page);
    if (pdf) {
      PdfPrinter.print(html, out);
    }
    SummaryFiles.write(dataDir, summary); // last: a report that failed is not compared with
    return new Made(html, pdf ? out : null, summary);
  }

  /** A state's line of the summary, from its API summary (parties come sorted by won + leading). */
  private static Summary.StateLine stateLine(JsonObject state) {
    JsonObject seats = state.getJsonObject("seats");
    JsonArray parties = state.getJsonArray("parties", new JsonArray());
    JsonObject first = parties.isEmpty() ? null : parties.getJsonObject(0);
    boolean anyone = first != null && first.getLong("won", 0L) + first.getLong("leading", 0L) > 0;
    return new Summary.StateLine(state.getString("state"), state.getString("name", state.getString("state")),
        seats.getLong("total", 0L), seats.getLong("declared", 0L), state.getLong("majority", 0L),
        anyone ? first.getString("party") : null, anyone ? first.getLong("won") : 0,
        anyone ? first.getLong("leading") : 0);
  }
}
