package io.tallycast.app;

import io.tallycast.election.ElectionData;
import io.tallycast.map.MapRenderer;
import io.tallycast.map.MapSource;
import io.tallycast.operator.OperatorApi;
import io.tallycast.operator.OperatorToken;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.operator.OverlaySettings;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.scrape.ScraperVerticle;
import io.tallycast.store.ResultsReader;
import io.tallycast.store.StoreVerticle;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.web.ApiVerticle;
import io.tallycast.web.WebConfig;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results pipeline of DESIGN.md deployed in data-flow order: the store (one worker: the single writer), the map
 * renderer (paints the store's state, then follows its events), the API with the operator's routes (reads; writes only
 * through the store), the stream of the overlay when there is one, then the scraper (the source), so nothing is
 * scraped before it can be stored, drawn, served and shown.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private final MeteredVertx runtime;
  private final ResultsReader reader;
  private final ApiVerticle api;
  private final OperatorApi operator;
  /** Deployment ids in the order deployed: the store first, the scraper (the source) last. */
  private final List<String> deployed;

  private Engine(MeteredVertx runtime, ResultsReader reader, ApiVerticle api, OperatorApi operator, List<String> deployed) {
    this.deployed = List.copyOf(deployed);
    this.runtime = runtime;
    this.reader = reader;
    this.api = api;
    this.operator = operator;
  }

  /**
   * @param maps             where the maps come from (a folder or embedded); null = no maps
   * @param overlay          the overlay's title, subtitle and logo
   * @param replayControlUrl the demo's replay site controls, for the operator's fault switches; null = not a demo
   * @param stream           the overlay's stream (capture, encode, destinations); null = no stream in this run
   */
  public record Config(ElectionData election, Path dataDir, ScrapeConfig scrape, WebConfig web, MapSource maps,
                       OverlayConfig overlay, String replayControlUrl, StreamVerticle.Settings stream) {
    public Config(ElectionData election, Path dataDir, ScrapeConfig scrape, WebConfig web) {
      this(election, dataDir, scrape, web, null);
    }

    /** With the demo's overlay texts and no fault switches. */
    public Config(ElectionData election, Path dataDir, ScrapeConfig scrape, WebConfig web, MapSource maps) {
      this(election, dataDir, scrape, web, maps, OverlayConfig.demo(), null, null);
    }

    public Config withOverlay(OverlayConfig value) {
      return new Config(election, dataDir, scrape, web, maps, value, replayControlUrl, stream);
    }

    public Config withReplayControl(String url) {
      return new Config(election, dataDir, scrape, web, maps, overlay, url, stream);
    }

    public Config withStream(StreamVerticle.Settings value) {
      return new Config(election, dataDir, scrape, web, maps, overlay, replayControlUrl, value);
    }
  }

  private record Opened(ResultsReader reader, OperatorToken token, OverlaySettings overlay) {
  }

  public static Future<Engine> start(MeteredVertx runtime, Config config) {
    var vertx = runtime.vertx();
    ElectionData election = config.election();
    List<String> deployed = new ArrayList<>();
    return StoreVerticle.deploy(vertx, config.dataDir(), election)
        .compose(id -> remember(deployed, id))
        .compose(id -> vertx.executeBlocking(() -> new Opened(ResultsReader.open(config.dataDir()),
            OperatorToken.loadOrCreate(config.dataDir()), OverlaySettings.load(config.dataDir(),
                config.overlay() == null ? OverlayConfig.forState(election.state()) : config.overlay(),
                election.state(), election.seats().size(), election.majority()))))
        .compose(opened -> {
          ResultsReader reader = opened.reader();
          MapRenderer maps = config.maps() == null ? null
              : new MapRenderer(config.maps(), config.dataDir(), reader, election.parties());
          OperatorApi operator = new OperatorApi(opened.token(), opened.overlay(), config.replayControlUrl());
          ApiVerticle api = new ApiVerticle(config.web(), reader, runtime.prometheus(), maps == null ? null : maps.maps(),
              operator);
          return (maps == null ? Future.<String>succeededFuture() : vertx.deployVerticle(maps))
              .compose(id -> remember(deployed, id))
              .compose(id -> vertx.deployVerticle(api)).compose(id -> remember(deployed, id))
              .compose(id -> config.stream() == null ? Future.<String>succeededFuture()
                  : vertx.deployVerticle(new StreamVerticle(config.stream(),
                      overlayUrl(config.web().localUrl(api.port()), config.stream()))))
              .compose(id -> remember(deployed, id))
              .compose(id -> vertx.deployVerticle(new ScraperVerticle(config.scrape(), election)))
              .compose(id -> remember(deployed, id))
              .map(id -> new Engine(runtime, reader, api, operator, deployed));
        });
  }

  /** The engine's own overlay; the 1280x720 variant is the same scene scaled by the page itself. */
  private static String overlayUrl(String api, StreamVerticle.Settings stream) {
    return api + "/overlay/" + (stream.config().height() == 720 ? "?size=720" : "");
  }

  public int apiPort() {
    return api.port();
  }

  public ResultsReader reader() {
    return reader;
  }

  public MeteredVertx runtime() {
    return runtime;
  }

  /** The operator token: the command prints it when {@link OperatorToken#created()}, and tests send it. */
  public OperatorToken operatorToken() {
    return operator.token();
  }

  private static Future<String> remember(List<String> deployed, String id) {
    if (id != null) {
      deployed.add(id);
    }
    return Future.succeededFuture(id);
  }

  /**
   * Stops the parts against the flow of data: the scraper first (its cycle under way ends and is stored), then the
   * stream, the API, the maps and last the store, which commits its batch; then Vert.x and the read side. Undeploying
   * all at once would let a cycle in flight meet a store already gone.
   */
  public void close() throws Exception {
    for (int i = deployed.size() - 1; i >= 0; i--) {
      try {
        runtime.vertx().undeploy(deployed.get(i)).await();
      } catch (Exception e) {
        LOG.warn("stopping: {}", e.getMessage());
      }
    }
    runtime.close();
    reader.close();
  }
}
