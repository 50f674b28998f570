package io.tallycast.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The cluster's members as a verticle follows them: their names now, a call on the verticle's own context at each
 * join or loss (Hazelcast calls its listeners on its own threads), and when a member was last lost, so a take-over
 * can say how long after the loss it came.
 */
final class Membership {
  private final HazelcastInstance hazelcast;
  private UUID listener;
  private volatile long lastLossAt;

  private Membership(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  /** Follows the membership from now on; {@code changed} runs on the calling verticle's context. */
  static Membership follow(Vertx vertx, HazelcastInstance hazelcast, Runnable changed) {
    Membership membership = new Membership(hazelcast);
    membership.listener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        vertx.runOnContext(x -> changed.run());
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        membership.lastLossAt = System.currentTimeMillis();
        vertx.runOnContext(x -> changed.run());
      }
    });
    return membership;
  }

  /** The names of the nodes in the cluster now, this one included. */
  List<String> names() {
    return hazelcast.getCluster().getMembers().stream().map(ClusterNode::nameOf).filter(Objects::nonNull).toList();
  }

  /**
   * How long ago {@code from}'s loss was, when {@code from} is another node no longer in the cluster (a take-over
   * after a loss); null otherwise (a hand-over, a first take).
   */
  Long sinceLossOf(String from, String me, long now) {
    boolean afterLoss = from != null && !from.equals(me) && !names().contains(from);
    return afterLoss && lastLossAt > 0 ? now - lastLossAt : null;
  }

  void stop() {
    if (listener != null) {
      hazelcast.getCluster().removeMembershipListener(listener);
    }
  }
}
