package io.tallycast.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * This JVM as a member of the cluster: Hazelcast with TCP/IP join to the configured members (multicast and every
 * automatic discovery off), its traffic and the event bus's bound to the configured interface only, and a failure
 * detector tight enough that a node killed mid-count loses its states within seconds. A node that cannot join says
 * why in {@link JoinRefused} (port taken, no such interface, nobody to join, its name already in use).
 */
public final class ClusterNode<T> {
  /** The member attribute holding a node's name (what states are assigned to). */
  public static final String NAME_ATTRIBUTE = "tallycast.node";
  private final ClusterConfig config;
  private final HazelcastClusterManager manager;
  private final T runtime;

  private ClusterNode(ClusterConfig config, HazelcastClusterManager manager, T runtime) {
    this.config = config;
    this.manager = manager;
    this.runtime = runtime;
  }

  /** Why a node could not join, said for the operator. */
  public static final class JoinRefused extends Exception {
    JoinRefused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Joins (blocking: the command's thread waits). {@code start} makes the clustered Vert.x with the manager given;
   * {@code vertxOf} reads it back to close it when the join is refused.
   */
  public static <T> ClusterNode<T> join(ClusterConfig config, Function<ClusterManager, Future<T>> start,
                                        Function<T, Vertx> vertxOf) throws JoinRefused {
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(config));
    T runtime;
    try {
      runtime = start.apply(manager).toCompletionStage().toCompletableFuture()
          .get(config.joinTimeout().toMillis() + 30_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JoinRefused("interrupted while joining", e);
    } catch (Exception e) {
      throw new JoinRefused(whyNot(config, e), e);
    }
    ClusterNode<T> node = new ClusterNode<>(config, manager, runtime);
    try {
      node.awaitCompany();
    } catch (JoinRefused refused) {
      vertxOf.apply(runtime).close().toCompletionStage().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS)
          .exceptionally(e -> null).join();
      throw refused;
    }
    return node;
  }

  /** Alone, a node waits for another to join it unless it may found the cluster; its name must be its own. */
  private void awaitCompany() throws JoinRefused {
    long deadline = System.nanoTime() + config.joinTimeout().toNanos();
    while (true) {
      List<String> names = memberNames();
      if (names.stream().filter(config.name()::equals).count() > 1) {
        throw new JoinRefused("a node named '" + config.name() + "' is already in the cluster (" + names + "): "
            + "give this one another cluster.name", null);
      }
      if (names.size() > 1 || config.startAlone()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new JoinRefused("no member of the cluster answered at " + config.members() + " within "
            + config.joinTimeout().toSeconds() + " s (this node listens on " + config.host() + ":" + config.port()
            + "): start a node with cluster.startAlone: true first, or check the members' addresses and firewall",
            null);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new JoinRefused("interrupted while waiting for the cluster", e);
      }
    }
  }

  private static String whyNot(ClusterConfig config, Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(' ').append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    String text = all.toString();
    if (text.contains("bind") || text.contains("Address already in use")) {
      return "cannot join: the cluster port " + config.host() + ":" + config.port() + " is taken by another process "
          + "(or the event bus port " + config.busPort() + "); give this node a free cluster.port";
    }
    if (text.contains("network interface") || text.contains("Cannot assign requested address")) {
      return "cannot join: this machine has no interface with the address " + config.host() + " (cluster.host)";
    }
    if (e instanceof java.util.concurrent.TimeoutException) {
      return "cannot join: the cluster did not answer within " + config.joinTimeout().toSeconds() + " s";
    }
    return "cannot join the cluster:" + text;
  }

  /** Hazelcast as a node needs it; the maps Vert.x needs come from its own default configuration. */
  static Config hazelcast(ClusterConfig c) {
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName("tallycast");
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.socket.bind.any", "false");
    hz.setProperty("hazelcast.wait.seconds.before.join", "1");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(c.failureDetection().toSeconds()));
    hz.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    hz.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
    NetworkConfig net = hz.getNetworkConfig();
    net.setPort(c.port()).setPortAutoIncrement(false).setPortCount(1);
    net.setPublicAddress(null);
    net.getInterfaces().setEnabled(true).setInterfaces(List.of(c.host()));
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(3).setMembers(c.members().isEmpty()
        ? List.of(c.host() + ":" + c.port()) : c.members());
    hz.getMemberAttributeConfig().setAttribute(NAME_ATTRIBUTE, c.name());
    hz.addRingBufferConfig(TakeoverLog.config());
    return hz;
  }

  public T runtime() {
    return runtime;
  }

  public ClusterConfig config() {
    return config;
  }

  public HazelcastInstance hazelcast() {
    return manager.getHazelcastInstance();
  }

  /** The names of the nodes in the cluster now, this one included. */
  public List<String> memberNames() {
    return names(hazelcast());
  }

  /** The names of the nodes in the cluster of {@code hazelcast} now. */
  static List<String> names(HazelcastInstance hazelcast) {
    return hazelcast.getCluster().getMembers().stream().map(ClusterNode::nameOf).filter(Objects::nonNull).toList();
  }

  static String nameOf(Member member) {
    return member.getAttribute(NAME_ATTRIBUTE);
  }
}
