package io.tallycast.app;

import io.tallycast.election.Election;
import io.tallycast.map.PublishedMaps;
import io.tallycast.operator.OperatorApi;
import io.tallycast.store.NightRecord;
import io.tallycast.store.ResultsReader;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the parts of one engine share while it is put together: the runtime, the election and the data dir, and what
 * each part offers those deployed after it (the store's reader, the published maps, the API's address and the
 * operator). Asking for something whose part is not deployed yet is a wrong order of parts, said as such.
 */
public final class Assembly {
  private static final Logger LOG = LoggerFactory.getLogger(Assembly.class);
  private final MeteredVertx runtime;
  private final Election election;
  private final Path dataDir;
  private final List<AutoCloseable> afterVertx = new ArrayList<>();
  private ResultsReader reader;
  private NightRecord night;
  private Map<String, PublishedMaps> maps = Map.of();
  private Web web;

  /** The web part once listening: its port, its root as this machine opens it, and the operator's side. */
  public record Web(int port, String localUrl, OperatorApi operator) {
  }

  Assembly(MeteredVertx runtime, Election election, Path dataDir) {
    this.runtime = runtime;
    this.election = election;
    this.dataDir = dataDir;
  }

  public MeteredVertx runtime() {
    return runtime;
  }

  public Vertx vertx() {
    return runtime.vertx();
  }

  public Election election() {
    return election;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The store's read side (offered by {@link StorePart}). */
  public ResultsReader reader() {
    return offered(reader, "the store's reader", StorePart.NAME);
  }

  void reader(ResultsReader value) {
    reader = value;
    afterVertx.add(value);
  }

  /** The night's record, read-only: viewers, stream health, broadcasts (offered by {@link StorePart}). */
  public NightRecord night() {
    return offered(night, "the night's record", StorePart.NAME);
  }

  void night(NightRecord value) {
    night = value;
    afterVertx.add(value);
  }

  /**
   * The maps' published files by state code, for the states that have maps, and the national map's under
   * {@code MapPlace.NATIONAL} (none without a {@link MapsPart}).
   */
  public Map<String, PublishedMaps> maps() {
    return maps;
  }

  void maps(Map<String, PublishedMaps> value) {
    maps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(value));
  }

  /** The API's address and the operator (offered by {@link WebPart}). */
  public Web web() {
    return offered(web, "the API", WebPart.NAME);
  }

  void web(Web value) {
    web = value;
  }

  /** Closed after Vert.x, in the reverse order of their parts (the store's read side, the night's record). */
  void closeAfterVertx() {
    for (int i = afterVertx.size() - 1; i >= 0; i--) {
      try {
        afterVertx.get(i).close();
      } catch (Exception e) {
        LOG.warn("stopping: {}", e.getMessage());
      }
    }
  }

  private static <T> T offered(T value, String what, String part) {
    if (value == null) {
      throw new IllegalStateException(what + " is asked for before the " + part + " part is deployed: the parts are "
          + "deployed in data-flow order (store, maps, web, stream, scraper)");
    }
    return value;
  }
}
