package io.tallycast.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.Bus;
import io.tallycast.bus.ClusterBatch;
import io.tallycast.bus.ClusterView;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.Refusal;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.ScraperControl;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.Wire;
import io.tallycast.election.Election;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.scrape.ScraperVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Lock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which states this node scrapes, kept right as nodes come and go, and the results of the others applied here.
 *
 * <p>Ownership: every second and on every membership change, the node computes {@link Assignment#next} from the
 * cluster's members and the owners map, hands over the states it should no longer scrape (its scraper stopped first,
 * so its last batch is stored and published, then the lock released) and takes the states assigned to it whose lock
 * it gets. The lock is Vert.x's clustered lock, a Hazelcast {@code IMap} lock: Hazelcast releases the locks of a member
 * it removes from the cluster ({@code LockSupportServiceImpl.memberRemoved}), and it removes a member killed with -9 as
 * soon as its connection fails or, at worst, after {@link ClusterConfig#failureDetection} without heartbeat (5 s), so
 * a dead node's states are scraped again within 10 s, with no lease to renew and no file. The owners map only says who
 * holds what (for the assignment and the health); the lock alone decides.
 *
 * <p>Results: the scraper here hands its batches to {@link Contract#OWNED_APPLY}; this node's store writes them, and
 * what it accepted goes to every node ({@link Contract#CLUSTER_RESULTS}), numbered per state, and into the published
 * map (every seat's latest snapshot). The other nodes apply the same snapshots to their own store, which derives the
 * same events. A node taking a state over first brings its store to what the cluster last published for it, then
 * scrapes: its store then turns only real changes into events, so no false flip, no second declaration. Every state
 * taken goes into the cluster's history ({@link TakeoverLog}), which the console shows.
 */
public final class OwnershipVerticle extends VerticleBase {
  public static final String PART = "cluster";
  static final String OWNERS = "tallycast.owners";
  static final String PUBLISHED = "tallycast.published";
  static final String LOCK = "tallycast.state.";
  /** The operator's pause of the whole cluster's scraping ("paused" -> "true"), read by a node that joins. */
  static final String SCRAPING = "tallycast.scraping";
  /** Who last handed each state over (its owners entry is gone by then): the take-over names where it came from. */
  static final String HANDED_OVER = "tallycast.handedover";
  private static final Logger LOG = LoggerFactory.getLogger(OwnershipVerticle.class);

  private final String me;
  private final Election election;
  private final ScrapeConfig scrape;
  private final HazelcastInstance hazelcast;
  private final Map<String, Owned> owned = new TreeMap<>();
  /** Per state: the last batch number applied here, and every seat's latest snapshot. */
  private final Map<String, Long> applied = new HashMap<>();
  private final Map<String, Map<Integer, Snapshot>> latest = new HashMap<>();
  private final List<ClusterBatch> early = new ArrayList<>();
  private final Set<String> takingOver = new HashSet<>();
  private boolean caughtUp;
  private boolean reconciling;
  private Bus bus;
  private AsyncMap<String, String> owners;
  private AsyncMap<String, String> published;
  private AsyncMap<String, String> scraping;
  private boolean paused;
  private TakeoverLog takeovers;
  private UUID listener;
  private long timer;
  private long memberLeftAt;
  private JsonObject lastTakeover;
  private long gaps;
  private long received;
  private long lastLatencyMs = -1;
  private long maxLatencyMs = -1;

  /** A state scraped here: its lock, its scraper and its batch numbering. */
  private static final class Owned {
    Lock lock;
    String deployment;
    long seq;
  }

  public OwnershipVerticle(String me, Election election, ScrapeConfig scrape, HazelcastInstance hazelcast) {
    this.me = me;
    this.election = election;
    this.scrape = scrape;
    this.hazelcast = hazelcast;
  }

  @Override
  public Future<?> start() {
    bus = Bus.of(vertx);
    bus.answer(Contract.OWNED_APPLY, this::applyOwned);
    bus.subscribe(Contract.CLUSTER_RESULTS, this::applyRemote);
    bus.answer(Contract.SCRAPER_CONTROL, this::pauseEverywhere);
    bus.subscribe(Contract.CLUSTER_SCRAPING, this::pauseHere);
    return vertx.sharedData().<String, String>getAsyncMap(OWNERS).compose(map -> {
      owners = map;
      return vertx.sharedData().<String, String>getAsyncMap(PUBLISHED);
    }).compose(map -> {
      published = map;
      return vertx.sharedData().<String, String>getAsyncMap(SCRAPING);
    }).compose(map -> {
      scraping = map;
      return map.get("paused");
    }).compose(flag -> {
      paused = Boolean.parseBoolean(flag);
      return TakeoverLog.open(vertx, hazelcast);
    }).compose(log -> {
      takeovers = log;
      return catchUp();
    }).map(v -> {
      caughtUp = true;
      early.forEach(this::applyRemote);
      early.clear();
      listener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
        @Override
        public void memberAdded(MembershipEvent event) {
          vertx.runOnContext(x -> reconcile());
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
          vertx.runOnContext(x -> {
            memberLeftAt = System.currentTimeMillis();
            reconcile();
          });
        }
      });
      timer = vertx.setPeriodic(1000, id -> reconcile());
      reconcile();
      return null;
    });
  }

  /**
   * The operator's pause or resume on this node's console, for the whole cluster: remembered in the cluster (a node
   * joining later starts its scrapers paused) and sent to every node, whose owned scrapers follow.
   */
  private Future<ScraperControl> pauseEverywhere(ScraperControl asked) {
    return scraping.put("paused", String.valueOf(asked.paused())).map(v -> {
      bus.publish(Contract.CLUSTER_SCRAPING, asked);
      return asked;
    });
  }

  private void pauseHere(ScraperControl asked) {
    paused = asked.paused();
    bus.publish(Contract.OWNED_SCRAPING, asked);
    LOG.info("node {}: scraping {} for the whole cluster", me, paused ? "paused" : "resumed");
  }

  /** Every state brought to what the cluster last published (a node that joins, or restarts, mid-count). */
  private Future<Void> catchUp() {
    Future<Void> chain = Future.succeededFuture();
    for (String state : election.codes()) {
      chain = chain.compose(v -> fromPublished(state).mapEmpty());
    }
    return chain;
  }

  /** The state's published snapshots applied here when newer than what this node has; the batch number known. */
  private Future<Long> fromPublished(String state) {
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

  private Future<ApplyResult> store(ScrapeBatch batch) {
    return bus.request(Contract.STORE_APPLY, batch, 60_000);
  }

  /** A batch of this node's scraper: stored here, then published to every node, while the state is still ours. */
  private Future<ApplyResult> applyOwned(ScrapeBatch batch) {
    Owned state = owned.get(batch.state());
    if (state == null) {
      return Future.failedFuture(new Refusal(409, "state " + batch.state() + " is not scraped by node " + me));
    }
    return store(batch).compose(result -> {
      Set<Integer> accepted = new HashSet<>(result.acceptedSeats());
      List<Snapshot> taken = batch.snapshots().stream().filter(s -> accepted.contains(s.seat())).toList();
      if (taken.isEmpty()) {
        return Future.succeededFuture(result);
      }
      state.seq++;
      applied.put(batch.state(), state.seq);
      Map<Integer, Snapshot> seats = latest.computeIfAbsent(batch.state(), s -> new TreeMap<>());
      taken.forEach(s -> seats.put(s.seat(), s));
      Instant now = Instant.now();
      bus.publish(Contract.CLUSTER_RESULTS, new ClusterBatch(batch.state(), me, state.seq, taken, now));
      ClusterBatch whole = new ClusterBatch(batch.state(), me, state.seq, List.copyOf(seats.values()), now);
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
    if (owned.containsKey(batch.state())) {
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

  /** One pass of the ownership loop; passes never overlap (a pass that is asked for during one runs after it). */
  private void reconcile() {
    if (reconciling) {
      return;
    }
    reconciling = true;
    List<String> members = memberNames();
    owners.entries().compose(now -> {
      Map<String, String> current = new HashMap<>();
      now.forEach((state, json) -> current.put(state, new JsonObject(json).getString("node")));
      owned.keySet().forEach(state -> current.put(state, me)); // what we hold, whatever the map says yet
      Map<String, String> plan = Assignment.next(election.codes(), members, current);
      List<Future<?>> steps = new ArrayList<>();
      for (String state : List.copyOf(owned.keySet())) {
        if (!me.equals(plan.get(state))) {
          steps.add(handOver(state, plan.get(state)));
        }
      }
      for (Map.Entry<String, String> e : plan.entrySet()) {
        if (me.equals(e.getValue()) && !owned.containsKey(e.getKey()) && takingOver.add(e.getKey())) {
          String from = current.get(e.getKey());
          steps.add(takeOver(e.getKey(), from).onComplete(done -> takingOver.remove(e.getKey())));
        }
      }
      return Future.join(steps);
    }).onComplete(done -> {
      reconciling = false;
      if (done.failed()) {
        LOG.debug("ownership pass: {}", done.cause().getMessage());
      }
      report(members);
    });
  }

  private List<String> memberNames() {
    return hazelcast.getCluster().getMembers().stream().map(ClusterNode::nameOf)
        .filter(java.util.Objects::nonNull).toList();
  }

  /** The state's lock got (or not, yet): caught up with the cluster, noted as ours, its scraper started. */
  private Future<?> takeOver(String state, String owner) {
    long started = System.currentTimeMillis();
    return vertx.sharedData().getLockWithTimeout(LOCK + state, 200).compose(lock -> handedOver(state, owner)
        .compose(from -> takeOver(state, from, lock, started)));
  }

  private Future<String> handedOver(String state, String owner) {
    return owner != null ? Future.succeededFuture(owner) : vertx.sharedData().<String, String>getAsyncMap(HANDED_OVER)
        .compose(map -> map.get(state)).otherwise((String) null);
  }

  private Future<?> takeOver(String state, String from, Lock lock, long started) {
    Owned o = new Owned();
    o.lock = lock;
    return fromPublished(state).compose(seq -> {
      o.seq = seq;
      owned.put(state, o);
      return owners.put(state, new JsonObject().put("node", me).put("since", Instant.now().toString()).encode());
    }).compose(v -> vertx.deployVerticle(new ScraperVerticle(scrape, election, Set.of(state),
        Contract.OWNED_APPLY, paused))).map(id -> {
          o.deployment = id;
          long now = System.currentTimeMillis();
          boolean afterLoss = from != null && !from.equals(me) && !memberNames().contains(from);
          Long sinceLeft = afterLoss && memberLeftAt > 0 ? now - memberLeftAt : null;
          lastTakeover = new JsonObject().put("state", state).put("from", from).put("at", Instant.now().toString())
              .put("tookMs", now - started).put("sinceMemberLeftMs", sinceLeft);
          takeovers.record(ClusterView.Takeover.STATE, state, from, me, now - started, sinceLeft);
          LOG.info("node {} scrapes {} now{} (from batch {})", me, state, from == null ? "" : " (was " + from + ")",
              o.seq);
          return id;
        }).onFailure(e -> {
          LOG.warn("taking {} over failed: {}", state, e.getMessage());
          owned.remove(state);
          lock.release();
        });
  }

  /** The scraper stopped first (its cycle under way stored and published), then the state let go. */
  private Future<?> handOver(String state, String to) {
    Owned o = owned.get(state);
    Future<Void> stopped = o.deployment == null ? Future.succeededFuture() : vertx.undeploy(o.deployment);
    Future<Void> noted = stopped.eventually(() -> vertx.sharedData().<String, String>getAsyncMap(HANDED_OVER)
        .compose(map -> map.put(state, me)));
    return noted.eventually(() -> forget(state)).eventually(() -> {
      owned.remove(state);
      o.lock.release();
      LOG.info("node {} hands {} over to {}", me, state, to);
      new HealthReport("scraper " + state, HealthReport.Status.STOPPED, null, null, null,
          new JsonObject().put("state", state).put("scrapedBy", to)).publish(vertx);
      return Future.succeededFuture();
    });
  }

  /** The owners map's entry of the state removed when it still names this node. */
  private Future<Void> forget(String state) {
    return owners.get(state).compose(v -> v != null && me.equals(new JsonObject(v).getString("node"))
        ? owners.remove(state).<Void>mapEmpty() : Future.<Void>succeededFuture());
  }

  private void report(List<String> members) {
    JsonObject details = new JsonObject().put("node", me).put("members", members).put("scrapingPaused", paused)
        .put("owned", List.copyOf(owned.keySet())).put("lastTakeover", lastTakeover)
        .put("batchesReceived", received).put("gaps", gaps)
        .put("lastLatencyMs", lastLatencyMs < 0 ? null : lastLatencyMs)
        .put("maxLatencyMs", maxLatencyMs < 0 ? null : maxLatencyMs);
    HealthReport.Status status = gaps > 0 ? HealthReport.Status.DEGRADED : HealthReport.Status.OK;
    new HealthReport(PART, status, Instant.now(), gaps > 0 ? gaps + " batch(es) of other nodes missed" : null,
        null, details).publish(vertx);
  }

  /** The states scraped here are let go (each scraper stopped first) so the others take them at once. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    if (listener != null) {
      hazelcast.getCluster().removeMembershipListener(listener);
    }
    return Future.join(List.copyOf(owned.keySet()).stream().map(s -> handOver(s, null)).toList());
  }
}
