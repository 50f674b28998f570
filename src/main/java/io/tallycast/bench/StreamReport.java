package io.tallycast.bench;

import io.tallycast.process.ProcessGroups;
import io.tallycast.stream.StreamDefaults;
import io.tallycast.stream.encode.EncoderSettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The stream benchmark's table, with the plain ffmpeg comparison and the verdicts, for every size run. */
public final class StreamReport {
  private static final List<String> OURS = List.of(ProcessGroups.JAVA, ProcessGroups.CHROMIUM, ProcessGroups.XVFB,
      ProcessGroups.CHROMEDRIVER, ProcessGroups.OTHER);

  private final PrintStream out;

  public StreamReport(PrintStream out) {
    this.out = out;
  }

  /** The table of every run, and the verdict on the 1080p30 target. */
  public void print(List<StreamBenchmark.Result> results, int cores) {
    if (results.isEmpty()) {
      return;
    }
    out.println();
    out.printf("stream benchmark: demo overlay -> %s -> libx264 " + StreamDefaults.PRESET
        + " (crf " + (int) EncoderSettings.CRF + ", 4500k ceiling) -> local RTMP peer (%d cores here)%n",
        results.get(0).capture(), cores);
    String row = "%-44s" + "%16s".repeat(results.size()) + "%n";
    List<Object> head = new ArrayList<>(List.of(""));
    results.forEach(r -> head.add(r.width() + "x" + r.height() + "@30"));
    out.printf(row, head.toArray());
    Table<StreamBenchmark.Result> t = new Table<>(out, row, results);
    t.line("measured seconds", r -> fmt("%.1f", r.seconds()));
    for (String group : OURS) {
      t.line("cpu " + group + " (% of one core)", r -> fmt("%.1f%%", r.cpu().get(group)) + " /"
          + r.processes().get(group));
    }
    t.line("WHOLE MACHINE (sum of the above, cores)", r -> fmt("%.2f", r.wholeMachineCores()));
    t.line("not counted: the test's receiver (ffmpeg)", r -> fmt("%.1f%%", r.cpu().get(ProcessGroups.PEER)));
    if (results.stream().anyMatch(r -> r.load() > 0)) {
      t.line("not counted: " + BusyLoops.GROUP, r -> r.load() == 0 ? "-"
          : fmt("%.1f%%", r.cpu().get(BusyLoops.GROUP)) + " /" + r.processes().get(BusyLoops.GROUP));
    }
    t.line("output fps (encoded / s)", r -> fmt("%.2f", r.fps()));
    t.line("capture fps (new pictures / s)", r -> fmt("%.2f", r.captureFps()));
    t.line("dropped frames (clock ticks skipped)", r -> String.valueOf(r.dropped()));
    t.line("repeated frames (no new picture)", r -> String.valueOf(r.repeated()));
    t.line("captured pictures never encoded", r -> String.valueOf(r.captureSkipped()));
    t.line("video bitrate (kbit/s)", r -> String.valueOf(r.bitrate() / 1000));
    t.line("frames sent / received by the peer", r -> r.sent() + "/" + r.received());
    t.line("peer's timeline in the window: frames", r -> timeline(r.timeline(), tl -> tl.frames() + "/"
        + tl.expected()));
    t.line("peer's timeline: largest gap (ms)", r -> timeline(r.timeline(), tl -> fmt("%.0f", tl.maxGapSeconds()
        * 1000)));
    t.line("peer's timeline exactly 30 fps, no hole", r -> timeline(r.timeline(), tl -> tl.exact() ? "yes" : "NO"));
    t.line("machine busy, everything (cores)", r -> fmt("%.2f", r.machineBusy()));
    out.println("(/N after a cpu figure: processes counted. 'machine busy' is /proc/stat over the window: "
        + "every process of every user, so it also shows any other load on the machine. The peer's timeline: the "
        + "video timestamps it received in the measured window, against seconds x 30 (within 1); a hole is a gap "
        + "over 1.5 frames.)");
    for (StreamBenchmark.Result r : results) {
      warnIfBusy(out, r.width() + "x" + r.height(), r.machineBusy(), r.wholeMachineCores()
          + (r.cpu().get(ProcessGroups.PEER) + r.cpu().getOrDefault(BusyLoops.GROUP, 0.0)) / 100);
    }
    for (StreamBenchmark.Result r : results) {
      out.printf("java's busiest threads at %dx%d: %s%n", r.width(), r.height(), String.join(", ", r.topThreads()));
    }
    for (StreamBenchmark.Result r : results) {
      if (!r.encoder().isEmpty()) {
        out.printf("at %dx%d, %s%n", r.width(), r.height(), String.join(System.lineSeparator(), r.encoder()));
      }
    }
    results.forEach(this::plain);
    results.stream().filter(r -> r.height() == 1080).forEach(r -> out.printf(Locale.ROOT,
        "target: whole machine <= %.1f core at 1080p30 with 0 dropped frames: %s (%.2f cores, %d dropped)%n",
        StreamBenchmark.Result.TARGET_CORES, r.targetMet() ? "met" : "NOT met", r.wholeMachineCores(), r.dropped()));
    results.stream().filter(r -> r.load() > 0).forEach(r -> out.printf(Locale.ROOT,
        "%dp30 under %d busy loops: timeline exactly 30 fps and 0 dropped: %s (%s; %d dropped)%n", r.height(),
        r.load(), r.underLoadMet() ? "met" : "NOT met", timeline(r.timeline(), FrameTimeline::summary), r.dropped()));
  }

  /** Ours against the plain ffmpeg pipeline on the same display and page, over a window of the same length. */
  private void plain(StreamBenchmark.Result r) {
    PlainFfmpeg.Result p = r.plain();
    if (p == null) {
      return;
    }
    out.println();
    out.printf("%dx%d@30, ours against the plain ffmpeg pipeline (same Xvfb, same kiosk Chromium and page):%n",
        r.width(), r.height());
    out.println("  " + String.join(" ", p.command()));
    if (p.problem() != null) {
      out.println("  plain ffmpeg pipeline skipped: " + p.problem());
      return;
    }
    String row = "%-44s%16s%16s%n";
    out.printf(row, "", "ours", "plain ffmpeg");
    out.printf(row, "measured seconds", fmt("%.1f", r.seconds()), fmt("%.1f", p.seconds()));
    out.printf(row, "cpu " + PlainFfmpeg.GROUP, "-", pct(p.cpu().get(PlainFfmpeg.GROUP)));
    for (String group : OURS) {
      out.printf(row, "cpu " + group + (group.equals(ProcessGroups.JAVA) ? " (*)" : ""), pct(r.cpu().get(group)),
          pct(p.cpu().get(group)));
    }
    out.printf(row, "WHOLE MACHINE (cores)", fmt("%.2f", r.wholeMachineCores()), fmt("%.2f", p.wholeMachineCores()));
    if (r.load() > 0) {
      out.printf(row, "not counted: " + BusyLoops.GROUP, pct(r.cpu().get(BusyLoops.GROUP)),
          pct(p.cpu().get(BusyLoops.GROUP)));
    }
    FrameTimeline ours = r.timeline();
    FrameTimeline theirs = p.timeline();
    out.printf(row, "peer received in the window (fps)", ours == null ? "?" : fmt("%.2f", ours.receivedFps()),
        fmt("%.2f", theirs.receivedFps()));
    out.printf(row, "frames in the window / expected", ours == null ? "?" : ours.frames() + "/" + ours.expected(),
        theirs.frames() + "/" + theirs.expected());
    out.printf(row, "largest gap between frames (ms)", ours == null ? "?" : fmt("%.0f", ours.maxGapSeconds() * 1000),
        fmt("%.0f", theirs.maxGapSeconds() * 1000));
    out.printf(row, "frames received by the peer (whole run)", r.received(), p.received());
    out.printf(row, "machine busy, everything (cores)", fmt("%.2f", r.machineBusy()), fmt("%.2f", p.machineBusy()));
    out.printf(Locale.ROOT, "(*) java in the plain column is the demo engine serving the page, which both pipelines "
        + "need; our capture stays open to keep the display, so its threads (%.1f%%) are taken out, but Xvfb serves "
        + "its grabs as well as ffmpeg's.%n", p.captureThreads());
    warnIfBusy(out, "the plain pipeline's window", p.machineBusy(), p.wholeMachineCores() + p.captureThreads() / 100
        + (p.cpu().get(ProcessGroups.PEER) + p.cpu().getOrDefault(BusyLoops.GROUP, 0.0)) / 100);
    out.printf(Locale.ROOT, "CPU ratio, ours / plain ffmpeg (whole machine): %.2f (%.2f / %.2f cores)%n",
        r.wholeMachineCores() / p.wholeMachineCores(), r.wholeMachineCores(), p.wholeMachineCores());
  }

  /**
   * Says so when the machine was busier than this benchmark's processes (other users' builds, say) by a third of a
   * core or more: the figures are then those of a contended machine, not a quiet one.
   */
  static void warnIfBusy(PrintStream out, String when, double machineBusy, double counted) {
    if (machineBusy - counted >= 0.33) {
      out.printf(Locale.ROOT, "warning: during %s the machine was %.2f cores busy, %.2f of them outside this "
          + "benchmark (other processes): these figures are not those of a quiet machine%n", when, machineBusy,
          machineBusy - counted);
    }
  }

  private static String timeline(FrameTimeline t, Function<FrameTimeline, String> cell) {
    return t == null ? "?" : cell.apply(t);
  }

  private static String pct(Double value) {
    return value == null ? "-" : fmt("%.1f%%", value);
  }

  static String fmt(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }

  /** Rows of one label and one cell per run. */
  record Table<R>(PrintStream out, String row, List<R> runs) {
    void line(String label, Function<R, String> cell) {
      List<Object> cells = new ArrayList<>(List.of(label));
      runs.forEach(r -> cells.add(cell.apply(r)));
      out.printf(row, cells.toArray());
    }
  }
}
