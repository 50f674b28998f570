package io.tallycast.bench;

import io.tallycast.process.OwnedProcesses;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.Streamer;
import io.tallycast.stream.capture.CaptureConfig;
import io.tallycast.stream.capture.Captures;
import io.tallycast.stream.output.Destination;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the stream costs: the demo overlay captured (Xvfb + kiosk Chromium + x11grab), encoded (libx264 at the stream's
 * default preset and quality, 4500k ceiling) and pushed to a local RTMP peer (the bundled ffmpeg, copying to a file),
 * with the CPU of every process read from /proc over a measured window after a warm-up. The peer stands in for
 * YouTube, so its CPU is shown but not counted. The page comes from the caller (the CLI starts the demo's replay site
 * and engine in this JVM, so their cost is in the java figure, as it is on an election night).
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

  /** What one run adds to our stream: N busy loops as other load, the plain ffmpeg pipeline after it. */
  public record Options(int load, boolean plainFfmpeg) {
    public static final Options DEFAULT = new Options(0, false);
  }

  /**
   * One run's figures; cpu values are percent of one core over the measured window. The timeline is what the peer
   * received in the window; plain is the plain ffmpeg pipeline's run (null when not asked).
   */
  public record Result(int width, int height, double seconds, Map<String, Double> cpu, Map<String, Long> processes,
                       List<String> topThreads, double fps, double captureFps, long dropped, long captureSkipped,
                       long repeated, long bitrate, long sent, long received, double machineBusy, String capture,
                       FrameTimeline timeline, int load, List<String> encoder, PlainFfmpeg.Result plain) {
    public double wholeMachineCores() {
      return CpuWindow.pipelineCores(cpu);
    }

    /** The whole machine's share at 1080p30 the stream may take (issue 13): browser and X server included. */
    public static final double TARGET_CORES = 0.6;

    public boolean targetMet() {
      return wholeMachineCores() <= TARGET_CORES && dropped == 0;
    }

    /** The busy-loop acceptance: the peer's timeline exactly 30 fps with no hole, and nothing dropped. */
    public boolean underLoadMet() {
      return timeline != null && timeline.exact() && dropped == 0;
    }

    Result with(long sent, long received, FrameTimeline timeline, List<String> encoder, PlainFfmpeg.Result plain) {
      return new Result(width, height, seconds, cpu, processes, topThreads, fps, captureFps, dropped, captureSkipped,
          repeated, bitrate, sent, received, machineBusy, capture, timeline, load, encoder, plain);
    }
  }

  private final PrintStream out;
  private final int warmupSeconds;

  public StreamBenchmark(PrintStream out, int warmupSeconds) {
    this.out = out;
    this.warmupSeconds = warmupSeconds;
  }

  public Result run(PageFactory pages, int width, int height, int seconds) throws Exception {
    return run(pages, width, height, seconds, Options.DEFAULT);
  }

  /** Runs one size end to end and leaves no process behind. */
  public Result run(PageFactory pages, int width, int height, int seconds, Options options) throws Exception {
    Path work = OwnedProcesses.claimFolder("bench-stream");
    Process peer = null;
    KeptSource source = null;
    BusyLoops load = null;
    Thread hook = null;
    try (Page page = pages.open()) {
      int port = BundledFfmpeg.freePort();
      Path received = work.resolve("received.flv");
      peer = BundledFfmpeg.listen(port, "live", "bench", received);
      OwnedProcesses.note(work, peer.toHandle());
      String url = height <= 720 ? withParam(page.url(), "size", "720") : page.url();
      out.printf("%n== %dx%d: capturing %s, pushing to rtmp://127.0.0.1:%d/live/****%n", width, height, url, port);
      // kept open after the stream, for the plain pipeline on the same display and page
      source = new KeptSource(Captures.open(CaptureConfig.of(url, width, height, 30)));
      // the stream's defaults (30 fps, 4500k ceiling, its preset and quality): what the demo streams
      StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest("rtmp://127.0.0.1:" + port
          + "/live/bench"))).withSize(width, height);
      Result result;
      long sent;
      List<String> encoder;
      Streamer streamer = new Streamer(config, source);
      Process listener = peer;
      KeptSource capture = source;
      // Ctrl-C: Xvfb, Chromium, chromedriver and the peer are separate processes that would outlive this JVM
      hook = new Thread(() -> {
        streamer.close();
        capture.release();
        listener.destroyForcibly();
      }, "bench-stream-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      long firstTick;
      try (streamer; EncoderWatch watch = new EncoderWatch(streamer::status)) {
        streamer.start();
        watch.start();
        out.printf("   warming up %d s...%n", warmupSeconds);
        Thread.sleep(warmupSeconds * 1000L);
        load = BusyLoops.start(options.load());
        if (load.count() > 0) {
          out.printf("   %d busy loops started (other load, measured apart)%n", load.count());
        }
        watch.mark();
        firstTick = streamer.encoded() + streamer.dropped(); // the pacer's tick number: its timestamp in frames
        result = measure(streamer, peer.pid(), load, width, height, seconds);
        awaitTick(streamer, firstTick + (long) Math.ceil(result.seconds() * 30) + 1);
        watch.close();
        encoder = watch.report();
        streamer.close();
        sent = streamer.encoded();
      }
      List<Double> ts = BundledFfmpeg.receivedTimestamps(peer, received);
      double first = ts.isEmpty() ? 0 : ts.get(0);
      FrameTimeline timeline = FrameTimeline.of(ts, first + firstTick / 30.0, result.seconds(), 30);
      PlainFfmpeg.Result plain = options.plainFfmpeg() ? plain(source, width, height, seconds, load) : null;
      return result.with(sent, ts.size(), timeline, encoder, plain);
    } finally {
      if (load != null) {
        load.close();
      }
      if (source != null) {
        source.release();
      }
      if (hook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
          // the JVM is already stopping: the hook runs
        }
      }
      if (peer != null && peer.isAlive()) {
        peer.destroyForcibly();
        peer.waitFor(5, TimeUnit.SECONDS);
      }
      OwnedProcesses.delete(work);
    }
  }

  private PlainFfmpeg.Result plain(KeptSource source, int width, int height, int seconds, BusyLoops load)
      throws Exception {
    List<String> command = PlainFfmpeg.command(source.display().orElse(":?"), width, height, 0);
    if (!PlainFfmpeg.installed()) {
      out.printf("   plain ffmpeg pipeline skipped: %s is missing (apt-get install -y ffmpeg)%n", PlainFfmpeg.EXE);
      return PlainFfmpeg.failed(command, PlainFfmpeg.EXE + " is missing: apt-get install -y ffmpeg");
    }
    if (source.display().isEmpty()) {
      return PlainFfmpeg.failed(command, "the capture is the headless screencast: there is no X display to grab");
    }
    out.printf("== %dx%d: the plain ffmpeg pipeline on the same display %s and page%n", width, height,
        source.display().get());
    return PlainFfmpeg.run(out, source.display().get(), width, height, warmupSeconds, seconds, load.groups());
  }

  /**
   * Waits (5 s at most) until the stream's clock has encoded or skipped the given tick. A busy machine makes the clock
   * lag up to a second before it skips ticks, and the window checked on the peer's timeline is the window's length
   * from its first tick: closing at once would leave its end unencoded.
   */
  static void awaitTick(Streamer streamer, long tick) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (streamer.encoded() + streamer.dropped() < tick && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  /** The URL with one more query parameter (the page's URL may have a query already). */
  static String withParam(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
  }

  private Result measure(Streamer streamer, long peerPid, BusyLoops load, int width, int height, int seconds)
      throws Exception {
    long encoded0 = streamer.encoded();
    long dropped0 = streamer.dropped();
    long skipped0 = streamer.droppedByPacer();
    long repeated0 = streamer.repeated();
    long bytes0 = streamer.encodedBytes();
    long frames0 = sourceFrames(streamer);
    out.printf("   measuring %d s...%n", seconds);
    CpuWindow window = new CpuWindow(peerPid, load.groups()).start().run(seconds);
    double elapsed = window.seconds();
    List<String> top = window.topThreads();
    JsonObject source = streamer.source().status();
    return new Result(width, height, elapsed, window.cpu(), window.counts(), top,
        (streamer.encoded() - encoded0) / elapsed, (sourceFrames(streamer) - frames0) / elapsed,
        streamer.dropped() - dropped0, streamer.droppedByPacer() - skipped0, streamer.repeated() - repeated0,
        Math.round((streamer.encodedBytes() - bytes0) * 8 / elapsed), 0, 0, window.machineBusy(),
        source.getString("capture", "?"), null, load.count(), List.of(), null);
  }

  private static long sourceFrames(Streamer streamer) {
    Object frames = streamer.source().status().getValue("frames");
    return frames instanceof Number n ? n.longValue() : 0;
  }
}
