package io.tallycast.scrape;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.HealthReport.Status;
import io.tallycast.bus.OverrideReleased;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.ScraperControl;
import io.tallycast.bus.SeatOverridden;
import io.tallycast.bus.StoredTally;
import io.tallycast.election.ElectionData;
import io.tallycast.util.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
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
 * Polls the results site on a timer and hands what changed to the store. On failure it backs off (exponential, with
 * jitter, so many clients do not hit a struggling site in step) and keeps the last good data; it reports its state and
 * the age of its data on every cycle. Operators pause and resume it on {@link Contract#SCRAPER_CONTROL}.
 */
public final class ScraperVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ScraperVerticle.class);

  private final ScrapeConfig config;
  private final ElectionData election;
  private final Backoff backoff;
  private final Timer cycleTimer = Metrics.timer("tallycast.scrape.cycle");
  private Bus bus;
  private PageFetcher fetcher;
  private WorkerExecutor workers;
  private ScrapeCycle cycle;
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

  public ScraperVerticle(ScrapeConfig config, ElectionData election) {
    this.config = config;
    this.election = election;
    // a failed cycle waits at least twice the interval, doubling up to the cap
    this.backoff = new Backoff(config.interval().multipliedBy(2), config.maxBackoff());
  }

  @Override
  public Future<?> start() {
    bus = Bus.of(vertx);
    fetcher = new PageFetcher(vertx, config);
    workers = vertx.createSharedWorkerExecutor("scrape-parse", 2);
    SiteCrossCheck crossCheck = new SiteCrossCheck(config, fetcher, workers, election.parties(), this::storedTally);
    cycle = new ScrapeCycle(config, fetcher, new SnapshotBuilder(election.parties(), election.seats()), workers,
        this::store, crossCheck);
    bus.answer(Contract.SCRAPER_CONTROL, this::control);
    // an overridden seat is offered to the store every cycle (held there), and read again once released
    bus.subscribeTo(SeatOverridden.class, e -> cycle.forget(e.seat()));
    bus.subscribeTo(OverrideReleased.class, e -> cycle.forget(e.seat()));
    report(Status.STARTING);
    schedule(0);
    watchId = vertx.setPeriodic(1000, id -> watchCycle());
    LOG.info("scraping {} every {} ms", config.baseUrl(), config.interval().toMillis());
    return Future.succeededFuture();
  }

  /** Lets a cycle under way end (bounded by a request timeout) so what it read is stored, then closes the client. */
  @Override
  public Future<?> stop() {
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
    return ended.future().eventually(() -> {
      vertx.cancelTimer(bound);
      fetcher.close();
      return workers.close();
    });
  }

  private Future<ApplyResult> store(ScrapeBatch batch) {
    return bus.request(Contract.STORE_APPLY, batch, 60_000);
  }

  private Future<StoredTally> storedTally() {
    return bus.request(Contract.STORE_TALLY, null, 10_000);
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

  private Future<ScraperControl> control(ScraperControl asked) {
    boolean pause = asked.paused();
    if (pause != paused) {
      paused = pause;
      LOG.info("scraping {} by the operator", paused ? "paused" : "resumed");
      report(paused ? Status.STOPPED : Status.STARTING);
    }
    return Future.succeededFuture(new ScraperControl(paused));
  }

  private void report(Status status) {
    report(status, null);
  }

  private void report(Status status, CycleReport last) {
    JsonObject details = new JsonObject()
        .put("source", config.baseUrl())
        .put("paused", paused)
        .put("cycles", cycles)
        .put("cycleUnderWay", cycleStarted != 0)
        .put("intervalMs", config.interval().toMillis())
        .put("consecutiveFailures", backoff.failures())
        .put("lastGoodData", lastSuccess == null ? null : lastSuccess.toString())
        .put("dataAgeSeconds", lastSuccess == null ? null
            : Duration.between(lastSuccess, Instant.now()).toMillis() / 1000.0)
        .put("errors", lastErrors.size() > 20 ? lastErrors.subList(0, 20) : lastErrors)
        .put("sources", cycle == null ? null : cycle.sourcesJson());
    if (cycle != null) {
      cycle.freshness().addTo(details, Instant.now());
    }
    if (last != null) {
      details.put("lastCycle", JsonObject.mapFrom(last).put("errors", last.errors().size())
          .put("warnings", last.warnings().size()));
    }
    // A cycle already under way when the operator paused still ends and reports; the health stays "stopped".
    Status shown = paused ? Status.STOPPED : status;
    new HealthReport("scraper", shown, lastSuccess, lastError, lastErrorAt, details).publish(vertx);
  }
}
