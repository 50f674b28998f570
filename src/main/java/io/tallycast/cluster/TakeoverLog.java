package io.tallycast.cluster;

import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import com.hazelcast.ringbuffer.StaleSequenceException;
import io.tallycast.bus.ClusterView.Takeover;
import io.tallycast.bus.Wire;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's history of take-overs, states' and channels' alike: a Hazelcast ringbuffer of the last {@link #KEPT}
 * (the oldest overwritten, a backup on another member, so it outlives any one node), read by every node for
 * {@code GET /api/cluster} and the console. Whoever moves something to this node records it here.
 */
public final class TakeoverLog {
  public static final String RINGBUFFER = "tallycast.takeovers";
  /** How many take-overs the cluster keeps. */
  public static final int KEPT = 200;
  private static final Logger LOG = LoggerFactory.getLogger(TakeoverLog.class);
  private final Vertx vertx;
  private final Ringbuffer<String> ring;

  private TakeoverLog(Vertx vertx, Ringbuffer<String> ring) {
    this.vertx = vertx;
    this.ring = ring;
  }

  /** The log of the cluster this node is in (its proxy got off the event loop: Hazelcast may ask the others). */
  public static Future<TakeoverLog> open(Vertx vertx, HazelcastInstance hazelcast) {
    return vertx.executeBlocking(() -> new TakeoverLog(vertx, hazelcast.<String>getRingbuffer(RINGBUFFER)), false);
  }

  /** The ringbuffer's configuration: every member gives the same (see {@link ClusterNode}). */
  static RingbufferConfig config() {
    return new RingbufferConfig(RINGBUFFER).setCapacity(KEPT).setBackupCount(1);
  }

  /**
   * Appends one take-over, stamped now; a failure is logged, never the caller's (the take-over itself happened).
   *
   * @param kind              {@link Takeover#STATE} or {@link Takeover#CHANNEL}
   * @param from              the node named its owner before, null when none was
   * @param sinceMemberLeftMs from the cluster's removal of {@code from} to running here, null when it had not left
   */
  public Future<Void> record(String kind, String name, String from, String to, long tookMs, Long sinceMemberLeftMs) {
    Takeover takeover = new Takeover(kind, name, from, to, Instant.now(), tookMs, sinceMemberLeftMs);
    String json = new String(Wire.bytes(takeover), StandardCharsets.UTF_8);
    return Future.fromCompletionStage(ring.addAsync(json, OverflowPolicy.OVERWRITE), vertx.getOrCreateContext())
        .onFailure(e -> LOG.warn("the take-over of {} {} by {} not recorded in the cluster's history: {}", kind, name,
            to, e.getMessage()))
        .mapEmpty();
  }

  /** The kept take-overs, newest first (read on a worker: Hazelcast's sequence calls block). */
  public Future<List<Takeover>> newest() {
    return vertx.executeBlocking(this::read, false);
  }

  private List<Takeover> read() throws Exception {
    for (int attempt = 0; ; attempt++) {
      long tail = ring.tailSequence();
      long from = Math.max(ring.headSequence(), tail - KEPT + 1);
      if (tail < from) {
        return List.of();
      }
      try {
        ReadResultSet<String> read = ring.readManyAsync(from, 0, KEPT, null).toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
        List<Takeover> out = new ArrayList<>();
        read.forEach(text -> out.add(Wire.read(text.getBytes(StandardCharsets.UTF_8), Takeover.class)));
        Collections.reverse(out);
        return out;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof StaleSequenceException) || attempt > 2) {
          throw e;
        }
        // overwritten while we read: start again from the new head
      }
    }
  }
}
