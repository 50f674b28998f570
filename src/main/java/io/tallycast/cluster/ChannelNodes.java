package io.tallycast.cluster;

import java.util.List;

/**
 * A stream channel of a cluster and the nodes that may carry it ({@code nodes:} in its section of the configuration).
 *
 * @param channel the channel's name
 * @param nodes   the names of the nodes that may carry it; empty: any node
 */
public record ChannelNodes(String channel, List<String> nodes) {
  public ChannelNodes {
    nodes = nodes == null ? List.of() : nodes.stream().map(String::strip).distinct().toList();
    for (String node : nodes) {
      if (!node.matches("[A-Za-z0-9._-]{1,40}")) {
        throw new IllegalArgumentException("channel " + channel + ": nodes: '" + node + "' is not a node's name "
            + "(cluster.name: letters, digits, '.', '_' or '-')");
      }
    }
  }

  /** Whether the node of this name may carry the channel. */
  public boolean allows(String node) {
    return nodes.isEmpty() || nodes.contains(node);
  }
}
