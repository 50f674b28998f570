package io.tallycast.cluster;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which node carries which stream channel: a pure function of the channels (each with the nodes that may carry it),
 * the nodes in the cluster and who carries what now, computed alike on every node (the channel's lock settles a moment
 * when two nodes' views differ). A channel stays on its node while that node is in the cluster and allowed: a stream is
 * never moved to even the load out, since every move is a cut on air, so a node that joins (or comes back after a
 * crash) takes only channels nobody carries. A channel nobody carries goes to the allowed member carrying fewest
 * channels, ties by name, in the order of the configuration.
 */
public final class ChannelPlacement {
  private ChannelPlacement() {
  }

  /**
   * @param channels the configured channels in order, each with its allowed nodes
   * @param members  the names of the nodes in the cluster now
   * @param current  who carries each channel now (a node no longer in the cluster carries nothing)
   * @return each channel's node, in the order of the configuration; a channel none of whose nodes is in the cluster
   *     is left out
   */
  public static Map<String, String> next(List<ChannelNodes> channels, Collection<String> members,
                                         Map<String, String> current) {
    Set<String> live = new TreeSet<>(members);
    Map<String, Integer> load = new HashMap<>();
    live.forEach(n -> load.put(n, 0));
    Map<String, String> kept = new HashMap<>();
    for (ChannelNodes c : channels) {
      String node = current.get(c.channel());
      if (node != null && live.contains(node) && c.allows(node)) {
        kept.put(c.channel(), node);
        load.merge(node, 1, Integer::sum);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (ChannelNodes c : channels) {
      String node = kept.get(c.channel());
      if (node == null) {
        node = live.stream().filter(c::allows)
            .min(Comparator.comparingInt((String n) -> load.get(n)).thenComparing(n -> n)).orElse(null);
        if (node == null) {
          continue;
        }
        load.merge(node, 1, Integer::sum);
      }
      out.put(c.channel(), node);
    }
    return out;
  }
}
