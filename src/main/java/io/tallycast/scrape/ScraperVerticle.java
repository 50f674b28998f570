package io.tallycast.scrape;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.Ask;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.OverrideReleased;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.ScraperControl;
import io.tallycast.bus.SeatOverridden;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Polls the results site for every state of the election (a {@link StateScraper} each, on its own timer) through one
 * fetcher: one connection pool and one limit of requests in flight for the host, however many states. Operators pause
 * and resume all of it on {@link Contract#SCRAPER_CONTROL}.
 */
public final class ScraperVerticle extends VerticleBase {
  private final ScrapeConfig config;
  private final Election election;
  /** The states read here: all of the election's, or on a cluster those this node owns. */
  private final Set<String> only;
  private final Ask<ScrapeBatch, ApplyResult> store;
  private final boolean startPaused;
  private final Map<String, StateScraper> states = new LinkedHashMap<>();
  private PageFetcher fetcher;
  private WorkerExecutor workers;

  /** One state's scraper (its health is "scraper"). */
  public ScraperVerticle(ScrapeConfig config, ElectionData state) {
    this(config, Election.of(state));
  }

  /** Every state of the election, each read with the settings of {@code config} under its own state code. */
  public ScraperVerticle(ScrapeConfig config, Election election) {
    this(config, election, Set.copyOf(election.codes()), Contract.STORE_APPLY, false);
  }

  /**
   * Only the given states of the election, their batches handed to {@code store}: on a cluster, the node's ownership
   * part ({@link Contract#OWNED_APPLY}), which refuses a state the node no longer owns. Such a scraper starts paused
   * when the operator paused the cluster's scraping, and follows {@link Contract#OWNED_SCRAPING}.
   */
  public ScraperVerticle(ScrapeConfig config, Election election, Set<String> only,
                         Ask<ScrapeBatch, ApplyResult> store, boolean startPaused) {
    this.startPaused = startPaused;
    this.config = config;
    this.election = election;
    this.only = Set.copyOf(only);
    this.store = store;
  }

  @Override
  public Future<?> start() {
    Bus bus = Bus.of(vertx);
    fetcher = new PageFetcher(vertx, config);
    workers = vertx.createSharedWorkerExecutor("scrape-parse", 2);
    for (ElectionData state : election.states()) {
      if (!only.contains(state.stateCode())) {
        continue;
      }
      String part = election.severalStates() ? "scraper " + state.stateCode() : "scraper";
      states.put(state.stateCode(), new StateScraper(vertx, config.forState(state.stateCode()), state, part, fetcher,
          workers, store));
    }
    if (store == Contract.STORE_APPLY) {
      bus.answer(Contract.SCRAPER_CONTROL, this::control);
    } else {
      bus.subscribe(Contract.OWNED_SCRAPING, this::control); // on a cluster: the ownership part answers the operator
      states.values().forEach(s -> s.paused(startPaused));
    }
    // an overridden seat is offered to the store every cycle (held there), and read again once released
    bus.subscribeTo(SeatOverridden.class, this::forget);
    bus.subscribeTo(OverrideReleased.class, this::forget);
    states.values().forEach(StateScraper::start);
    return Future.succeededFuture();
  }

  private void forget(ResultEvent e) {
    StateScraper state = states.get(e.state());
    if (state != null && e.seat() != null) {
      state.forget(e.seat());
    }
  }

  private Future<ScraperControl> control(ScraperControl asked) {
    states.values().forEach(s -> s.paused(asked.paused()));
    return Future.succeededFuture(new ScraperControl(asked.paused()));
  }

  /** Lets the cycles under way end (each bounded by a request timeout) so what they read is stored. */
  @Override
  public Future<?> stop() {
    return Future.join(states.values().stream().map(StateScraper::stop).toList()).eventually(() -> {
      fetcher.close();
      return workers.close();
    });
  }
}
