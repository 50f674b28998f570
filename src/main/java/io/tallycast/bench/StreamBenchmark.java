package io.tallycast.bench;

import io.tallycast.process.OwnedProcesses;
import io.tallycast.process.ProcessCpu;
import io.tallycast.process.ProcessGroups;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.Streamer;
import io.tallycast.stream.capture.CaptureConfig;
import io.tallycast.stream.capture.Captures;
import io.tallycast.stream.capture.FrameSource;
import io.tallycast.stream.output.Destination;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the stream costs: the demo overlay captured (Xvfb + kiosk Chromium + x11grab), encoded (libx264 veryfast,
 * 4500k) and pushed to a local RTMP peer (the bundled ffmpeg, copying to a file), with the CPU of every process read
 * from /proc over a measured window after a warm-up. The peer stands in for YouTube, so its CPU is shown but not
 * counted. The page comes from the caller (the CLI starts the demo's replay site and engine in this JVM, so their
 * cost is in the java figure, as it is on an election night).
 */
public final class StreamBenchmark {
  /** The page to capture, kept up for one run. */
  public interface Page extends AutoCloseable {
    String url();
  }

  /** Starts a fresh page for one run (a fresh demo, so every size sees the same counting day). */
  public interface PageFactory {
    Page open() throws Exception;
  }

  /** One run's figures; cpu values are percent of one core over the measured window. */
  public record Result(int width, int height, double seconds, Map<String, Double> cpu, Map<String, Long> processes,
                       List<String> topThreads, double fps, double captureFps, long dropped, long captureSkipped,
                       long repeated, long bitrate, long sent, long received, double machineBusy, String capture) {
    public double wholeMachineCores() {
      return (cpu.get(ProcessGroups.JAVA) + cpu.get(ProcessGroups.CHROMIUM) + cpu.get(ProcessGroups.XVFB)
          + cpu.get(ProcessGroups.CHROMEDRIVER) + cpu.get(ProcessGroups.OTHER)) / 100;
    }

    public boolean targetMet() {
      return wholeMachineCores() <= 1.0 && dropped == 0;
    }
  }

  private final PrintStream out;
  private final int warmupSeconds;

  public StreamBenchmark(PrintStream out, int warmupSeconds) {
    this.out = out;
    this.warmupSeconds = warmupSeconds;
  }

  /** Runs one size end to end and leaves no process behind. */
  public Result run(PageFactory pages, int width, int height, int seconds) throws Exception {
    Path work = OwnedProcesses.claimFolder("bench-stream");
    Process peer = null;
    try (Page page = pages.open()) {
      int port = BundledFfmpeg.freePort();
      Path received = work.resolve("received.flv");
      peer = BundledFfmpeg.listen(port, "live", "bench", received);
      OwnedProcesses.note(work, peer.toHandle());
      // the page's address may have a query already (the demo's names its scene)
      String url = page.url() + (height <= 720 ? (page.url().contains("?") ? "&" : "?") + "size=720" : "");
      out.printf("%n== %dx%d: capturing %s, pushing to rtmp://127.0.0.1:%d/live/****%n", width, height, url, port);
      FrameSource source = Captures.open(CaptureConfig.of(url, width, height, 30));
      StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest("rtmp://127.0.0.1:"
          + port + "/live/bench")))
          .withSize(width, height).withFps(30).withBitrate(4_500_000, false).withPreset("veryfast");
      Result result;
      long sent;
      Streamer streamer = new Streamer(config, source);
      Process listener = peer;
      // Ctrl-C: Xvfb, Chromium, chromedriver and the peer are separate processes that would outlive this JVM
      Thread hook = new Thread(() -> {
        streamer.close();
        listener.destroyForcibly();
      }, "bench-stream-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try (streamer) {
        streamer.start();
        out.printf("   warming up %d s...%n", warmupSeconds);
        Thread.sleep(warmupSeconds * 1000L);
        result = measure(streamer, peer.pid(), width, height, seconds);
        streamer.close();
        sent = streamer.encoded();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
          // the JVM is already stopping: the hook runs
        }
      }
      // the pusher closed the connection: the peer finishes its file and exits
      if (!peer.waitFor(15, TimeUnit.SECONDS)) {
        peer.destroy();
        peer.waitFor(5, TimeUnit.SECONDS);
      }
      long got = Files.exists(received) ? BundledFfmpeg.videoPackets(received) : 0;
      return withReceived(result, sent, got);
    } finally {
      if (peer != null && peer.isAlive()) {
        peer.destroyForcibly();
        peer.waitFor(5, TimeUnit.SECONDS);
      }
      OwnedProcesses.delete(work);
    }
  }

  private Result measure(Streamer streamer, long peerPid, int width, int height, int seconds) throws Exception {
    ProcessGroups processes = new ProcessGroups(peerPid);
    long self = ProcessHandle.current().pid();
    Map<Long, ProcessCpu.ThreadTicks> threadsBefore = ProcessCpu.threads(self);
    long encoded0 = streamer.encoded();
    long dropped0 = streamer.dropped();
    long skipped0 = streamer.droppedByPacer();
    long repeated0 = streamer.repeated();
    long bytes0 = streamer.encodedBytes();
    long frames0 = sourceFrames(streamer);
    long busy0 = ProcessCpu.machineBusyTicks();
    long t0 = System.nanoTime();
    processes.start();
    out.printf("   measuring %d s...%n", seconds);
    long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
      processes.sample();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long busy = ProcessCpu.machineBusyTicks() - busy0;
    double tick = ProcessCpu.ticksPerSecond();
    Map<String, Double> cpu = new java.util.LinkedHashMap<>();
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    processes.ticksByGroup().forEach((group, t) -> {
      cpu.put(group, t[0] / tick / elapsed * 100);
      counts.put(group, t[1]);
    });
    List<String> top = topThreads(threadsBefore, ProcessCpu.threads(self), tick, elapsed);
    JsonObject source = streamer.source().status();
    return new Result(width, height, elapsed, cpu, counts, top, (streamer.encoded() - encoded0) / elapsed,
        (sourceFrames(streamer) - frames0) / elapsed, streamer.dropped() - dropped0,
        streamer.droppedByPacer() - skipped0, streamer.repeated() - repeated0,
        Math.round((streamer.encodedBytes() - bytes0) * 8 / elapsed), 0, 0, busy / tick / elapsed,
        source.getString("capture", "?"));
  }

  private static long sourceFrames(Streamer streamer) {
    Object frames = streamer.source().status().getValue("frames");
    return frames instanceof Number n ? n.longValue() : 0;
  }

  /** The JVM's busiest threads by name (numbers folded: all event loops as one), percent of one core. */
  static List<String> topThreads(Map<Long, ProcessCpu.ThreadTicks> before, Map<Long, ProcessCpu.ThreadTicks> after,
                                 double tick, double seconds) {
    Map<String, Long> byName = new HashMap<>();
    after.forEach((tid, t) -> {
      ProcessCpu.ThreadTicks b = before.get(tid);
      long delta = t.ticks() - (b == null ? 0 : b.ticks());
      // threads started by native code (libx264's workers, FFmpeg's) inherit the process name
      String name = t.name().equals("java") ? "native (x264...)" : t.name().replaceAll("[-#]?\\d+$", "");
      byName.merge(name, delta, Long::sum);
    });
    List<String> top = new ArrayList<>();
    byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
        .forEach(e -> top.add(String.format(Locale.ROOT, "%s %.0f%%", e.getKey(),
            e.getValue() / tick / seconds * 100)));
    return top;
  }

  private static Result withReceived(Result r, long sent, long received) {
    return new Result(r.width(), r.height(), r.seconds(), r.cpu(), r.processes(), r.topThreads(), r.fps(),
        r.captureFps(), r.dropped(), r.captureSkipped(), r.repeated(), r.bitrate(), sent, received, r.machineBusy(),
        r.capture());
  }

  /** The table of every run, and the verdict on the 1080p30 target. */
  public void print(List<Result> results, int cores) {
    if (results.isEmpty()) {
      return;
    }
    out.println();
    out.printf("stream benchmark: demo overlay -> %s -> libx264 veryfast 4500k -> local RTMP peer (%d cores here)%n",
        results.get(0).capture(), cores);
    String row = "%-44s" + "%16s".repeat(results.size()) + "%n";
    List<Object> head = new ArrayList<>(List.of(""));
    results.forEach(r -> head.add(r.width() + "x" + r.height() + "@30"));
    out.printf(row, head.toArray());
    line(row, results, "measured seconds", r -> fmt("%.1f", r.seconds()));
    for (String group : List.of(ProcessGroups.JAVA, ProcessGroups.CHROMIUM, ProcessGroups.XVFB,
        ProcessGroups.CHROMEDRIVER, ProcessGroups.OTHER)) {
      line(row, results, "cpu " + group + " (% of one core)",
          r -> fmt("%.1f%%", r.cpu().get(group)) + " /" + r.processes().get(group));
    }
    line(row, results, "WHOLE MACHINE (sum of the above, cores)", r -> fmt("%.2f", r.wholeMachineCores()));
    line(row, results, "not counted: the test's receiver (ffmpeg)",
        r -> fmt("%.1f%%", r.cpu().get(ProcessGroups.PEER)));
    line(row, results, "output fps (encoded / s)", r -> fmt("%.2f", r.fps()));
    line(row, results, "capture fps (new pictures / s)", r -> fmt("%.2f", r.captureFps()));
    line(row, results, "dropped frames (clock ticks skipped)", r -> String.valueOf(r.dropped()));
    line(row, results, "repeated frames (no new picture)", r -> String.valueOf(r.repeated()));
    line(row, results, "captured pictures never encoded", r -> String.valueOf(r.captureSkipped()));
    line(row, results, "video bitrate (kbit/s)", r -> String.valueOf(r.bitrate() / 1000));
    line(row, results, "frames sent / received by the peer", r -> r.sent() + "/" + r.received());
    line(row, results, "machine busy, everything (cores)", r -> fmt("%.2f", r.machineBusy()));
    out.println("(/N after a cpu figure: processes counted. 'machine busy' is /proc/stat over the window: "
        + "every process "
        + "of every user, so it also shows any other load on the machine.)");
    for (Result r : results) {
      out.printf("java's busiest threads at %dx%d: %s%n", r.width(), r.height(), String.join(", ", r.topThreads()));
    }
    results.stream().filter(r -> r.height() == 1080).forEach(r -> out.printf(Locale.ROOT,
        "target: whole machine <= 1.0 core at 1080p30 with 0 dropped frames: %s (%.2f cores, %d dropped)%n",
        r.targetMet() ? "met" : "NOT met", r.wholeMachineCores(), r.dropped()));
  }

  private void line(String row, List<Result> results, String label, java.util.function.Function<Result, String> cell) {
    List<Object> cells = new ArrayList<>(List.of(label));
    results.forEach(r -> cells.add(cell.apply(r)));
    out.printf(row, cells.toArray());
  }

  private static String fmt(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
