package io.tallycast.store;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.OverrideResult;
import io.tallycast.bus.Refusal;
import io.tallycast.bus.Rejection;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.StateQuery;
import io.tallycast.bus.StoredTally;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatRef;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer on the bus: takes {@link ScrapeBatch}es on {@link Contract#STORE_APPLY}, replies with the
 * {@link ApplyResult}, then publishes each committed event on {@link Contract#EVENTS}.
 * Operator overrides come on {@link Contract#STORE_OVERRIDE} and {@link Contract#STORE_RELEASE}, are answered with an
 * {@link OverrideResult} or refused with the HTTP status that fits ({@link OverrideRefused#status()}) and publish their
 * events the same way. Deploy it with {@link #deploy} (a worker, one instance), so that every write
 * runs on one thread and never on an event loop.
 */
public final class StoreVerticle extends VerticleBase {
  public static final String PART = "store";
  /** Failure code of a batch that could not be written (and was rolled back). */
  public static final int APPLY_FAILED = 500;
  private static final Logger LOG = LoggerFactory.getLogger(StoreVerticle.class);

  private final Path dataDir;
  private final Election election;
  private ResultsStore store;
  private Bus bus;
  private List<MessageConsumer<?>> consumers = List.of();
  private Instant lastSuccess;
  private String lastError;
  private Instant lastErrorAt;
  private long lastCommitMs;
  private long rejections;
  private final WriteTrouble trouble = new WriteTrouble();
  private AudienceLog audience;
  /** How often a channel's stream health is kept (it reports every 2 s; a state change is kept at once). */
  static final java.time.Duration STREAM_SAMPLE_EVERY = java.time.Duration.ofSeconds(5);

  public StoreVerticle(Path dataDir, Election election) {
    this.dataDir = dataDir;
    this.election = election;
  }

  /** One state's store: see {@link #deploy(Vertx, Path, Election)}. */
  public static Future<String> deploy(Vertx vertx, Path dataDir, ElectionData state) {
    return deploy(vertx, dataDir, Election.of(state));
  }

  /** Deploys the store as it must run: a worker verticle, one instance. */
  public static Future<String> deploy(Vertx vertx, Path dataDir, Election election) {
    return vertx.deployVerticle(new StoreVerticle(dataDir, election),
        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER).setInstances(1));
  }

  @Override
  public Future<?> start() {
    bus = Bus.of(vertx);
    try {
      store = ResultsStore.open(dataDir, election); // blocking is fine: this is a worker
    } catch (RuntimeException e) {
      LOG.error("results store cannot open: {}", e.getMessage(), e);
      new HealthReport(PART, HealthReport.Status.DOWN, null, "store: " + e.getMessage(), Instant.now(),
          new JsonObject()).publish(vertx);
      return Future.failedFuture(e);
    }
    try {
      audience = new AudienceLog(store.connection(), STREAM_SAMPLE_EVERY);
    } catch (java.sql.SQLException e) {
      store.close();
      return Future.failedFuture(new StoreException("cannot open the audience log: " + e.getMessage(), e));
    }
    lastSuccess = Instant.now();
    consumers = List.of(bus.answer(Contract.STORE_APPLY, this::apply),
        bus.answer(Contract.STORE_OVERRIDE, o -> operator(() -> store.override(o))),
        bus.answer(Contract.STORE_RELEASE, r -> operator(() -> store.release(r))),
        bus.answer(Contract.STORE_TALLY, this::tally),
        bus.subscribe(Contract.VIEWERS, r -> record("viewer reading", () -> audience.viewers(r))),
        bus.subscribe(Contract.PLATFORM_TOTALS, t -> record("platform totals", () -> {
          audience.totals(t);
          bus.publish(Contract.PLATFORM_TOTALS_STORED, t); // committed: whoever reads the store now sees them
        })),
        bus.subscribe(Contract.HEALTH, this::streamHealth));
    report(HealthReport.Status.OK);
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  /** A channel's stream health, kept every few seconds; a broadcast it closed is announced once committed. */
  private void streamHealth(HealthReport report) {
    if (!AudienceLog.isStream(report)) {
      return;
    }
    record("stream sample", () -> audience.stream(report, Instant.ofEpochMilli(System.currentTimeMillis()))
        .ifPresent(ended -> bus.publish(Contract.BROADCAST_ENDED, ended)));
  }

  /** Writes one record of the night; a failure is the store's trouble like any write's, shown in its health. */
  private void record(String what, AudienceWrite write) {
    try {
      write.run();
      trouble.succeeded();
    } catch (java.sql.SQLException | RuntimeException e) {
      failed(what + " not written", e instanceof RuntimeException r ? r : new StoreException(e.getMessage(), e));
    }
  }

  @FunctionalInterface
  private interface AudienceWrite {
    void run() throws java.sql.SQLException;
  }

  private Future<ApplyResult> apply(ScrapeBatch batch) {
    long started = System.nanoTime();
    ApplyResult result;
    try {
      result = store.apply(batch);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new Refusal(400, e.getMessage())); // a batch of a state this election has not
    } catch (RuntimeException e) {
      return failed("batch not written", e);
    }
    trouble.succeeded();
    lastCommitMs = (System.nanoTime() - started) / 1_000_000;
    lastSuccess = Instant.now();
    for (Rejection r : result.rejections()) {
      // Refusing bad input is the store doing its job: it stays OK, but the reason is shown to the operator.
      // The scraper logs refusals when they start or change; here, one line per refusal only at debug level,
      // or a long fault would write a line per seat per cycle.
      LOG.debug("snapshot refused: {}", r.reason());
      lastError = r.reason();
      lastErrorAt = lastSuccess;
      rejections++;
    }
    // answered before the events go out: the scraper's cycle need not wait for the consumers
    Future<ApplyResult> answer = Future.succeededFuture(result);
    vertx.runOnContext(v -> {
      publish(result.events());
      report(HealthReport.Status.OK);
    });
    return answer;
  }

  /**
   * A state's tally as stored and how many seats an operator override holds: they may differ from the site on purpose.
   */
  private Future<StoredTally> tally(StateQuery query) {
    try {
      return Future.succeededFuture(new StoredTally(store.tally(query.state()).byParty(), store.activeOverrides()));
    } catch (RuntimeException e) {
      return Future.failedFuture(new Refusal(APPLY_FAILED, e.getMessage()));
    }
  }

  private Future<OverrideResult> operator(Supplier<OverrideResult> work) {
    OverrideResult result;
    try {
      result = work.get();
    } catch (OverrideRefused e) {
      return Future.failedFuture(new Refusal(e.status(), e.getMessage()));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new Refusal(400, e.getMessage()));
    } catch (RuntimeException e) {
      return failed("operator change not written", e);
    }
    trouble.succeeded();
    lastSuccess = Instant.now();
    vertx.runOnContext(v -> {
      publish(result.events());
      report(HealthReport.Status.OK);
    });
    return Future.succeededFuture(result);
  }

  /**
   * A write that failed and was rolled back. A database that cannot write (a full disk) is one WARN when it starts, and
   * its reply is the same text every time, so the scraper too logs it once; anything else is an ERROR with its trace.
   */
  private <T> Future<T> failed(String what, RuntimeException e) {
    String cannotWrite = trouble.failed(e);
    if (cannotWrite == null) {
      LOG.error("{}: {}", what, e.getMessage(), e);
    }
    lastError = "store: " + (cannotWrite != null ? cannotWrite : e.getMessage());
    lastErrorAt = Instant.now();
    report(HealthReport.Status.DEGRADED);
    return Future.failedFuture(new Refusal(APPLY_FAILED, lastError));
  }

  private void publish(List<ResultEvent> events) {
    events.forEach(e -> bus.publish(Contract.EVENTS, e));
  }

  private void report(HealthReport.Status status) {
    JsonObject unmapped = new JsonObject();
    store.unmappedParties().forEach((label, seats) -> unmapped.put(label,
        new JsonArray(seats.stream().map(SeatRef::toString).toList())));
    JsonObject details = new JsonObject().put("snapshots", store.snapshotCount()).put("events", store.eventCount())
        .put("lastEventId", store.lastEventId()).put("lastCommitMs", lastCommitMs).put("rejections", rejections)
        .put("held", store.heldCount()).put("overrides", store.activeOverrides()).put("unmappedParties", unmapped)
        .put("cannotWrite", trouble.current()).put("diskFreeBytes", freeBytes());
    String error = lastError;
    Instant errorAt = lastErrorAt;
    if (!unmapped.isEmpty() && status == HealthReport.Status.OK) {
      // kept, not lost, but the operator must map them: the tally shows them apart from their party until then
      status = HealthReport.Status.DEGRADED;
      error = "party label(s) no configured party knows, stored as written: " + String.join(", ", unmapped.fieldNames())
          + " (map each as an alias of its party in the party table, then restart)";
      errorAt = errorAt == null ? Instant.now() : errorAt;
    }
    new HealthReport(PART, status, lastSuccess, error, errorAt, details).publish(vertx);
  }

  /** The store this verticle writes with, for tests in this package; null before start. */
  ResultsStore store() {
    return store;
  }

  /** Free space where the database is (a statvfs on this worker thread, cheap), or null when unreadable. */
  private Long freeBytes() {
    try {
      return java.nio.file.Files.getFileStore(dataDir.toAbsolutePath()).getUsableSpace();
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public Future<?> stop() {
    Future<?> unregistered = Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    if (store != null) {
      store.close();
      new HealthReport(PART, HealthReport.Status.STOPPED, lastSuccess, lastError, lastErrorAt, new JsonObject())
          .publish(vertx);
    }
    return unregistered;
  }
}
