package io.tallycast.cli;

import io.tallycast.app.Engine;
import io.tallycast.app.Runtime;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapSource;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.stream.Destination;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.StreamOptions;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.web.WebConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Everything on this machine with no configuration: the replay site, the scraper against it, the store, the embedded
 * West Bengal maps, the API, the overlay and the console (with the replay site's fault switches, for rehearsals).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Replays West Bengal 2021 counting day locally and runs the whole engine against it.")
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--speed", defaultValue = "60", description = "replay speed: 1 = real time (a ~10 h counting day); "
      + "60 = about 10 minutes. Default: ${DEFAULT-VALUE}")
  double speed;

  @Option(names = "--port", defaultValue = "8080", description = "API and console port. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--data-dir", defaultValue = "data", description = "where the SQLite file and the replay clock live. "
      + "Default: ${DEFAULT-VALUE}")
  Path dataDir;

  @Option(names = "--replay-port", defaultValue = "0", description = "replay site port (0 = any free port)")
  int replayPort;

  @Option(names = "--seed", defaultValue = "2021", description = "replay seed: same seed, same counting day")
  long seed;

  @Option(names = "--no-stream", description = "do not capture, encode or push the overlay stream")
  boolean noStream;

  @Option(names = "--rtmp", paramLabel = "URL", description = "also stream to this rtmp:// or rtmps:// ingest (no secret "
      + "key here: use --youtube-key-file or YOUTUBE_STREAM_KEY for YouTube); repeatable")
  List<String> rtmp = new ArrayList<>();

  @Option(names = "--youtube-key-file", paramLabel = "FILE", description = "stream to YouTube with the key in FILE "
      + "(or set YOUTUBE_STREAM_KEY)")
  Path youtubeKeyFile;

  @Option(names = "--stream-size", defaultValue = "1920x1080", description = "1920x1080 or 1280x720. "
      + "Default: ${DEFAULT-VALUE}")
  String streamSize;

  @Override
  public Integer call() throws Exception {
    if (speed <= 0) {
      throw new IllegalArgumentException("--speed must be above 0");
    }
    Files.createDirectories(dataDir);
    ElectionData election = ElectionData.westBengal2021();
    Runtime runtime = Runtime.create();
    ReplaySite site = ReplaySite.start(runtime.vertx(), election, ReplayOptions.defaults().withPort(replayPort)
        .withSpeed(speed).withSeed(seed).withStateFile(dataDir.resolve("replay-clock.json"))).await();
    ScrapeConfig scrape = ScrapeConfig.forSite(site.baseUrl(), election.stateCode()).withInterval(intervalFor(speed));
    MapSource maps = MapSource.embeddedWestBengal();
    StreamVerticle.Settings stream = noStream ? null : streamSettings();
    Engine engine = Engine.start(runtime, new Engine.Config(election, dataDir, scrape, WebConfig.on(port), maps)
        .withOverlay(OverlayConfig.demo()).withReplayControl(site.controlUrl()).withStream(stream)).await();
    String api = "http://localhost:" + engine.apiPort();
    System.out.printf("""
        tallycast demo: West Bengal 2021 counting day replayed at %sx (seed %d)
          results API   %s/api/summary   (constituencies, events, live, health, metrics)
          console       %s/console/
          overlay       %s/overlay/
          state map     %s
          replay site   %sstatewiseS%d1.htm
          fault switch  %sfaults   (also on the console)
          data          %s
          stream        %s
        """, fmt(speed), seed, api, api, api,
        maps == null ? "none: this build has no embedded maps" : api + "/api/maps/state.png   (/api/maps lists all)",
        site.baseUrl(), election.stateCode(), site.controlUrl(),
        dataDir.toAbsolutePath().resolve("tallycast.db"),
        stream == null ? "off (--no-stream)" : streamLine(stream));
    System.out.print(OperatorTokenLine.of(engine.operatorToken()));
    System.out.println("Ctrl-C stops it; run it again on the same --data-dir to resume.");
    Shutdown.awaitSignal(engine::close);
    return 0;
  }

  /**
   * The overlay at the chosen size to a local recording in 10-minute segments (data/recordings/overlay-000.mkv ...),
   * plus YouTube when a key is given and any --rtmp ingest.
   */
  private StreamVerticle.Settings streamSettings() throws Exception {
    int[] wh = StreamOptions.parseSize(streamSize);
    List<Destination> destinations = new ArrayList<>();
    destinations.add(Destination.recording(dataDir.resolve("recordings").resolve("overlay.mkv"),
        Destination.DEFAULT_SEGMENT));
    StreamOptions.youtube(youtubeKeyFile, StreamOptions.YOUTUBE_INGEST).ifPresent(destinations::add);
    for (String url : rtmp) {
      destinations.add(Destination.ingest(url));
    }
    return new StreamVerticle.Settings(StreamConfig.defaults(destinations).withSize(wh[0], wh[1]), true);
  }

  private static String streamLine(StreamVerticle.Settings stream) {
    StreamConfig c = stream.config();
    return c.width() + "x" + c.height() + " " + c.fps() + " fps to " + String.join(", ",
        c.destinations().stream().map(Destination::shown).toList()) + "   (start/stop on the console)";
  }

  /** A fast replay is still followed round by round: poll a few times per simulated counting round (~20 min). */
  public static Duration intervalFor(double speed) {
    long ms = Math.round(150_000 / speed);
    return Duration.ofMillis(Math.max(250, Math.min(20_000, ms)));
  }

  private static String fmt(double speed) {
    return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
  }
}
