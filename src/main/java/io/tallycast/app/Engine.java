package io.tallycast.app;

import io.tallycast.election.ElectionData;
import io.tallycast.map.MapRenderer;
import io.tallycast.map.MapSource;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.scrape.ScraperVerticle;
import io.tallycast.store.ResultsReader;
import io.tallycast.store.StoreVerticle;
import io.tallycast.web.ApiVerticle;
import io.tallycast.web.WebConfig;
import io.vertx.core.Future;
import java.nio.file.Path;

/**
 * The results pipeline of DESIGN.md deployed in data-flow order: the store (one worker: the single writer), the map
 * renderer (paints the store's state, then follows its events), the API (reads), then the scraper (the source), so
 * nothing is scraped before it can be stored, drawn and served.
 */
public final class Engine {
  private final Runtime runtime;
  private final ResultsReader reader;
  private final ApiVerticle api;

  private Engine(Runtime runtime, ResultsReader reader, ApiVerticle api) {
    this.runtime = runtime;
    this.reader = reader;
    this.api = api;
  }

  /** @param maps where the maps come from (a folder or embedded); null = no maps */
  public record Config(ElectionData election, Path dataDir, ScrapeConfig scrape, WebConfig web, MapSource maps) {
    public Config(ElectionData election, Path dataDir, ScrapeConfig scrape, WebConfig web) {
      this(election, dataDir, scrape, web, null);
    }
  }

  public static Future<Engine> start(Runtime runtime, Config config) {
    var vertx = runtime.vertx();
    return StoreVerticle.deploy(vertx, config.dataDir(), config.election())
        .compose(id -> vertx.executeBlocking(() -> ResultsReader.open(config.dataDir())))
        .compose(reader -> {
          MapRenderer maps = config.maps() == null ? null
              : new MapRenderer(config.maps(), config.dataDir(), reader, config.election().parties());
          ApiVerticle api = new ApiVerticle(config.web(), reader, runtime.prometheus(), maps == null ? null : maps.maps());
          return (maps == null ? Future.succeededFuture() : vertx.deployVerticle(maps))
              .compose(id -> vertx.deployVerticle(api))
              .compose(id -> vertx.deployVerticle(new ScraperVerticle(config.scrape(), config.election())))
              .map(id -> new Engine(runtime, reader, api));
        });
  }

  public int apiPort() {
    return api.port();
  }

  public ResultsReader reader() {
    return reader;
  }

  public Runtime runtime() {
    return runtime;
  }

  /** Stops every verticle (the store commits or rolls back its batch first), then the read side. */
  public void close() throws Exception {
    runtime.close();
    reader.close();
  }
}
