package io.tallycast.support;

import io.tallycast.app.Engine;
import io.tallycast.app.MeteredVertx;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.MapSource;
import io.tallycast.map.NationalMap;
import io.tallycast.replay.CountingModel;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.web.WebConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real pipeline in one process for tests: the replay site over real HTTP, the scraper, a real SQLite file, the map
 * renderer on the embedded maps and the API on free ports, plus a client for both.
 */
public final class Pipeline implements AutoCloseable {
  public static final ElectionData WEST_BENGAL = ElectionData.westBengal2021();
  /** The embedded West Bengal maps, as the demo uses them; empty while the build carries none. */
  public static final java.util.Optional<MapSource> MAPS = MapSource.embeddedWestBengal();

  public final ReplaySite site;
  public final Engine engine;
  public final WebClient http;
  public final Path dataDir;

  private Pipeline(ReplaySite site, Engine engine, WebClient http, Path dataDir) {
    this.site = site;
    this.engine = engine;
    this.http = http;
    this.dataDir = dataDir;
  }

  /**
   * A fast scraper (interval 100 ms, timeout 600 ms, back-off capped at 400 ms) against a replay at the given speed.
   */
  public static Pipeline start(Vertx vertx, Path dataDir, double speed) {
    return start(vertx, dataDir, speed, config -> config);
  }

  public static Pipeline start(Vertx vertx, Path dataDir, double speed,
                               java.util.function.UnaryOperator<ScrapeConfig> tune) {
    return start(MeteredVertx.of(vertx), dataDir, speed, tune);
  }

  public static Pipeline start(MeteredVertx runtime, Path dataDir, double speed,
                               java.util.function.UnaryOperator<ScrapeConfig> tune) {
    return start(runtime, dataDir, speed, tune, WEST_BENGAL);
  }

  /** The same on another data set (for example West Bengal with a candidate renamed), replayed and scraped as usual. */
  public static Pipeline start(MeteredVertx runtime, Path dataDir, double speed,
                               java.util.function.UnaryOperator<ScrapeConfig> tune, ElectionData election) {
    return start(runtime, dataDir, speed, tune, election, true);
  }

  /** The default pipeline with its engine configuration changed (a stream, an overlay...). */
  public static Pipeline configured(MeteredVertx runtime, Path dataDir, double speed,
                                    java.util.function.UnaryOperator<Engine.Config> configure) {
    return start(runtime, dataDir, speed, c -> c, WEST_BENGAL, true, configure);
  }

  public static Pipeline start(MeteredVertx runtime, Path dataDir, double speed,
                               java.util.function.UnaryOperator<ScrapeConfig> tune, ElectionData election,
                               boolean faultSwitches) {
    return start(runtime, dataDir, speed, tune, election, faultSwitches, c -> c);
  }

  /** faultSwitches false: the engine as `serve` runs it, with no replay site behind the console's fault switches. */
  public static Pipeline start(MeteredVertx runtime, Path dataDir, double speed,
                               java.util.function.UnaryOperator<ScrapeConfig> tune, ElectionData election,
                               boolean faultSwitches, java.util.function.UnaryOperator<Engine.Config> configure) {
    Vertx vertx = runtime.vertx();
    ReplaySite site = ReplaySite.start(vertx, election, ReplayOptions.defaults().withSpeed(speed)).await();
    ScrapeConfig scrape = tune.apply(ScrapeConfig.forSite(site.baseUrl(), election.stateCode())
        .withInterval(Duration.ofMillis(100)).withRequestTimeout(Duration.ofMillis(600))
        .withMaxBackoff(Duration.ofMillis(400)));
    Engine.Config config = Engine.Config.of(election, dataDir, scrape, WebConfig.on(0)).withMaps(MAPS);
    Engine engine = Engine.start(runtime,
        configure.apply(faultSwitches ? config.withReplayControl(site.controlUrl()) : config)).await();
    return new Pipeline(site, engine, WebClient.create(vertx), dataDir);
  }

  /**
   * Every state of an election (e.g. "may2021": five) replayed on one site, each a day made up from its final result,
   * and followed by one engine with each state's embedded maps (and the national map of ls2024); fault switches on.
   * The same fast scraper as {@link #start}.
   */
  public static Pipeline election(MeteredVertx runtime, Path dataDir, double speed, Election election) {
    Vertx vertx = runtime.vertx();
    ReplayOptions options = ReplayOptions.defaults().withSpeed(speed).withPrefix(election.main().replayPrefix());
    ReplaySite site = ReplaySite.start(vertx, ReplayModels.election(election, options.seed()), options).await();
    ScrapeConfig scrape = ScrapeConfig.forSite(site.baseUrl(), election.main().stateCode())
        .withInterval(Duration.ofMillis(100)).withRequestTimeout(Duration.ofMillis(600))
        .withMaxBackoff(Duration.ofMillis(400));
    java.util.Map<String, MapSource> maps = MapSource.embeddedFor(election);
    Engine engine = Engine.start(runtime, Engine.Config.of(election, dataDir, scrape, WebConfig.on(0)).withMaps(maps)
        .withNationalMap(NationalMap.embeddedFor(election))
        .withOverlay(io.tallycast.operator.OverlayConfig.forElection(election.name()))
        .withReplayControl(site.controlUrl())).await();
    return new Pipeline(site, engine, WebClient.create(vertx), dataDir);
  }

  /**
   * The real 2026 counting day as recorded (embedded), replayed at ECI's 2026 addresses; each recorded moment stays on
   * the site for {@code dwellMillis} at least. The same fast scraper as {@link #start}.
   */
  public static Pipeline realDay2026(MeteredVertx runtime, Path dataDir, double speed, long dwellMillis,
                                     java.util.function.UnaryOperator<ScrapeConfig> tune) {
    Vertx vertx = runtime.vertx();
    CountingModel day = ReplayModels.embedded("wb2026", 0);
    ElectionData election = day.data();
    ReplaySite site = ReplaySite.start(vertx, day, ReplayOptions.defaults().withSpeed(speed)
        .withPrefix(election.replayPrefix()).withMinDwellMillis(dwellMillis)).await();
    ScrapeConfig scrape = tune.apply(ScrapeConfig.forSite(site.baseUrl(), election.stateCode())
        .withInterval(Duration.ofMillis(100)).withRequestTimeout(Duration.ofMillis(600))
        .withMaxBackoff(Duration.ofMillis(400)));
    Engine engine = Engine.start(runtime, Engine.Config.of(election, dataDir, scrape, WebConfig.on(0)).withMaps(MAPS)
        .withReplayControl(site.controlUrl())).await();
    return new Pipeline(site, engine, WebClient.create(vertx), dataDir);
  }

  /** Switches a replay fault on: {@code fault("garbage", {"pages":"json"})}. */
  public void fault(String name, JsonObject options) {
    int status = http.put(site.port(), "127.0.0.1", "/_replay/faults/" + name).sendJsonObject(options).await()
        .statusCode();
    if (status >= 300) {
      throw new IllegalStateException("replay fault " + name + " refused: HTTP " + status);
    }
  }

  public HttpResponse<Buffer> get(String path) {
    return http.get(engine.apiPort(), "127.0.0.1", path).send().await();
  }

  /** Changes the replay clock: {"paused":true}, {"advanceSeconds":n} or {"speed":x}. */
  public void clock(JsonObject change) {
    int status = http.post(site.port(), "127.0.0.1", "/_replay/clock").sendJsonObject(change).await().statusCode();
    if (status >= 300) {
      throw new IllegalStateException("replay clock refused " + change + ": HTTP " + status);
    }
  }

  public JsonObject json(String path) {
    return get(path).bodyAsJsonObject();
  }

  public JsonArray array(String path) {
    return get(path).bodyAsJsonArray();
  }

  public JsonObject summary() {
    return json("/api/summary");
  }

  public JsonObject health() {
    return json("/api/health");
  }

  public JsonObject scraperHealth() {
    return health().getJsonObject("parts").getJsonObject("scraper", new JsonObject());
  }

  @Override
  public void close() throws Exception {
    engine.close();
  }
}
