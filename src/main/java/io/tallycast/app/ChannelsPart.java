package io.tallycast.app;

import com.hazelcast.core.HazelcastInstance;
import io.tallycast.cluster.ChannelNodes;
import io.tallycast.cluster.ChannelOwnershipVerticle;
import io.vertx.core.Future;
import java.util.List;

/**
 * On a node of a cluster: the placement of the stream channels (each carried by one node at a time), deployed after
 * the stream part it hands the channels to ({@link StreamPart#placed}) and stopped before it, so a channel is let go
 * only once its stream stopped.
 */
public final class ChannelsPart implements Part {
  private final String node;
  private final List<ChannelNodes> channels;
  private final HazelcastInstance hazelcast;

  public ChannelsPart(String node, List<ChannelNodes> channels, HazelcastInstance hazelcast) {
    this.node = node;
    this.channels = List.copyOf(channels);
    this.hazelcast = hazelcast;
  }

  @Override
  public String name() {
    return ChannelOwnershipVerticle.PART;
  }

  @Override
  public Future<String> deploy(Assembly assembly) {
    return assembly.vertx().deployVerticle(new ChannelOwnershipVerticle(node, channels, hazelcast));
  }
}
