package io.tallycast.report;

import io.tallycast.bus.PlatformTotals;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Entities;

/**
 * The report as one self-contained HTML page (inline CSS and SVG, A4-printable). Every text that comes from the data
 * dir (names of seats, candidates, parties, platforms) goes through {@link #esc}: it is text, never markup.
 */
final class ReportHtml {
  /** A chart with its caption. */
  record Figure(String caption, String svg) {
  }

  /** The charts of the report: each may be missing (no audience, no tally change, no stream sample). */
  record Figures(Optional<String> viewers, List<Figure> tallies, Optional<String> stream) {
  }

  private final StringBuilder html = new StringBuilder(64 * 1024);
  private final DateTimeFormatter day;
  private final DateTimeFormatter clock;
  private final DateTimeFormatter dayAndClock;

  private ReportHtml(ZoneId zone) {
    day = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.UK).withZone(zone);
    clock = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK).withZone(zone);
    dayAndClock = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.UK).withZone(zone);
  }

  static String page(Summary s, List<JsonObject> results, Figures figures, List<Summary> earlier) {
    ReportHtml page = new ReportHtml(ZoneId.of(s.zone()));
    page.write(s, results, figures, earlier);
    return page.html.toString();
  }

  private void write(Summary s, List<JsonObject> results, Figures figures, List<Summary> earlier) {
    add("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .text(s.election() + " - the night's report").add("</title><style>\n").add(css())
        .add("</style></head><body>\n");
    add("<h1>").text(s.election()).add("</h1>\n<p class=\"sub\">").text(day.format(s.start()))
        .add(s.channel() == null ? "" : ", channel " + esc(s.channel()))
        .add(s.broadcastId() == null ? ", the span of the stored events" : ", broadcast " + s.broadcastId())
        .add(": ").text(clock.format(s.start()) + " to " + clock.format(s.end()) + " (" + s.zone() + ")")
        .add(". Report made ").text(dayAndClock.format(s.made())).add(".</p>\n");
    headline(s);
    add("<h2>Over the night</h2>\n");
    if (figures.viewers().isPresent()) {
      figure("Viewers over time, as each platform reported them (a reading holds until the next); diamonds mark "
          + "declarations and lead flips on the total.", figures.viewers().get());
    } else {
      add(s.platforms().isEmpty() ? "<p class=\"none\">No audience was collected, so there is no viewer chart.</p>\n"
          : "<p class=\"none\">No platform gave a figure in this window (hidden, ended or refused: see the table "
          + "above), so there is no viewer chart.</p>\n");
    }
    for (Figure f : figures.tallies()) {
      figure(f.caption(), f.svg());
    }
    if (figures.tallies().isEmpty()) {
      add("<p class=\"none\">No party tally changed during this window.</p>\n");
    }
    if (figures.stream().isPresent()) {
      figure("The stream's health: frames per second and bitrate (left), frames dropped so far (right).",
          figures.stream().get());
    } else {
      add("<p class=\"none\">No stream health was kept during this window.</p>\n");
    }
    if (s.audienceCollected()) {
      jumps(s);
    }
    add("<h2>The result</h2>\n");
    for (JsonObject state : results) {
      result(state);
    }
    comparison(s, earlier);
    add("<p class=\"note\">How the figures are made: a platform's reading holds until its next reading, for at most "
        + "twice its usual interval, and never past the window's end; a hidden, ended or failed reading holds nothing. "
        + "Minutes watched add viewers times minutes held; an average is minutes watched divided by the minutes a "
        + "figure was held. The total adds each platform's held figure at every moment. The stream's counters are "
        + "summed over restarts. A jump is the largest rise of the total within two minutes; the events listed were "
        + "committed from three minutes before it began until it ended.</p>\n");
    add("</body></html>\n");
  }

  private void headline(Summary s) {
    add("<h2>Headline figures</h2>\n<table><tbody>\n<tr><th>Time on air</th><td class=\"n\">")
        .text(Summary.duration(s.timeOnAirSeconds())).add("</td></tr>\n</tbody></table>\n");
    if (!s.audienceCollected()) {
      add("<p class=\"none\">No audience was collected: no platform was configured, or none gave a figure during "
          + "this window.</p>\n");
    } else {
      add("<h3>Audience (our own readings)</h3>\n<table><thead><tr><th>Platform</th><th class=\"n\">Peak viewers</th>"
          + "<th class=\"n\">Average viewers</th><th class=\"n\">Minutes watched</th><th class=\"n\">Minutes with a "
          + "figure</th><th class=\"n\">Readings</th></tr></thead><tbody>\n");
      for (Summary.Platform p : s.platforms()) {
        add("<tr><td>").text(p.platform()).add("</td>").num(p.peak()).num(p.average()).num(p.minutesWatched())
            .num(p.minutesCovered()).num(p.samples()).add("</tr>\n");
      }
      Summary.Total t = s.total();
      add("<tr class=\"total\"><td>All platforms</td>").num(t.peak()).num(t.average()).num(t.minutesWatched())
          .num(t.minutesCovered()).add("<td></td></tr>\n</tbody></table>\n");
    }
    if (!s.platformTotals().isEmpty()) {
      add("<h3>YouTube's own figures</h3>\n<table><thead><tr><th>Platform</th><th>Video</th><th class=\"n\">Peak "
          + "concurrent</th><th class=\"n\">Average concurrent</th><th class=\"n\">Minutes watched</th>"
          + "<th>Fetched</th></tr></thead><tbody>\n");
      for (PlatformTotals p : s.platformTotals()) {
        add("<tr><td>").text(p.platform()).add("</td><td>").text(p.video()).add("</td>").num(p.peakConcurrent())
            .num(p.averageConcurrent()).num(p.minutesWatched()).add("<td>").text(dayAndClock.format(p.fetchedAt()))
            .add("</td></tr>\n");
      }
      add("</tbody></table>\n");
    }
    if (s.stream().all() == null) {
      add("<p class=\"none\">No stream health was kept during this window.</p>\n");
      return;
    }
    add("<h3>The stream</h3>\n<table class=\"wide\"><thead><tr><th>Channel</th><th class=\"n\">Frames dropped</th>"
        + "<th class=\"n\">Frames repeated</th><th class=\"n\">Reconnects</th><th class=\"n\">Browser restarts</th>"
        + "<th class=\"n\">Encoder adaptations</th><th class=\"n\">Samples</th></tr></thead><tbody>\n");
    List<Summary.Channel> rows = new ArrayList<>(s.stream().channels());
    if (rows.size() > 1) {
      rows.add(s.stream().all());
    }
    for (Summary.Channel c : rows) {
      add(c == s.stream().all() ? "<tr class=\"total\"><td>All channels" : "<tr><td>").text(c == s.stream().all()
          ? "" : c.channel()).add("</td>").num(c.dropped()).num(c.repeated()).num(c.reconnects())
          .num(c.browserRestarts()).num(c.encoderChanges()).num(c.samples()).add("</tr>\n");
    }
    add("</tbody></table>\n");
  }

  private void jumps(Summary s) {
    add("<h2>The biggest audience jumps</h2>\n");
    if (s.jumps().isEmpty()) {
      add("<p class=\"none\">The total audience never rose during this window.</p>\n");
      return;
    }
    add("<table><thead><tr><th>When</th><th class=\"n\">From</th><th class=\"n\">To</th><th class=\"n\">Rise</th>"
        + "<th>Just before: declarations and lead flips</th></tr></thead><tbody>\n");
    for (Summary.Jump j : s.jumps()) {
      add("<tr><td class=\"when\">").text(clock.format(j.from()) + " to " + clock.format(j.to())).add("</td>")
          .num(j.fromViewers()).num(j.toViewers()).num(j.toViewers() - j.fromViewers()).add("<td>");
      if (j.events().isEmpty()) {
        add("nothing declared or flipped");
      } else {
        add("<ul class=\"events\">");
        j.events().forEach(e -> add("<li>").text(e).add("</li>"));
        add(j.moreEvents() > 0 ? "<li>and " + j.moreEvents() + " more</li>" : "").add("</ul>");
      }
      add("</td></tr>\n");
    }
    add("</tbody></table>\n");
  }

  private void result(JsonObject state) {
    JsonObject seats = state.getJsonObject("seats");
    add("<section class=\"state\"><h3>").text(state.getString("name", state.getString("state")) + " ("
        + state.getString("state") + ")").add("</h3>\n<p>").num0(seats.getLong("declared")).add(" of ")
        .num0(seats.getLong("total")).add(" seats declared, ").num0(seats.getLong("counting"))
        .add(" counting; majority mark ").num0(state.getLong("majority")).add(".</p>\n");
    add("<table><thead><tr><th>Party</th><th class=\"n\">Won</th><th class=\"n\">Leading</th><th class=\"n\">Won + "
        + "leading</th><th class=\"n\">Votes</th><th class=\"n\">Vote share</th></tr></thead><tbody>\n");
    // the parties with a seat or at least 1 % of the vote by name; the rest in one line, as a results desk says it
    long otherVotes = 0;
    double otherShare = 0;
    int others = 0;
    for (Object o : state.getJsonArray("parties")) {
      JsonObject p = (JsonObject) o;
      long won = p.getLong("won", 0L);
      long leading = p.getLong("leading", 0L);
      if (won + leading + p.getLong("votes", 0L) == 0) {
        continue; // a party of the past election only: nothing to say about tonight
      }
      if (won + leading == 0 && p.getDouble("voteShare", 0.0) < 1.0) {
        otherVotes += p.getLong("votes", 0L);
        otherShare += p.getDouble("voteShare", 0.0);
        others++;
        continue;
      }
      String colour = p.getString("color", "");
      add("<tr><td><span class=\"swatch\" style=\"background:")
          .add(colour.matches("#[0-9a-fA-F]{3,8}") ? colour : "#ccc").add("\"></span>").text(p.getString("party"))
          .add(" <small>").text(p.getString("name", "")).add("</small></td>").num(won).num(leading).num(won + leading)
          .num(p.getLong("votes", 0L)).add("<td class=\"n\">")
          .add(String.format(Locale.UK, "%.2f %%", p.getDouble("voteShare", 0.0))).add("</td></tr>\n");
    }
    if (others > 0) {
      add("<tr><td>Others <small>").num0((long) others).add(others == 1 ? " party" : " parties")
          .add(" without a seat, each under 1 %</small></td>").num(0).num(0).num(0).num(otherVotes)
          .add("<td class=\"n\">").add(String.format(Locale.UK, "%.2f %%", otherShare)).add("</td></tr>\n");
    }
    add("</tbody></table></section>\n");
  }

  private void comparison(Summary s, List<Summary> earlier) {
    add("<h2>Beside the other events of this data dir</h2>\n");
    if (earlier.isEmpty()) {
      add("<p class=\"none\">No other report was made from this data dir: this is the first.</p>\n");
    }
    List<Summary> all = new ArrayList<>(earlier);
    all.add(s);
    all.sort((a, b) -> a.start().compareTo(b.start()));
    add("<table class=\"wide\"><thead><tr><th>Event</th><th>Date</th><th class=\"n\">On air</th>"
        + "<th class=\"n\">Peak total</th><th class=\"n\">Average total</th><th class=\"n\">Minutes watched</th>"
        + "<th class=\"n\">Dropped</th><th class=\"n\">Reconnects</th></tr></thead><tbody>\n");
    for (Summary e : all) {
      boolean self = e.key().equals(s.key());
      Summary.Channel c = e.stream() == null ? null : e.stream().all();
      add(self ? "<tr class=\"this\"><td>" : "<tr><td>").text(e.election() + (e.channel() == null ? ""
          : ", " + e.channel()) + (self ? " (this report)" : "")).add("</td><td class=\"when\">")
          .text(dayAndClock.format(e.start())).add("</td><td class=\"n\">").text(Summary.duration(e.timeOnAirSeconds()))
          .add("</td>");
      if (e.audienceCollected()) {
        num(e.total().peak()).num(e.total().average()).num(e.total().minutesWatched());
      } else {
        add("<td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td>");
      }
      if (c == null) {
        add("<td class=\"n\">-</td><td class=\"n\">-</td>");
      } else {
        num(c.dropped()).num(c.reconnects());
      }
      add("</tr>\n");
    }
    add("</tbody></table>\n");
  }

  private void figure(String caption, String svg) {
    add("<figure>").add(svg).add("<figcaption>").text(caption).add("</figcaption></figure>\n");
  }

  private ReportHtml add(String raw) {
    html.append(raw);
    return this;
  }

  private ReportHtml text(String text) {
    html.append(esc(text));
    return this;
  }

  /** A number cell, rounded, with thousands separators; empty for none. */
  private ReportHtml num(Number value) {
    return add("<td class=\"n\">").add(value == null ? "" : Summary.count(value.doubleValue())).add("</td>");
  }

  private ReportHtml num0(Long value) {
    return add(value == null ? "?" : Summary.count(value));
  }

  static String esc(String text) {
    return text == null ? "" : Entities.escape(text);
  }

  private static String css() {
    try (InputStream in = ReportHtml.class.getResourceAsStream("/report/report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
