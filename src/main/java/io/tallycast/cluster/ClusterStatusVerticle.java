package io.tallycast.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.tallycast.bus.Bus;
import io.tallycast.bus.ClusterView;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.shareddata.AsyncMap;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's status board, on every node: this node writes its own line (API, health, heap) into the cluster's
 * nodes map every second, with a time to live so a dead node's line goes in the end; any node answers
 * {@link Contract#CLUSTER_STATUS} for all of them ({@link ClusterBoard}), and publishes {@link Contract#CLUSTER_VIEW}
 * on this node when what an operator sees changed (checked every 2 s and at once on a membership change).
 */
public final class ClusterStatusVerticle extends VerticleBase {
  /** Node name to its {@link NodeLine}. */
  public static final String NODES = "tallycast.nodes";
  /** Channel name to {"node","since"}, written by the channels' ownership. */
  public static final String CHANNEL_OWNERS = "tallycast.channel.owners";
  /** How long a node's line outlives its last write: a gone node stays on the board this long. */
  static final Duration LINE_TTL = Duration.ofMinutes(10);
  private static final long LINE_EVERY_MS = 1000;
  private static final long VIEW_EVERY_MS = 2000;
  /** A view is pushed at least this often even unchanged, so heaps and last-seen times move on the console. */
  private static final long PUSH_AT_LEAST_MS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(ClusterStatusVerticle.class);

  private final String me;
  private final String api;
  private final List<String> states;
  private final HazelcastInstance hazelcast;
  private final Map<String, HealthReport> health = new TreeMap<>();
  private Bus bus;
  private AsyncMap<String, String> nodes;
  private AsyncMap<String, String> owners;
  private AsyncMap<String, String> channelOwners;
  private TakeoverLog takeovers;
  private Membership membership;
  private long lineTimer;
  private long viewTimer;
  private boolean viewing;
  private boolean lineFailing;
  private ClusterView pushed;
  private long pushedAt;

  /**
   * @param api    the root of this node's API as the other nodes' operators reach it
   * @param states the election's state codes, in its order
   */
  public ClusterStatusVerticle(String me, String api, List<String> states, HazelcastInstance hazelcast) {
    this.me = me;
    this.api = api;
    this.states = List.copyOf(states);
    this.hazelcast = hazelcast;
  }

  @Override
  public Future<?> start() {
    bus = Bus.of(vertx);
    HealthReport.latest(vertx).forEach(r -> health.put(r.part(), r));
    bus.subscribe(Contract.HEALTH, r -> health.put(r.part(), r));
    var shared = vertx.sharedData();
    return shared.<String, String>getAsyncMap(NODES).compose(map -> {
      nodes = map;
      return shared.<String, String>getAsyncMap(OwnershipVerticle.OWNERS);
    }).compose(map -> {
      owners = map;
      return shared.<String, String>getAsyncMap(CHANNEL_OWNERS);
    }).compose(map -> {
      channelOwners = map;
      return TakeoverLog.open(vertx, hazelcast);
    }).compose(log -> {
      takeovers = log;
      bus.answer(Contract.CLUSTER_STATUS, query -> view());
      membership = Membership.follow(vertx, hazelcast, this::push);
      lineTimer = vertx.setPeriodic(LINE_EVERY_MS, id -> writeLine());
      viewTimer = vertx.setPeriodic(VIEW_EVERY_MS, id -> push());
      return writeLine();
    });
  }

  /** This node's line, good for {@link #LINE_TTL}. */
  private Future<Void> writeLine() {
    double heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    NodeLine line = NodeLine.of(me, api, health.values(), heapMb, Instant.now());
    return nodes.put(me, line.encode(), LINE_TTL.toMillis()).onComplete(done -> {
      if (done.failed() && !lineFailing) {
        LOG.warn("node {}: its line in the cluster's status not written: {}", me, done.cause().getMessage());
      }
      lineFailing = done.failed();
    });
  }

  /** The whole cluster as it is now. */
  private Future<ClusterView> view() {
    var lines = nodes.entries();
    var stateOwners = owners.entries();
    var channels = channelOwners.entries();
    var history = takeovers.newest();
    return Future.all(lines, stateOwners, channels, history).map(all -> ClusterBoard.view(me, Instant.now(),
        ClusterNode.names(hazelcast), states, lines.result(), stateOwners.result(), channels.result(),
        history.result()));
  }

  /** Published when an operator would see a difference, or after {@link #PUSH_AT_LEAST_MS} anyway. */
  private void push() {
    if (viewing) {
      return;
    }
    viewing = true;
    view().onComplete(done -> {
      viewing = false;
      if (done.failed()) {
        LOG.debug("cluster view: {}", done.cause().getMessage());
        return;
      }
      ClusterView now = done.result();
      long at = System.currentTimeMillis();
      if (pushed == null || !ClusterBoard.steady(now).equals(ClusterBoard.steady(pushed))
          || at - pushedAt >= PUSH_AT_LEAST_MS) {
        pushed = now;
        pushedAt = at;
        bus.publish(Contract.CLUSTER_VIEW, now);
      }
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(lineTimer);
    vertx.cancelTimer(viewTimer);
    if (membership != null) {
      membership.stop();
    }
    return Future.succeededFuture();
  }
}
