package io.tallycast.store;

import io.tallycast.LocalCodec;
import io.tallycast.election.ElectionData;
import io.tallycast.events.ResultEvent;
import io.tallycast.health.HealthReport;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
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
 * The single writer on the bus: takes {@link ScrapeBatch}es on {@value #ADDRESS}, replies with the
 * {@link ApplyResult}, then publishes each committed event on its type's address and on {@value #ALL_EVENTS}. Operator
 * overrides come on {@value #OVERRIDE} ({@link SeatOverride}) and {@value #RELEASE} ({@link OverrideRelease}), are
 * answered with an {@link OverrideResult} or failed with the HTTP status that fits ({@link OverrideRefused#status()})
 * and publish their events the same way. Deploy it with {@link #deploy} (a worker, one instance), so that every write
 * runs on one thread and never on an event loop.
 */
public final class StoreVerticle extends VerticleBase {
  public static final String ADDRESS = "store.apply";
  public static final String ALL_EVENTS = "events.all";
  public static final String OVERRIDE = "store.override";
  public static final String RELEASE = "store.override.release";
  /** Answers the tally as stored now ({@link StoredTally}): the scraper checks the site against it. */
  public static final String TALLY = "store.tally";
  public static final String PART = "store";
  /** Failure code of a batch that could not be written (and was rolled back). */
  public static final int APPLY_FAILED = 500;
  private static final Logger LOG = LoggerFactory.getLogger(StoreVerticle.class);

  private final Path dataDir;
  private final ElectionData election;
  private ResultsStore store;
  private MessageConsumer<ScrapeBatch> consumer;
  private MessageConsumer<SeatOverride> overrideConsumer;
  private MessageConsumer<OverrideRelease> releaseConsumer;
  private MessageConsumer<Object> tallyConsumer;
  private Instant lastSuccess;
  private String lastError;
  private Instant lastErrorAt;
  private long lastCommitMs;
  private long rejections;
  private final WriteTrouble trouble = new WriteTrouble();

  public StoreVerticle(Path dataDir, ElectionData election) {
    this.dataDir = dataDir;
    this.election = election;
  }

  /** Deploys the store as it must run: a worker verticle, one instance. */
  public static Future<String> deploy(Vertx vertx, Path dataDir, ElectionData election) {
    return vertx.deployVerticle(new StoreVerticle(dataDir, election),
        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER).setInstances(1));
  }

  @Override
  public Future<?> start() {
    LocalCodec.register(vertx, ScrapeBatch.class);
    LocalCodec.register(vertx, ApplyResult.class);
    LocalCodec.register(vertx, SeatOverride.class);
    LocalCodec.register(vertx, OverrideRelease.class);
    LocalCodec.register(vertx, OverrideResult.class);
    LocalCodec.register(vertx, StoredTally.class);
    try {
      store = ResultsStore.open(dataDir, election); // blocking is fine: this is a worker
    } catch (RuntimeException e) {
      LOG.error("results store cannot open: {}", e.getMessage(), e);
      new HealthReport(PART, HealthReport.Status.DOWN, null, "store: " + e.getMessage(), Instant.now(),
          new JsonObject()).publish(vertx);
      return Future.failedFuture(e);
    }
    lastSuccess = Instant.now();
    consumer = vertx.eventBus().consumer(ADDRESS, this::apply);
    overrideConsumer = vertx.eventBus().consumer(OVERRIDE, m -> operator(m, () -> store.override(m.body())));
    releaseConsumer = vertx.eventBus().consumer(RELEASE, m -> operator(m, () -> store.release(m.body())));
    tallyConsumer = vertx.eventBus().consumer(TALLY, this::tally);
    report(HealthReport.Status.OK);
    return Future.all(consumer.completion(), overrideConsumer.completion(), releaseConsumer.completion(),
        tallyConsumer.completion());
  }

  private void apply(Message<ScrapeBatch> message) {
    long started = System.nanoTime();
    ApplyResult result;
    try {
      result = store.apply(message.body());
    } catch (RuntimeException e) {
      failed("batch not written", e, message);
      return;
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
    message.reply(result);
    publish(result.events());
    report(HealthReport.Status.OK);
  }

  /** The tally as stored and how many seats an operator override holds: they may differ from the site on purpose. */
  public record StoredTally(io.tallycast.events.Tally tally, long overriddenSeats) {
  }

  private void tally(Message<Object> message) {
    try {
      message.reply(new StoredTally(store.tally(), store.activeOverrides()));
    } catch (RuntimeException e) {
      message.fail(APPLY_FAILED, e.getMessage());
    }
  }

  private void operator(Message<?> message, Supplier<OverrideResult> work) {
    OverrideResult result;
    try {
      result = work.get();
    } catch (OverrideRefused e) {
      message.fail(e.status(), e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      message.fail(400, e.getMessage());
      return;
    } catch (RuntimeException e) {
      failed("operator change not written", e, message);
      return;
    }
    trouble.succeeded();
    lastSuccess = Instant.now();
    message.reply(result);
    publish(result.events());
    report(HealthReport.Status.OK);
  }

  /**
   * A write that failed and was rolled back. A database that cannot write (a full disk) is one WARN when it starts, and
   * its reply is the same text every time, so the scraper too logs it once; anything else is an ERROR with its trace.
   */
  private void failed(String what, RuntimeException e, Message<?> message) {
    String cannotWrite = trouble.failed(e);
    if (cannotWrite == null) {
      LOG.error("{}: {}", what, e.getMessage(), e);
    }
    lastError = "store: " + (cannotWrite != null ? cannotWrite : e.getMessage());
    lastErrorAt = Instant.now();
    message.fail(APPLY_FAILED, lastError);
    report(HealthReport.Status.DEGRADED);
  }

  private void publish(List<ResultEvent> events) {
    for (ResultEvent e : events) {
      JsonObject json = e.toJson();
      vertx.eventBus().publish(e.type().address(), json);
      vertx.eventBus().publish(ALL_EVENTS, json);
    }
  }

  private void report(HealthReport.Status status) {
    JsonObject unmapped = new JsonObject();
    store.unmappedParties().forEach((label, seats) -> unmapped.put(label, new JsonArray(List.copyOf(seats))));
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
    Future<?> unregistered = consumer == null ? Future.succeededFuture()
        : Future.all(consumer.unregister(), overrideConsumer.unregister(), releaseConsumer.unregister(),
            tallyConsumer.unregister());
    if (store != null) {
      store.close();
      new HealthReport(PART, HealthReport.Status.STOPPED, lastSuccess, lastError, lastErrorAt, new JsonObject())
          .publish(vertx);
    }
    return unregistered;
  }
}
