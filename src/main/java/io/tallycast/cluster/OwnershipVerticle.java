package io.tallycast.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.Bus;
import io.tallycast.bus.ClusterView;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.Refusal;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.ScraperControl;
import io.tallycast.election.Election;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.scrape.ScraperVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Lock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * <p>Results ({@link ResultsRelay}): the scraper here hands its batches to {@link Contract#OWNED_APPLY}; this node's
 * store writes them, and what it accepted goes to every node ({@link Contract#CLUSTER_RESULTS}), numbered per state,
 * and into the published map (every seat's latest snapshot). The other nodes apply the same snapshots to their own
 * store, which derives the same events. A node taking a state over first brings its store to what the cluster last
 * published for it, then scrapes: its store then turns only real changes into events, so no false flip, no second
 * declaration. Every state taken goes into the cluster's history ({@link TakeoverLog}), which the console shows.
 */
public final class OwnershipVerticle extends VerticleBase {
  public static final String PART = "cluster";
  static final String OWNERS = "tallycast.owners";
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
  private final Set<String> takingOver = new HashSet<>();
  private boolean reconciling;
  private Bus bus;
  private AsyncMap<String, String> owners;
  private ResultsRelay relay;
  private AsyncMap<String, String> scraping;
  private boolean paused;
  private TakeoverLog takeovers;
  private Membership membership;
  private long timer;
  private JsonObject lastTakeover;

  /** A state scraped here: its lock and its scraper. */
  private static final class Owned {
    Lock lock;
    String deployment;
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
    bus.answer(Contract.SCRAPER_CONTROL, this::pauseEverywhere);
    bus.subscribe(Contract.CLUSTER_SCRAPING, this::pauseHere);
    return vertx.sharedData().<String, String>getAsyncMap(OWNERS).compose(map -> {
      owners = map;
      return ResultsRelay.open(vertx, me, owned::containsKey);
    }).compose(results -> {
      relay = results;
      return vertx.sharedData().<String, String>getAsyncMap(SCRAPING);
    }).compose(map -> {
      scraping = map;
      return map.get("paused");
    }).compose(flag -> {
      paused = Boolean.parseBoolean(flag);
      return TakeoverLog.open(vertx, hazelcast);
    }).compose(log -> {
      takeovers = log;
      return relay.catchUp(election.codes());
    }).map(v -> {
      membership = Membership.follow(vertx, hazelcast, this::reconcile);
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

  /** A batch of this node's scraper: stored here, then published to every node, while the state is still ours. */
  private Future<ApplyResult> applyOwned(ScrapeBatch batch) {
    if (!owned.containsKey(batch.state())) {
      return Future.failedFuture(new Refusal(409, "state " + batch.state() + " is not scraped by node " + me));
    }
    return relay.storeAndPublish(batch);
  }

  /** One pass of the ownership loop; passes never overlap (a pass that is asked for during one runs after it). */
  private void reconcile() {
    if (reconciling) {
      return;
    }
    reconciling = true;
    List<String> members = membership.names();
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
    return relay.fromPublished(state).compose(seq -> {
      owned.put(state, o);
      return owners.put(state, new JsonObject().put("node", me).put("since", Instant.now().toString()).encode());
    }).compose(v -> vertx.deployVerticle(new ScraperVerticle(scrape, election, Set.of(state),
        Contract.OWNED_APPLY, paused))).map(id -> {
          o.deployment = id;
          long now = System.currentTimeMillis();
          Long sinceLeft = membership.sinceLossOf(from, me, now);
          lastTakeover = new JsonObject().put("state", state).put("from", from).put("at", Instant.now().toString())
              .put("tookMs", now - started).put("sinceMemberLeftMs", sinceLeft);
          takeovers.record(ClusterView.Takeover.STATE, state, from, me, now - started, sinceLeft);
          LOG.info("node {} scrapes {} now{}", me, state, from == null ? "" : " (was " + from + ")");
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
        .put("owned", List.copyOf(owned.keySet())).put("lastTakeover", lastTakeover);
    relay.figures(details);
    long gaps = relay.gaps();
    HealthReport.Status status = gaps > 0 ? HealthReport.Status.DEGRADED : HealthReport.Status.OK;
    new HealthReport(PART, status, Instant.now(), gaps > 0 ? gaps + " batch(es) of other nodes missed" : null,
        null, details).publish(vertx);
  }

  /** The states scraped here are let go (each scraper stopped first) so the others take them at once. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    if (membership != null) {
      membership.stop();
    }
    return Future.join(List.copyOf(owned.keySet()).stream().map(s -> handOver(s, null)).toList());
  }
}
