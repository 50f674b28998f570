package io.tallycast.cli;

import io.tallycast.app.Engine;
import io.tallycast.app.MeteredVertx;
import io.tallycast.app.ReportPart;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapSource;
import io.tallycast.map.NationalMap;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.platforms.DemoPlatforms;
import io.tallycast.replay.CountingModel;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.report.ReportSettings;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.StreamOptions;
import io.tallycast.stream.StreamSettings;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.stream.output.Destination;
import io.tallycast.web.WebConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Everything on this machine with no configuration: the replay site, the scraper against it, the store, the embedded
 * West Bengal maps, the API, the overlay and the console (with the replay site's fault switches, for rehearsals). By
 * default the real counting day of 4 May 2026, as it was recorded; {@code --election wb2021} a day made up from the
 * 2021 final result.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Replays West Bengal's real 2026 counting day (or 2021's) locally and runs the whole engine "
        + "against it.")
public final class DemoCommand implements Callable<Integer> {
  /** The embedded elections the demo can replay. */
  static final List<String> ELECTIONS = List.of("wb2026", "wb2021", "may2021", "ls2024");

  @Option(names = "--election", defaultValue = "wb2026", description = "wb2026: the real counting day of 4 May 2026 as "
      + "recorded (76 snapshots of the state-wise list), ending on the real result; wb2021: a day made up from the "
      + "2021 result; may2021: the five states counted on 2 May 2021 (Assam, Kerala, Puducherry, Tamil Nadu, West "
      + "Bengal), each a day made up from its 2021 result; ls2024: the Lok Sabha 2024, 543 seats in 36 states, each a "
      + "day made up from its 2024 result, on ECI's 2024 constituency pages (no maps yet). Default: ${DEFAULT-VALUE}")
  String electionId;

  @Option(names = "--speed", defaultValue = "60", description = "replay speed: 1 = real time (a ~10 h counting day); "
      + "60 = about 10 minutes. Default: ${DEFAULT-VALUE}")
  double speed;

  @Option(names = "--port", defaultValue = WebConfig.DEFAULT_PORT,
      description = "API and console port. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--host", defaultValue = WebConfig.LOOPBACK, description = "address the API and console listen on: "
      + "127.0.0.1 = this machine only; 0.0.0.0 = every interface (the console can change what goes on air: open it "
      + "to a network you trust). Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--data-dir", description = "where the SQLite file and the replay clock live. "
      + "Default: data/ELECTION (data/wb2026)")
  Path dataDir;

  @Option(names = "--replay-port", defaultValue = "0", description = "replay site port (0 = any free port)")
  int replayPort;

  @Option(names = "--seed", defaultValue = "2021", description = "replay seed of a made-up day (wb2021): same seed, "
      + "same counting day")
  long seed;

  @Option(names = "--no-stream", description = "do not capture, encode or push the overlay stream")
  boolean noStream;

  @Option(names = "--rtmp", paramLabel = "URL",
      description = "also stream to this rtmp:// or rtmps:// ingest (no secret "
          + "key here: use --youtube-key-file or YOUTUBE_STREAM_KEY for YouTube); repeatable")
  List<String> rtmp = new ArrayList<>();

  @Option(names = "--channel", paramLabel = "name=NAME,scene=SCENE,size=WxH,out=PATH_OR_URL",
      description = "another stream from this engine, with its own browser and encoder: name, and optionally "
          + "scene (full, map, tally, ticker, states, intro, national; else the console's), state (S03), size, fps, "
          + "bitrate, cbr and out (a recording path or an rtmp:// URL with no secret key; repeatable; default "
          + "recordings/NAME.mkv in the data dir). Repeatable")
  List<String> channels = new ArrayList<>();

  @Option(names = "--no-audience", description = "do not start the local stand-ins of YouTube, Facebook, Twitch and a "
      + "website, nor ask them for viewers")
  boolean noAudience;

  @Option(names = "--audience-interval", description = "how often the platforms are asked for their viewers, in "
      + "seconds. Default: 30 s of counting-day time at the replay speed, between 1 and 30 s")
  Double audienceInterval;

  @Mixin
  StreamFlags stream = new StreamFlags();

  @Override
  public Integer call() throws Exception {
    if (speed <= 0) {
      throw new IllegalArgumentException("--speed must be above 0");
    }
    if (!ELECTIONS.contains(electionId)) {
      throw new IllegalArgumentException("--election must be one of " + ELECTIONS + ", not '" + electionId + "'");
    }
    dataDir = dataDir == null ? Path.of("data", electionId) : dataDir;
    Files.createDirectories(dataDir);
    Election whole = Election.embedded(electionId);
    List<CountingModel> days = ReplayModels.election(whole, seed);
    ElectionData election = whole.main();
    MeteredVertx runtime = MeteredVertx.create();
    Duration interval = intervalFor(speed);
    ReplaySite site = ReplaySite.start(runtime.vertx(), days, ReplayOptions.defaults().withPort(replayPort)
        .withSpeed(speed).withSeed(seed).withPrefix(election.replayPrefix()).withMinDwellMillis(dwellFor(interval))
        .withStateFile(dataDir.resolve("replay-clock.json"))).await();
    ScrapeConfig scrape = ScrapeConfig.forSite(site.baseUrl(), election.stateCode()).withInterval(interval);
    Map<String, MapSource> maps = MapSource.embeddedFor(whole);
    if (noStream && !channels.isEmpty()) {
      throw new IllegalArgumentException("--channel adds a stream to the demo's own: leave out --no-stream");
    }
    List<StreamVerticle.Settings> streaming = noStream ? List.of() : channelSettings(whole.codes());
    Optional<DemoPlatforms.Started> platforms = noAudience ? Optional.empty()
        : Optional.of(DemoPlatforms.start(runtime.vertx(), () -> site.clock().elapsedSeconds() / 3600.0,
            audienceIntervalFor(speed, audienceInterval)).await());
    WebConfig web = new WebConfig(host, port);
    Engine engine = Engine.start(runtime, Engine.Config.of(whole, dataDir, scrape, web).withMaps(maps)
        .withNationalMap(NationalMap.embeddedFor(whole))
        .withOverlay(whole.severalStates() ? OverlayConfig.forElection(whole.name())
            : OverlayConfig.demo(election.state(), election.year()))
        .withReplayControl(site.controlUrl()).withChannels(streaming)
        .withAudience(platforms.map(DemoPlatforms.Started::config))
        .withReport(new ReportPart(ReportSettings.defaults()))).await();
    String api = web.localUrl(engine.apiPort());
    String what = ReplayModels.recorded(days.get(0))
        ? "the real counting day of " + election.countingDay() + " as recorded, replayed at " + fmt(speed) + "x"
        : "a counting day made up from the final result, replayed at " + fmt(speed) + "x (seed " + seed + ")";
    String states = whole.severalStates() ? "  states        " + String.join(", ", whole.states().stream()
        .map(s -> s.stateCode() + " " + s.state() + " (" + s.seats().size() + ")").toList()) + "\n"
        + "                " + api + "/api/states   (each: /api/states/CODE/summary, constituencies, maps)\n"
        + "  national      " + api + "/api/national   (the states added up: majority " + whole.majority()
        + "; the overlay's 'national' scene)\n" : "";
    System.out.printf("""
        tallycast demo: %s, %s
        %s  listening     %s
          results API   %s/api/summary   (constituencies, events, live, health, metrics)
          console       %s/console/
          overlay       %s/overlay/
          state map     %s
          replay site   %sstatewise%s1.htm
          fault switch  %sfaults   (also on the console)
          data          %s
          stream        %s
          audience      %s
          reports       %s   (made when a stream stops; ./tallycast report for any time)
        """, whole.name(), what, states, web.reach(engine.apiPort()), api, api, api,
        maps.isEmpty() ? "none: this build has no embedded maps" : api + "/api/maps/state.png   (/api/maps lists all)",
        site.baseUrl(), election.stateCode(), site.controlUrl(),
        dataDir.toAbsolutePath().resolve("tallycast.db"),
        streaming.isEmpty() ? "off (--no-stream)" : String.join("\n                ",
            streaming.stream().map(DemoCommand::streamLine).toList()),
        platforms.map(p -> "YouTube, Facebook, Twitch and a website, stand-ins at " + p.standIns().baseUrl()
            + ", asked every " + p.config().interval().toMillis() / 1000.0 + " s (--no-audience: none)")
            .orElse("none (--no-audience)"), ReportSettings.defaults().directory(dataDir).toAbsolutePath());
    System.out.print(OperatorTokenLine.of(engine.operatorToken()));
    System.out.println("Ctrl-C stops it; run it again on the same --data-dir to resume.");
    Shutdown.awaitSignal(engine::close);
    return 0;
  }

  /**
   * The overlay as the stream flags set it, to a local recording in segments (data/recordings/overlay-000.mkv ...),
   * plus YouTube when a key is given and any --rtmp ingest; on air at start.
   */
  StreamVerticle.Settings streamSettings() throws Exception {
    StreamSettings settings = stream.settings();
    List<Destination> destinations = new ArrayList<>();
    destinations.add(settings.recordingAt(dataDir.resolve("recordings").resolve("overlay.mkv")));
    stream.youtube(StreamOptions.YOUTUBE_INGEST).ifPresent(destinations::add);
    for (String url : rtmp) {
      destinations.add(Destination.ingest(url));
    }
    return new StreamVerticle.Settings(settings.config(destinations), true);
  }

  /** The demo's stream and each --channel, checked together (names, recordings and states each their own). */
  List<StreamVerticle.Settings> channelSettings(List<String> stateCodes) throws Exception {
    List<StreamVerticle.Settings> all = new ArrayList<>(List.of(streamSettings()));
    for (String channel : channels) {
      all.add(ChannelFlag.parse(channel, stream, dataDir.resolve("recordings")));
    }
    return StreamVerticle.Settings.checked(all, stateCodes);
  }

  /** The banner's stream line: the recording as the files are named, every other destination redacted. */
  static String streamLine(StreamVerticle.Settings stream) {
    StreamConfig c = stream.config();
    String channel = stream.name().equals(StreamVerticle.Settings.FIRST) ? "" : stream.name()
        + (stream.scene() == null ? "" : " (" + stream.scene() + (stream.state() == null ? "" : " " + stream.state())
        + ")") + ": ";
    String disk = c.destinations().stream().filter(d -> !d.network()).map(d -> " (" + d.policy().describe() + ")")
        .findFirst().orElse("");
    return channel + c.width() + "x" + c.height() + " " + c.fps() + " fps to " + String.join(", ",
        c.destinations().stream().map(d -> d.network() ? d.shown() : d.segmentNames()).toList()) + disk
        + "   (start/stop on the console)";
  }

  /**
   * The demo's platforms are asked every 30 s of counting-day time, as a real night would be, but at least every 30 s
   * and at most every second of ours; a figure given wins.
   */
  static Duration audienceIntervalFor(double speed, Double seconds) {
    if (seconds != null) {
      if (seconds < 1) {
        throw new IllegalArgumentException("--audience-interval must be at least 1 second");
      }
      return Duration.ofMillis(Math.round(seconds * 1000));
    }
    return Duration.ofMillis(Math.max(1000, Math.min(30_000, Math.round(30_000 / speed))));
  }

  /** A fast replay is still followed round by round: poll a few times per simulated counting round (~20 min). */
  public static Duration intervalFor(double speed) {
    long ms = Math.round(150_000 / speed);
    return Duration.ofMillis(Math.max(250, Math.min(20_000, ms)));
  }

  /**
   * How long each recorded moment of a real day stays on the replay site at least: two scrape intervals and the time
   * of a slow cycle (2 s at least: a busy 2-core machine once missed a moment held 1.5 s), so the scraper sees every
   * one of them (every lead that changed and changed back) even at 2000x.
   */
  public static long dwellFor(Duration interval) {
    return Math.max(2000, 2 * interval.toMillis() + 500);
  }

  private static String fmt(double speed) {
    return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
  }
}
