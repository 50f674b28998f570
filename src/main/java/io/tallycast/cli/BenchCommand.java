package io.tallycast.cli;

import io.tallycast.app.Engine;
import io.tallycast.app.MeteredVertx;
import io.tallycast.bench.ApiBench;
import io.tallycast.bench.ChannelsBenchmark;
import io.tallycast.bench.LatencyBenchmark;
import io.tallycast.bench.MapBenchmark;
import io.tallycast.bench.ScrapeBenchmark;
import io.tallycast.bench.StreamBenchmark;
import io.tallycast.bench.StreamReport;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapSource;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.operator.OverlaySettings;
import io.tallycast.process.OwnedProcesses;
import io.tallycast.process.ThreadPriority;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.stream.capture.XvfbDisplay;
import io.tallycast.web.WebConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Benchmarks that print their figures (targets are checked here, never in timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Runs a benchmark and prints its figures.")
public final class BenchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "WHAT",
      description = "scrape: a full 294-seat cycle (fetch + parse + store) and parse per page; "
          + "map: one seat repainted and published on the state map, against all seats; "
          + "stream: the demo overlay captured, encoded and pushed to a local RTMP peer, CPU per process, against "
          + "the plain ffmpeg pipeline on the same page (--no-ffmpeg, --channels 2, --load N); "
          + "api: the seat list and summary under --connections keep-alive clients, plain, gzip and revalidated; "
          + "latency: operator overrides and replay-site changes, each timed to the first streamed frame showing it")
  String what;

  @Option(names = "--cycles", description = "measured cycles (map: rounds over every seat). Default: scrape 20, map 10")
  Integer cycles;

  @Option(names = "--warmups", description = "cycles run first and not measured: the JIT needs about this many "
      + "to settle, as it has long settled on an election night. Default: scrape 60, map 10 rounds")
  Integer warmups;

  @Option(names = "--maps", description = "map: a maps folder, or classpath:/maps/west-bengal/ (the default, embedded)")
  String maps;

  @Option(names = "--seconds", description = "stream: measured seconds per size, after a 10 s warm-up (default 60); "
      + "api: per run, after a 3 s warm-up (default 15)")
  Integer seconds;

  @Option(names = "--connections", defaultValue = "200", description = "api: concurrent keep-alive clients. "
      + "Default: ${DEFAULT-VALUE}")
  int connections;

  @Option(names = "--size", defaultValue = "both", description = "stream: 1920x1080, 1280x720 or both; latency: "
      + "1920x1080 (for both) or 1280x720. "
      + "Default: ${DEFAULT-VALUE}")
  String size;

  @Option(names = "--election", defaultValue = "wb2021", description = "stream: the demo election on air: wb2021 or "
      + "may2021 (five states on one engine). Default: ${DEFAULT-VALUE}")
  String election;

  @Option(names = "--scene", defaultValue = "full", description = "stream: the overlay scene on air (full, map, tally, "
      + "ticker, states). Default: ${DEFAULT-VALUE}")
  String scene;

  @Option(names = "--changes", defaultValue = "20", description = "latency: changes of each kind (operator override, "
      + "site change). Default: ${DEFAULT-VALUE}")
  int changes;

  @Option(names = "--normal-priority", description = "stream: leave the stream's threads and Xvfb at normal "
      + "priority (they run at nice -10 where allowed), to see what the encoder's ladder of cheaper settings does "
      + "alone")
  boolean normalPriority;

  @Option(names = "--no-ffmpeg", description = "stream: skip the plain ffmpeg pipeline (Debian's /usr/bin/ffmpeg, "
      + "x11grab + libx264 veryfast) run after ours on the same display and page for the CPU ratio")
  boolean noFfmpeg;

  @Option(names = "--channels", defaultValue = "1", description = "stream: 2 runs two streams at once, each with its "
      + "own Xvfb, Chromium and peer: the --scene at 1920x1080 and another scene at 1280x720. Default: "
      + "${DEFAULT-VALUE}")
  int channels;

  @Option(names = "--load", defaultValue = "0", description = "stream: N busy-loop processes spinning through the "
      + "measured window (other load, shown apart); checks the peer's timeline is exactly 30 fps with 0 dropped. "
      + "Default: ${DEFAULT-VALUE}")
  int load;

  @Override
  public Integer call() throws Exception {
    if ("latency".equals(what)) {
      return latency();
    }
    if ("stream".equals(what)) {
      return stream();
    }
    if ("api".equals(what)) {
      return ApiBench.run(System.out, connections, or(seconds, 15), DemoCommand.intervalFor(60));
    }
    if (!"scrape".equals(what) && !"map".equals(what)) {
      System.err.println("tallycast bench: unknown benchmark '" + what
          + "' (known: scrape, map, stream, api, latency)");
      return 2;
    }
    Path work = OwnedProcesses.claimFolder("bench");
    try {
      if ("scrape".equals(what)) {
        new ScrapeBenchmark(System.out).run(or(warmups, 60), or(cycles, 20), work);
      } else {
        MapSource source = MapSource.parse(maps == null ? "classpath:" + MapSource.WEST_BENGAL : maps, Path.of(""));
        if (!source.exists()) {
          System.err.println("tallycast bench map: no maps in " + source + " (build them with ./tallycast masks)");
          return 2;
        }
        new MapBenchmark(System.out).run(source, ElectionData.westBengal2021().parties(), or(warmups, 5),
            or(cycles, 10), work);
      }
    } finally {
      OwnedProcesses.delete(work);
    }
    return 0;
  }

  private int stream() throws Exception {
    if (normalPriority) {
      System.setProperty(ThreadPriority.NORMAL_PRIORITY, "true");
    }
    List<int[]> sizes = new ArrayList<>();
    switch (size.toLowerCase(java.util.Locale.ROOT)) {
      case "both" -> sizes.addAll(List.of(new int[] {1920, 1080}, new int[] {1280, 720}));
      case "1920x1080", "1080" -> sizes.add(new int[] {1920, 1080});
      case "1280x720", "720" -> sizes.add(new int[] {1280, 720});
      default -> {
        System.err.println("tallycast bench stream: --size is 1920x1080, 1280x720 or both, not " + size);
        return 2;
      }
    }
    int seconds = or(this.seconds, 60);
    if (seconds < 1) {
      System.err.println("tallycast bench stream: --seconds must be at least 1");
      return 2;
    }
    // the figures are for the x11grab path: measuring the headless fallback instead would mislead
    if (!XvfbDisplay.installed()) {
      System.err.println("tallycast bench stream: Xvfb is not installed (apt-get install -y xvfb)");
      return 2;
    }
    for (String exe : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
      if (!Files.isExecutable(Path.of(exe))) {
        System.err.println("tallycast bench stream: " + exe + " is missing (apt-get install -y chromium "
            + "chromium-driver fonts-noto-core)");
        return 2;
      }
    }
    if (channels < 1 || channels > 2 || load < 0) {
      System.err.println("tallycast bench stream: --channels is 1 or 2, --load at least 0");
      return 2;
    }
    int cores = java.lang.Runtime.getRuntime().availableProcessors();
    if (channels == 2) {
      String second = "tally".equals(scene) ? "map" : "tally";
      ChannelsBenchmark two = new ChannelsBenchmark(System.out, 10);
      try {
        two.print(two.run(this::demo, second, seconds), cores);
      } catch (IllegalStateException e) {
        System.err.println("tallycast bench stream: " + e.getMessage());
        return 1;
      }
      return 0;
    }
    StreamBenchmark bench = new StreamBenchmark(System.out, 10);
    StreamBenchmark.Options options = new StreamBenchmark.Options(load, !noFfmpeg);
    List<StreamBenchmark.Result> results = new ArrayList<>();
    try {
      for (int[] wh : sizes) {
        results.add(bench.run(this::demo, wh[0], wh[1], seconds, options));
      }
    } catch (IllegalStateException e) {
      System.err.println("tallycast bench stream: " + e.getMessage());
      return 1;
    } finally {
      new StreamReport(System.out).print(results, cores);
    }
    return 0;
  }

  private int latency() throws Exception {
    String s = size.toLowerCase(java.util.Locale.ROOT);
    boolean hd = s.equals("1280x720") || s.equals("720");
    if (!hd && !List.of("both", "1920x1080", "1080").contains(s)) {
      System.err.println("tallycast bench latency: --size is 1920x1080 (the default) or 1280x720, not " + size);
      return 2;
    }
    if (changes < 1) {
      System.err.println("tallycast bench latency: --changes must be at least 1");
      return 2;
    }
    if (!XvfbDisplay.installed() || !Files.isExecutable(Path.of("/usr/bin/chromium"))) {
      System.err.println("tallycast bench latency: needs Xvfb and Chromium (apt-get install -y xvfb chromium "
          + "chromium-driver fonts-noto-core)");
      return 2;
    }
    // the demo's own interval at its default speed: the site-to-air target is relative to it
    boolean met = new LatencyBenchmark(System.out).run(changes, hd ? 1280 : 1920, hd ? 720 : 1080,
        DemoCommand.intervalFor(60));
    return met ? 0 : 1;
  }

  /**
   * The demo's parts in this JVM, as {@link DemoCommand} starts them (every state of the election on one site, each
   * with its maps), with their data in a temp folder; the overlay with the asked scene on air.
   */
  private StreamBenchmark.Page demo() throws Exception {
    if (!OverlaySettings.SCENES.contains(scene)) {
      throw new IllegalArgumentException("--scene must be one of " + OverlaySettings.SCENES + ", not '" + scene + "'");
    }
    Path data = OwnedProcesses.claimFolder("bench-demo");
    Election whole = Election.embedded(election);
    ElectionData main = whole.main();
    MeteredVertx runtime = MeteredVertx.create();
    try {
      ReplaySite site = ReplaySite.start(runtime.vertx(), ReplayModels.election(whole, 2021), ReplayOptions.defaults()
          .withPort(0).withSpeed(60).withSeed(2021).withPrefix(main.replayPrefix())
          .withStateFile(data.resolve("replay-clock.json"))).await();
      ScrapeConfig scrape = ScrapeConfig.forSite(site.baseUrl(), main.stateCode())
          .withInterval(DemoCommand.intervalFor(60));
      Map<String, MapSource> maps = MapSource.embeddedFor(whole);
      Engine engine = Engine.start(runtime, Engine.Config.of(whole, data, scrape, WebConfig.on(0)).withMaps(maps)
          .withOverlay(whole.severalStates() ? OverlayConfig.forElection(whole.name()) : OverlayConfig.demo())
          .withReplayControl(site.controlUrl())).await();
      String url = "http://127.0.0.1:" + engine.apiPort() + "/overlay/?scene=" + scene;
      return new StreamBenchmark.Page() {
        @Override
        public String url() {
          return url;
        }

        @Override
        public void close() throws Exception {
          try {
            engine.close();
          } finally {
            OwnedProcesses.delete(data);
          }
        }
      };
    } catch (Exception e) {
      runtime.close();
      OwnedProcesses.delete(data);
      throw e;
    }
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
