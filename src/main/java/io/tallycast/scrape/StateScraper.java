package io.tallycast.scrape;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.Ask;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.HealthReport.Status;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.StateQuery;
import io.tallycast.bus.StoredTally;
import io.tallycast.election.ElectionData;
import io.tallycast.util.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one state of the election on its own timer: reads its pages, hands what changed to the store, backs off on
 * failure (exponential, with jitter, so many clients do not hit a struggling site in step) and keeps the last good
 * data; it reports its state and the age of its data on every cycle. Its requests go through the fetcher all states
 * share, so the host sees one politeness budget however many states are followed. Runs on its verticle's context.
 */
final class StateScraper {
  private static final Logger LOG = LoggerFactory.getLogger(StateScraper.class);

  private final ScrapeConfig config;
  private final String part;
  private final Backoff backoff;
  private final Timer cycleTimer;
  private final Vertx vertx;
  private final Bus bus;
  private final PageFetcher fetcher;
  private final ScrapeCycle cycle;
  private final Ask<ScrapeBatch, ApplyResult> store;
  private boolean paused;
  private long timerId = -1;
  private long watchId = -1;
  /** When the cycle in flight began (System.nanoTime), or 0 when none is. */
  private long cycleStarted;
  private Future<CycleReport> underWay;
  private boolean stopping;
  private Instant lastSuccess;
  private Instant lastErrorAt;
  private String lastError;
  private List<String> lastErrors = List.of();
  private long cycles;

  /**
   * @param part the name its health goes under: "scraper" when the election has one state, "scraper S03" for each of
   *             several
   */
  StateScraper(Vertx vertx, ScrapeConfig config, ElectionData state, String part, PageFetcher fetcher,
               WorkerExecutor workers, Ask<ScrapeBatch, ApplyResult> store) {
    this.vertx = vertx;
    this.store = store;
    this.bus = Bus.of(vertx);
    this.config = config;
    this.part = part;
    this.fetcher = fetcher;
    this.cycleTimer = Metrics.timer("tallycast.scrape.cycle", "state", config.stateCode());
    // a failed cycle waits at least twice the interval, doubling up to the cap
    this.backoff = new Backoff(config.interval().multipliedBy(2), config.maxBackoff());
    SiteCrossCheck crossCheck = new SiteCrossCheck(config, fetcher, workers, state.parties(), this::storedTally);
    this.cycle = new ScrapeCycle(config, fetcher, new SnapshotBuilder(state.parties(), state.seats()), workers,
        this::store, crossCheck);
  }

  void start() {
    report(Status.STARTING);
    schedule(0);
    watchId = vertx.setPeriodic(1000, id -> watchCycle());
    LOG.info("scraping {} of {} every {} ms", config.stateCode(), config.baseUrl(), config.interval().toMillis());
  }

  /** An overridden or released seat is read afresh: its page's validators are forgotten. */
  void forget(int seat) {
    cycle.forget(seat);
  }

  /** Lets a cycle under way end (bounded by a request timeout) so what it read is stored. */
  Future<Void> stop() {
    stopping = true;
    vertx.cancelTimer(timerId);
    vertx.cancelTimer(watchId);
    Promise<Void> ended = Promise.promise();
    long bound = vertx.setTimer(config.requestTimeout().toMillis(), id -> ended.tryComplete());
    if (underWay == null) {
      ended.tryComplete();
    } else {
      underWay.onComplete(done -> ended.tryComplete());
    }
    return ended.future().onComplete(done -> vertx.cancelTimer(bound));
  }

  private Future<ApplyResult> store(ScrapeBatch batch) {
    return bus.request(store, batch, 60_000);
  }

  private Future<StoredTally> storedTally() {
    return bus.request(Contract.STORE_TALLY, new StateQuery(config.stateCode()), 10_000);
  }

  private void schedule(long delayMs) {
    if (stopping) {
      return;
    }
    timerId = vertx.setTimer(Math.max(1, delayMs), id -> runCycle());
  }

  private void runCycle() {
    if (paused) {
      schedule(config.interval().toMillis());
      return;
    }
    long started = System.nanoTime();
    cycleStarted = started;
    underWay = cycle.run();
    underWay.onComplete(done -> {
      cycleStarted = 0;
      underWay = null;
      if (stopping) {
        return; // a cycle cut short by the stop is no failure of the site
      }
      cycleTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      cycles++;
      CycleReport report = done.succeeded() ? done.result()
          : new CycleReport(false, 0, 0, 0, 0, 0, List.of("scrape cycle failed: " + done.cause().getMessage()),
              List.of(), 0, 0);
      long next = record(report);
      schedule(next);
    });
  }

  /**
   * Health tells the truth while a cycle is under way too: one that has run past twice the request timeout and three
   * intervals with no whole answer from the site for as long is stuck on a slow site, and the data is as old as the
   * last good cycle, whatever the last report said. A long cycle that is still taking pages (the first of a day reads
   * every seat page, on a machine busy starting the browser) is slow, not stuck.
   */
  private void watchCycle() {
    long running = cycleStarted == 0 ? 0 : (System.nanoTime() - cycleStarted) / 1_000_000;
    long stuckAfter = Math.max(2 * config.requestTimeout().toMillis(), 3 * config.interval().toMillis());
    if (running > stuckAfter && fetcher.sinceLastWholeAnswerMillis() > stuckAfter) {
      lastError = "scrape cycle running for " + running / 1000 + " s: the results site answers slowly or not at all";
      lastErrorAt = Instant.now();
      report(Status.DEGRADED);
    }
  }

  /**
   * Logs, reports health, and says how long to wait before the next cycle. The data's age is the state's (its whole
   * list read with most of its seats) and each seat's own: one seat page that keeps failing makes the scraper DEGRADED,
   * naming the seat, and does not hold back the age of the others; DOWN is when the state's data is not refreshed.
   */
  private long record(CycleReport report) {
    Instant now = Instant.now();
    SeatFreshness freshness = cycle.freshness();
    lastSuccess = freshness.stateReadAt();
    if (report.allGood()) {
      String stale = freshness.staleSummary(now); // a seat the site no longer lists, say
      List<String> warnings = stale == null ? report.warnings()
          : Stream.concat(report.warnings().stream(), Stream.of(stale)).toList();
      if (!lastErrors.isEmpty() && warnings.isEmpty()) {
        LOG.info("results site readable again after {} failed cycle(s)", Math.max(1, backoff.failures()));
      }
      if (!warnings.isEmpty()) {
        if (lastErrors.isEmpty()) {
          LOG.warn("scrape: {}", warnings.get(0));
        }
        lastError = warnings.get(0);
        lastErrorAt = now;
      }
      lastErrors = warnings;
      report(warnings.isEmpty() ? Status.OK : Status.DEGRADED, report);
      backoff.reset();
      return config.interval().toMillis();
    }
    // Log a problem when it starts or changes, not on every cycle of a long outage.
    if (!report.errors().equals(lastErrors)) {
      report.errors().stream().limit(5).forEach(e -> LOG.warn("scrape: {}", e));
      if (report.errors().size() > 5) {
        LOG.warn("scrape: ... and {} more problem(s) this cycle", report.errors().size() - 5);
      }
    }
    lastErrors = report.errors();
    String seats = report.listOk() ? freshness.failingSummary() : null;
    lastError = seats != null ? seats : report.errors().isEmpty() ? "cycle incomplete" : report.errors().get(0);
    lastErrorAt = now;
    report(report.listOk() && freshness.stateRefreshed() ? Status.DEGRADED : Status.DOWN, report);
    // the site answers its list: no reason to back off, the failing seats are asked for again next cycle
    return report.listOk() ? config.interval().toMillis() : backoff.failed();
  }

  void paused(boolean pause) {
    if (pause != paused) {
      paused = pause;
      LOG.info("scraping {} {} by the operator", config.stateCode(), paused ? "paused" : "resumed");
      report(paused ? Status.STOPPED : Status.STARTING);
    }
  }

  private void report(Status status) {
    report(status, null);
  }

  private void report(Status status, CycleReport last) {
    JsonObject details = new JsonObject()
        .put("source", config.baseUrl())
        .put("state", config.stateCode())
        .put("paused", paused)
        .put("cycles", cycles)
        .put("cycleUnderWay", cycleStarted != 0)
        .put("intervalMs", config.interval().toMillis())
        .put("consecutiveFailures", backoff.failures())
        .put("lastGoodData", lastSuccess == null ? null : lastSuccess.toString())
        .put("dataAgeSeconds", lastSuccess == null ? null
            : Duration.between(lastSuccess, Instant.now()).toMillis() / 1000.0)
        .put("errors", lastErrors.size() > 20 ? lastErrors.subList(0, 20) : lastErrors)
        .put("sources", cycle.sourcesJson());
    cycle.freshness().addTo(details, Instant.now());
    if (last != null) {
      details.put("lastCycle", JsonObject.mapFrom(last).put("errors", last.errors().size())
          .put("warnings", last.warnings().size()));
    }
    // A cycle already under way when the operator paused still ends and reports; the health stays "stopped".
    Status shown = paused ? Status.STOPPED : status;
    new HealthReport(part, shown, lastSuccess, lastError, lastErrorAt, details).publish(vertx);
  }
}
