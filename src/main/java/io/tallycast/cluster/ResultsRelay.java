package io.tallycast.cluster;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.Bus;
import io.tallycast.bus.ClusterBatch;
import io.tallycast.bus.Contract;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.Wire;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results between this node's store and the cluster, on the ownership verticle's context: a batch of a state this
 * node scrapes is stored here, then published to every node ({@link Contract#CLUSTER_RESULTS}, numbered per state)
 * and into the published map (every seat's latest snapshot and the number); another node's batch is applied to this
 * node's store in its owner's order; a state is brought to what the cluster last published before it is scraped here.
 */
final class ResultsRelay {
  static final String PUBLISHED = "tallycast.published";
  private static final Logger LOG = LoggerFactory.getLogger(ResultsRelay.class);
  private static final long STORE_TIMEOUT_MS = 60_000;

  private final String me;
  private final Bus bus;
  private final AsyncMap<String, String> published;
  /** Whether this node scrapes the state now: another node's batch of it is then a mistake, ignored. */
  private final Predicate<String> scrapedHere;
  /** Per state: the last batch number applied here, and every seat's latest snapshot. */
  private final Map<String, Long> applied = new HashMap<>();
  private final Map<String, Map<Integer, Snapshot>> latest = new HashMap<>();
  private final List<ClusterBatch> early = new ArrayList<>();
  private boolean caughtUp;
  private long gaps;
  private long received;
  private long lastLatencyMs = -1;
  private long maxLatencyMs = -1;

  private ResultsRelay(String me, Bus bus, AsyncMap<String, String> published, Predicate<String> scrapedHere) {
    this.me = me;
    this.bus = bus;
    this.published = published;
    this.scrapedHere = scrapedHere;
  }

  /** Listens to the other nodes' batches at once (kept until {@link #catchUp} is done). */
  static Future<ResultsRelay> open(io.vertx.core.Vertx vertx, String me, Predicate<String> scrapedHere) {
    Bus bus = Bus.of(vertx);
    return vertx.sharedData().<String, String>getAsyncMap(PUBLISHED).map(map -> {
      ResultsRelay relay = new ResultsRelay(me, bus, map, scrapedHere);
      bus.subscribe(Contract.CLUSTER_RESULTS, relay::applyRemote);
      return relay;
    });
  }

  /** Every state brought to what the cluster last published (a node that joins, or restarts, mid-count). */
  Future<Void> catchUp(List<String> states) {
    Future<Void> chain = Future.succeededFuture();
    for (String state : states) {
      chain = chain.compose(v -> fromPublished(state).mapEmpty());
    }
    return chain.onSuccess(v -> {
      caughtUp = true;
      early.forEach(this::applyRemote);
      early.clear();
    });
  }

  /** The state's published snapshots applied here when newer than what this node has; the batch number known. */
  Future<Long> fromPublished(String state) {
    return published.get(state).compose(text -> {
      long have = applied.getOrDefault(state, 0L);
      if (text == null) {
        return Future.succeededFuture(have);
      }
      ClusterBatch last = Wire.read(text.getBytes(StandardCharsets.UTF_8), ClusterBatch.class);
      if (last.seq() <= have) {
        return Future.succeededFuture(have);
      }
      applied.put(state, last.seq());
      Map<Integer, Snapshot> seats = latest.computeIfAbsent(state, s -> new TreeMap<>());
      last.snapshots().forEach(s -> seats.put(s.seat(), s));
      return store(new ScrapeBatch(state, last.snapshots(), List.of())).map(r -> last.seq());
    });
  }

  /** A batch of this node's scraper: stored here, then what the store accepted published to every node. */
  Future<ApplyResult> storeAndPublish(ScrapeBatch batch) {
    return store(batch).compose(result -> {
      Set<Integer> accepted = new HashSet<>(result.acceptedSeats());
      List<Snapshot> taken = batch.snapshots().stream().filter(s -> accepted.contains(s.seat())).toList();
      if (taken.isEmpty()) {
        return Future.succeededFuture(result);
      }
      long seq = applied.getOrDefault(batch.state(), 0L) + 1;
      applied.put(batch.state(), seq);
      Map<Integer, Snapshot> seats = latest.computeIfAbsent(batch.state(), s -> new TreeMap<>());
      taken.forEach(s -> seats.put(s.seat(), s));
      Instant now = Instant.now();
      bus.publish(Contract.CLUSTER_RESULTS, new ClusterBatch(batch.state(), me, seq, taken, now));
      ClusterBatch whole = new ClusterBatch(batch.state(), me, seq, List.copyOf(seats.values()), now);
      // written before the scraper hears back: a node taking the state over after our hand-over reads all of it
      return published.put(batch.state(), new String(Wire.bytes(whole), StandardCharsets.UTF_8))
          .map(v -> result);
    });
  }

  /** Another node's batch, applied to this node's store in the owner's order. */
  private void applyRemote(ClusterBatch batch) {
    if (batch.node().equals(me)) {
      return; // ours, stored already
    }
    if (!caughtUp) {
      early.add(batch);
      return;
    }
    if (scrapedHere.test(batch.state())) {
      LOG.warn("a batch of {} from {} while this node scrapes it: ignored", batch.state(), batch.node());
      return;
    }
    long have = applied.getOrDefault(batch.state(), 0L);
    if (batch.seq() <= have) {
      return; // in the published snapshots already
    }
    if (batch.seq() > have + 1 && have > 0) {
      gaps++;
      LOG.warn("{}: batch {} of {} after {}: {} missed", batch.state(), batch.seq(), batch.node(), have,
          batch.seq() - have - 1);
    }
    applied.put(batch.state(), batch.seq());
    received++;
    lastLatencyMs = Math.max(0, System.currentTimeMillis() - batch.at().toEpochMilli());
    maxLatencyMs = Math.max(maxLatencyMs, lastLatencyMs);
    Map<Integer, Snapshot> seats = latest.computeIfAbsent(batch.state(), s -> new TreeMap<>());
    batch.snapshots().forEach(s -> seats.put(s.seat(), s));
    store(new ScrapeBatch(batch.state(), batch.snapshots(), List.of()))
        .onFailure(e -> LOG.warn("{}: a batch from {} not stored here: {}", batch.state(), batch.node(),
            e.getMessage()));
  }

  private Future<ApplyResult> store(ScrapeBatch batch) {
    return bus.request(Contract.STORE_APPLY, batch, STORE_TIMEOUT_MS);
  }

  /** Batches of other nodes missed (a number skipped): the cluster part is DEGRADED while there are any. */
  long gaps() {
    return gaps;
  }

  /** The relay's figures for the health details: batches received, gaps, latency from the owner's publish. */
  JsonObject figures(JsonObject details) {
    return details.put("batchesReceived", received).put("gaps", gaps)
        .put("lastLatencyMs", lastLatencyMs < 0 ? null : lastLatencyMs)
        .put("maxLatencyMs", maxLatencyMs < 0 ? null : maxLatencyMs);
  }
}
