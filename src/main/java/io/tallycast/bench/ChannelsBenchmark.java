package io.tallycast.bench;

import io.tallycast.process.OwnedProcesses;
import io.tallycast.process.ProcessGroups;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.Streamer;
import io.tallycast.stream.capture.CaptureConfig;
import io.tallycast.stream.capture.Captures;
import io.tallycast.stream.output.Destination;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two channels at once from one engine: the page's scene at 1920x1080 and another scene at 1280x720, each with its own
 * capture (its own Xvfb and kiosk Chromium), its own encode and its own local RTMP peer. The whole machine is measured
 * over one window; the target is both within 1.5 cores with nothing dropped.
 */
public final class ChannelsBenchmark {
  /** One channel's figures over the window. */
  public record Channel(String url, int width, int height, double fps, long dropped, long repeated, long sent,
                        long received, FrameTimeline timeline) {
  }

  /** The run's figures; cpu in percent of one core by group (both peers under {@link ProcessGroups#PEER}). */
  public record Result(double seconds, Map<String, Double> cpu, Map<String, Long> processes, List<Channel> channels,
                       double machineBusy, List<String> topThreads) {
    public double wholeMachineCores() {
      return CpuWindow.pipelineCores(cpu);
    }

    public long dropped() {
      return channels.stream().mapToLong(Channel::dropped).sum();
    }

    public boolean targetMet() {
      return wholeMachineCores() <= 1.5 && dropped() == 0;
    }
  }

  /** One channel while it runs. */
  private static final class Lane {
    final String url;
    final int width;
    final int height;
    Path received;
    Process peer;
    KeptSource source;
    Streamer streamer;
    long encoded0;
    long dropped0;
    long repeated0;
    long firstTick;

    Lane(String url, int width, int height) {
      this.url = url;
      this.width = width;
      this.height = height;
    }
  }

  private final PrintStream out;
  private final int warmupSeconds;

  public ChannelsBenchmark(PrintStream out, int warmupSeconds) {
    this.out = out;
    this.warmupSeconds = warmupSeconds;
  }

  /** Runs both channels on one page's engine (the second with {@code secondScene}) and leaves no process behind. */
  public Result run(StreamBenchmark.PageFactory pages, String secondScene, int seconds) throws Exception {
    Path work = OwnedProcesses.claimFolder("bench-channels");
    List<Lane> lanes = new ArrayList<>();
    Thread hook = new Thread(() -> lanes.forEach(ChannelsBenchmark::stop), "bench-channels-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (StreamBenchmark.Page page = pages.open()) {
      String second = page.url().matches(".*[?&]scene=.*")
          ? page.url().replaceFirst("([?&])scene=[^&]*", "$1scene=" + secondScene)
          : StreamBenchmark.withParam(page.url(), "scene", secondScene);
      lanes.add(new Lane(page.url(), 1920, 1080));
      lanes.add(new Lane(StreamBenchmark.withParam(second, "size", "720"), 1280, 720));
      for (int i = 0; i < lanes.size(); i++) {
        open(lanes.get(i), work, i + 1);
      }
      for (Lane lane : lanes) {
        lane.streamer.start();
      }
      out.printf("   warming up %d s...%n", warmupSeconds);
      Thread.sleep(warmupSeconds * 1000L);
      for (Lane lane : lanes) {
        lane.encoded0 = lane.streamer.encoded();
        lane.dropped0 = lane.streamer.dropped();
        lane.repeated0 = lane.streamer.repeated();
        lane.firstTick = lane.encoded0 + lane.dropped0;
      }
      out.printf("   measuring %d s...%n", seconds);
      CpuWindow window = new CpuWindow(lanes.get(0).peer.pid(), Map.of(lanes.get(1).peer.pid(), ProcessGroups.PEER))
          .start().run(seconds);
      List<Channel> channels = new ArrayList<>();
      for (Lane lane : lanes) {
        channels.add(new Channel(lane.url, lane.width, lane.height,
            (lane.streamer.encoded() - lane.encoded0) / window.seconds(), lane.streamer.dropped() - lane.dropped0,
            lane.streamer.repeated() - lane.repeated0, 0, 0, null));
      }
      for (Lane lane : lanes) {
        StreamBenchmark.awaitTick(lane.streamer, lane.firstTick + (long) Math.ceil(window.seconds() * 30) + 1);
        lane.streamer.close();
      }
      for (int i = 0; i < lanes.size(); i++) {
        channels.set(i, received(lanes.get(i), channels.get(i), window.seconds()));
      }
      return new Result(window.seconds(), window.cpu(), window.counts(), channels, window.machineBusy(),
          window.topThreads());
    } finally {
      lanes.forEach(ChannelsBenchmark::stop);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException stopping) {
        // the JVM is already stopping: the hook runs
      }
      OwnedProcesses.delete(work);
    }
  }

  private void open(Lane lane, Path work, int n) throws Exception {
    int port = BundledFfmpeg.freePort();
    lane.received = work.resolve("received-" + n + ".flv");
    lane.peer = BundledFfmpeg.listen(port, "live", "channel" + n, lane.received);
    OwnedProcesses.note(work, lane.peer.toHandle());
    out.printf("%n== channel %d, %dx%d: capturing %s, pushing to rtmp://127.0.0.1:%d/live/****%n", n, lane.width,
        lane.height, lane.url, port);
    lane.source = new KeptSource(Captures.open(CaptureConfig.of(lane.url, lane.width, lane.height, 30)));
    StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest("rtmp://127.0.0.1:" + port + "/live/channel"
        + n))).withSize(lane.width, lane.height);
    lane.streamer = new Streamer(config, lane.source);
  }

  /** What the lane's peer received, once the stream closed its connection. */
  private static Channel received(Lane lane, Channel c, double seconds) throws Exception {
    List<Double> ts = BundledFfmpeg.receivedTimestamps(lane.peer, lane.received);
    double first = ts.isEmpty() ? 0 : ts.get(0);
    return new Channel(c.url(), c.width(), c.height(), c.fps(), c.dropped(), c.repeated(), lane.streamer.encoded(),
        ts.size(), FrameTimeline.of(ts, first + lane.firstTick / 30.0, seconds, 30));
  }

  private static void stop(Lane lane) {
    if (lane.streamer != null) {
      lane.streamer.close();
    }
    if (lane.source != null) {
      lane.source.release();
    }
    if (lane.peer != null && lane.peer.isAlive()) {
      lane.peer.destroyForcibly();
    }
  }

  /** Per channel and in total, with the verdict on the two-channel target. */
  public void print(Result r, int cores) {
    out.println();
    out.printf(Locale.ROOT, "two channels at once, one engine (%d cores here), measured %.1f s:%n", cores,
        r.seconds());
    String row = "%-44s%16s%16s%16s%n";
    out.printf(row, "", "channel 1", "channel 2", "total");
    List<Channel> c = r.channels();
    out.printf(row, "size", c.get(0).width() + "x" + c.get(0).height(), c.get(1).width() + "x" + c.get(1).height(),
        "");
    out.printf(row, "output fps (encoded / s)", f("%.2f", c.get(0).fps()), f("%.2f", c.get(1).fps()),
        f("%.2f", c.get(0).fps() + c.get(1).fps()));
    out.printf(row, "dropped frames (clock ticks skipped)", c.get(0).dropped(), c.get(1).dropped(), r.dropped());
    out.printf(row, "repeated frames (no new picture)", c.get(0).repeated(), c.get(1).repeated(),
        c.get(0).repeated() + c.get(1).repeated());
    out.printf(row, "frames sent / received by the peer", c.get(0).sent() + "/" + c.get(0).received(),
        c.get(1).sent() + "/" + c.get(1).received(), "");
    out.printf(row, "peer's timeline in the window: frames", c.get(0).timeline().frames() + "/"
        + c.get(0).timeline().expected(), c.get(1).timeline().frames() + "/" + c.get(1).timeline().expected(), "");
    out.printf(row, "peer's timeline: largest gap (ms)", f("%.0f", c.get(0).timeline().maxGapSeconds() * 1000),
        f("%.0f", c.get(1).timeline().maxGapSeconds() * 1000), "");
    for (String group : List.of(ProcessGroups.JAVA, ProcessGroups.CHROMIUM, ProcessGroups.XVFB,
        ProcessGroups.CHROMEDRIVER, ProcessGroups.OTHER)) {
      out.printf(row, "cpu " + group + " (% of one core)", "", "", f("%.1f%%", r.cpu().get(group)) + " /"
          + r.processes().get(group));
    }
    out.printf(row, "WHOLE MACHINE (sum of the above, cores)", "", "", f("%.2f", r.wholeMachineCores()));
    out.printf(row, "not counted: the test's receivers (ffmpeg)", "", "", f("%.1f%%", r.cpu().get(ProcessGroups.PEER))
        + " /" + r.processes().get(ProcessGroups.PEER));
    out.printf(row, "machine busy, everything (cores)", "", "", f("%.2f", r.machineBusy()));
    out.printf("channel 1: %s%nchannel 2: %s%n", c.get(0).url(), c.get(1).url());
    out.printf("java's busiest threads: %s%n", String.join(", ", r.topThreads()));
    StreamReport.warnIfBusy(out, "the window", r.machineBusy(), r.wholeMachineCores()
        + r.cpu().get(ProcessGroups.PEER) / 100);
    out.printf(Locale.ROOT, "target: two channels (1080p + 720p) at most 1.5 cores, 0 dropped: %s (%.2f cores, %d "
        + "dropped)%n", r.targetMet() ? "met" : "NOT met", r.wholeMachineCores(), r.dropped());
  }

  private static String f(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
