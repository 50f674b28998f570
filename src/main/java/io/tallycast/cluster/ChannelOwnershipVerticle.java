package io.tallycast.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.tallycast.bus.Bus;
import io.tallycast.bus.ClusterView;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.StreamCarry;
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
 * Which stream channels this node carries: each channel is on air from exactly one node of the cluster at a time.
 *
 * <p>Every second and on every membership change the node computes {@link ChannelPlacement#next} from the members,
 * the channels' allowed nodes and the owners map ({@value #OWNERS}: channel -> {"node", "since"}), and takes the
 * channels placed on it whose lock it gets: the Vert.x clustered lock {@value #LOCK}NAME, a Hazelcast IMap lock that
 * Hazelcast frees when it removes the lock's member (a node killed -9 within seconds, see {@link OwnershipVerticle}).
 * A channel taken is recorded in the owners map and handed to this node's stream part ({@link Contract#STREAM_CARRY}),
 * which starts it to the channel's own destinations. A channel stays on its node while that node lives; it is let go
 * only when the node stops (its stream stopped first, then the lock released), so two nodes never send it at once.
 * The lock alone decides; the map says who carries what (the placement, the health, the console's cluster view), and
 * each take-over goes into the cluster's history ({@link TakeoverLog}).
 */
public final class ChannelOwnershipVerticle extends VerticleBase {
  public static final String PART = "cluster channels";
  public static final String OWNERS = "tallycast.channel.owners";
  public static final String LOCK = "tallycast.channel.";
  /** A channel's stop finishes its outputs (recording trailers); its start goes on after the answer. */
  private static final long CARRY_TIMEOUT_MS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(ChannelOwnershipVerticle.class);

  private final String me;
  private final List<ChannelNodes> channels;
  private final HazelcastInstance hazelcast;
  /** The channels carried here, with their lock and since when. */
  private final Map<String, Carried> carried = new TreeMap<>();
  private final Set<String> taking = new HashSet<>();
  private Bus bus;
  private AsyncMap<String, String> owners;
  private Membership membership;
  private long timer;
  private boolean reconciling;
  private JsonObject lastTakeover;
  private TakeoverLog takeovers;

  private record Carried(Lock lock, Instant since) {
  }

  public ChannelOwnershipVerticle(String me, List<ChannelNodes> channels, HazelcastInstance hazelcast) {
    this.me = me;
    this.channels = List.copyOf(channels);
    this.hazelcast = hazelcast;
  }

  @Override
  public Future<?> start() {
    bus = Bus.of(vertx);
    return vertx.sharedData().<String, String>getAsyncMap(OWNERS).compose(map -> {
      owners = map;
      return TakeoverLog.open(vertx, hazelcast);
    }).map(log -> {
      takeovers = log;
      membership = Membership.follow(vertx, hazelcast, this::reconcile);
      timer = vertx.setPeriodic(1000, id -> reconcile());
      reconcile();
      return null;
    });
  }

  /** One pass; passes never overlap (one asked for during another is left to the next second). */
  private void reconcile() {
    if (reconciling) {
      return;
    }
    reconciling = true;
    List<String> members = membership.names();
    Map<String, String> plan = new TreeMap<>();
    owners.entries().compose(now -> {
      Map<String, String> current = new HashMap<>();
      now.forEach((channel, json) -> current.put(channel, new JsonObject(json).getString("node")));
      carried.keySet().forEach(c -> current.put(c, me)); // what we hold, whatever the map says yet
      plan.putAll(ChannelPlacement.next(channels, members, current));
      List<Future<?>> steps = new ArrayList<>();
      for (ChannelNodes c : channels) {
        String name = c.channel();
        String node = plan.get(name);
        if (me.equals(node) && !carried.containsKey(name) && taking.add(name)) {
          steps.add(takeOver(name, current.get(name)).onComplete(done -> taking.remove(name)));
        } else if (carried.containsKey(name) && !me.equals(now.get(name) == null ? null
            : new JsonObject(now.get(name)).getString("node"))) {
          steps.add(record(name)); // the map lost our entry (a node that did not see us yet removed it)
        } else if (node == null && current.get(name) != null && !members.contains(current.get(name))) {
          steps.add(owners.remove(name)); // its node is gone and no allowed node is left: nobody carries it
        }
      }
      return Future.join(steps);
    }).onComplete(done -> {
      reconciling = false;
      if (done.failed()) {
        LOG.debug("channel placement pass: {}", done.cause().getMessage());
      }
      report(members, plan);
    });
  }


  /** The channel's lock got (or not, yet: another node holds it): recorded as ours, then started here. */
  private Future<?> takeOver(String channel, String from) {
    long started = System.currentTimeMillis();
    return vertx.sharedData().getLockWithTimeout(LOCK + channel, 200).compose(lock -> {
      carried.put(channel, new Carried(lock, Instant.now()));
      return record(channel)
          .compose(v -> bus.request(Contract.STREAM_CARRY, new StreamCarry(channel, true), CARRY_TIMEOUT_MS))
          .map(status -> {
            long now = System.currentTimeMillis();
            Long sinceLeft = membership.sinceLossOf(from, me, now);
            lastTakeover = new JsonObject().put("channel", channel).put("from", from)
                .put("at", Instant.now().toString()).put("tookMs", now - started).put("sinceMemberLeftMs", sinceLeft);
            takeovers.record(ClusterView.Takeover.CHANNEL, channel, from, me, now - started, sinceLeft);
            LOG.info("node {} carries channel {} now{}", me, channel, from == null ? "" : " (was " + from + ")");
            return status;
          })
          .onFailure(e -> {
            LOG.warn("taking channel {} failed: {}", channel, e.getMessage());
            carried.remove(channel);
            forget(channel).onComplete(x -> lock.release());
          });
    });
  }

  /** The owners map's entry of a channel carried here. */
  private Future<Void> record(String channel) {
    Carried c = carried.get(channel);
    return owners.put(channel, new JsonObject().put("node", me).put("since", c.since().toString()).encode());
  }

  /** The channel's stream stopped here (its outputs finished), then its entry removed and its lock let go. */
  private Future<?> letGo(String channel) {
    Carried c = carried.remove(channel);
    return bus.request(Contract.STREAM_CARRY, new StreamCarry(channel, false), CARRY_TIMEOUT_MS)
        .onFailure(e -> LOG.warn("channel {} did not stop cleanly: {}", channel, e.getMessage()))
        .eventually(() -> forget(channel))
        .eventually(() -> {
          c.lock().release();
          LOG.info("node {} lets channel {} go", me, channel);
          return Future.succeededFuture();
        });
  }

  /** The owners map's entry of the channel removed when it still names this node. */
  private Future<Void> forget(String channel) {
    return owners.get(channel).compose(v -> v != null && me.equals(new JsonObject(v).getString("node"))
        ? owners.remove(channel).<Void>mapEmpty() : Future.<Void>succeededFuture());
  }

  private void report(List<String> members, Map<String, String> plan) {
    JsonObject placement = new JsonObject();
    List<String> unplaced = new ArrayList<>();
    for (ChannelNodes c : channels) {
      placement.put(c.channel(), plan.get(c.channel()));
      if (!plan.containsKey(c.channel())) {
        unplaced.add(c.channel() + " (nodes: " + String.join(", ", c.nodes()) + ")");
      }
    }
    JsonObject details = new JsonObject().put("node", me).put("members", members)
        .put("carries", List.copyOf(carried.keySet())).put("placement", placement).put("lastTakeover", lastTakeover);
    String problem = unplaced.isEmpty() ? null
        : "no node allowed to carry " + String.join("; ", unplaced) + " is in the cluster";
    new HealthReport(PART, problem == null ? HealthReport.Status.OK : HealthReport.Status.DEGRADED, Instant.now(),
        problem, problem == null ? null : Instant.now(), details).publish(vertx);
  }

  /** The channels carried here are stopped and let go, so the other nodes take them at once. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    if (membership != null) {
      membership.stop();
    }
    return Future.join(List.copyOf(carried.keySet()).stream().map(this::letGo).toList());
  }
}
