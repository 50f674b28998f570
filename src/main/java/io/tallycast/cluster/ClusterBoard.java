package io.tallycast.cluster;

import io.tallycast.bus.ClusterView;
import io.tallycast.bus.ClusterView.Node;
import io.tallycast.bus.ClusterView.Takeover;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's view made from what the cluster holds (pure, the same on every node): Hazelcast's members decide who
 * is in it; the nodes' own lines give their API, health and heap; the owners maps say what each carries; a node that
 * is not a member but still has a line or is still named an owner is shown gone.
 */
final class ClusterBoard {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterBoard.class);

  private ClusterBoard() {
  }

  /**
   * @param members       the nodes in the cluster now
   * @param states        the election's state codes, in its order
   * @param lines         the nodes map: name to its {@link NodeLine}'s JSON
   * @param stateOwners   the owners map: state code to {"node","since"}
   * @param channelOwners the channel owners map: channel name to {"node","since"}
   * @param takeovers     the history, newest first
   */
  static ClusterView view(String me, Instant now, Collection<String> members, List<String> states,
                          Map<String, String> lines, Map<String, String> stateOwners,
                          Map<String, String> channelOwners, List<Takeover> takeovers) {
    Map<String, NodeLine> byName = new HashMap<>();
    lines.forEach((name, text) -> {
      try {
        byName.put(name, NodeLine.decode(text));
      } catch (UncheckedIOException e) {
        LOG.debug("node {}: an unreadable line ignored: {}", name, e.getMessage());
      }
    });
    Map<String, Set<String>> carriedStates = carried(stateOwners);
    Map<String, Set<String>> carriedChannels = carried(channelOwners);
    Set<String> names = new TreeSet<>(members);
    names.addAll(byName.keySet());
    names.addAll(carriedStates.keySet());
    names.addAll(carriedChannels.keySet());
    List<Node> nodes = new ArrayList<>();
    for (String name : names) {
      NodeLine line = byName.get(name);
      nodes.add(new Node(name, !members.contains(name), line == null ? null : line.api(),
          line == null ? null : line.status(), line == null ? List.of() : line.problems(),
          inOrder(carriedStates.get(name), states), List.copyOf(carriedChannels.getOrDefault(name, Set.of())),
          line == null ? null : line.heapMb(), line == null ? null : line.lastSeen()));
    }
    Set<String> owned = new TreeSet<>();
    carriedStates.values().forEach(owned::addAll);
    List<String> unowned = states.stream().filter(s -> !owned.contains(s)).toList();
    return new ClusterView(me, now, List.copyOf(new TreeSet<>(members)), nodes, unowned, List.copyOf(takeovers));
  }

  /**
   * The view without what changes every second (the time, each node's heap and last line): two views equal in this
   * form show the operator the same cluster, so the second is not pushed.
   */
  static ClusterView steady(ClusterView view) {
    return new ClusterView(view.node(), null, view.members(), view.nodes().stream()
        .map(n -> new Node(n.name(), n.gone(), n.api(), n.status(), n.problems(), n.states(), n.channels(), null,
            n.gone() ? n.lastSeen() : null)).toList(), view.unowned(), view.takeovers());
  }

  /** Node name to what an owners map names it for, in name order; an entry that is not {"node": ...} is skipped. */
  private static Map<String, Set<String>> carried(Map<String, String> owners) {
    Map<String, Set<String>> out = new TreeMap<>();
    owners.forEach((what, text) -> {
      String node = null;
      try {
        node = new JsonObject(text).getString("node");
      } catch (DecodeException | ClassCastException e) {
        LOG.debug("owner of {}: an unreadable entry ignored: {}", what, text);
      }
      if (node != null) {
        out.computeIfAbsent(node, n -> new TreeSet<>()).add(what);
      }
    });
    return out;
  }

  private static List<String> inOrder(Set<String> carried, List<String> order) {
    if (carried == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(order.stream().filter(carried::contains).toList());
    carried.stream().filter(s -> !order.contains(s)).forEach(out::add);
    return out;
  }
}
