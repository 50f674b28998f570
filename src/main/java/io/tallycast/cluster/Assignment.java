package io.tallycast.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which node scrapes which state: a pure function of the states, the nodes in the cluster and who scrapes what now.
 * Every node computes it from the same inputs and acts only on its own part (the cluster's locks keep two nodes from
 * scraping one state while their views differ for a moment). Each state gets exactly one node; the nodes' counts
 * differ by at most one; and a state stays where it is unless its node left or holds more than its share, so a node
 * joining or leaving moves the fewest states (a node that leaves: only its own).
 */
public final class Assignment {
  private Assignment() {
  }

  /**
   * @param states  the election's state codes
   * @param nodes   the names of the nodes in the cluster now (none: no owner for anything)
   * @param current who scrapes each state now (states of nodes no longer in the cluster are ignored)
   * @return each state's node, by state code in order
   */
  public static Map<String, String> next(Collection<String> states, Collection<String> nodes,
                                         Map<String, String> current) {
    Map<String, String> out = new TreeMap<>();
    List<String> members = new ArrayList<>(new TreeSet<>(nodes));
    if (members.isEmpty()) {
      return out;
    }
    List<String> codes = new ArrayList<>(new TreeSet<>(states));
    Map<String, List<String>> kept = new HashMap<>();
    members.forEach(n -> kept.put(n, new ArrayList<>()));
    for (String state : codes) {
      String owner = current.get(state);
      if (owner != null && kept.containsKey(owner)) {
        kept.get(owner).add(state);
      }
    }
    // the larger shares go to the nodes that hold most now (fewest moves), ties by name
    int base = codes.size() / members.size();
    int larger = codes.size() % members.size();
    List<String> byHeld = new ArrayList<>(members);
    byHeld.sort(Comparator.comparingInt((String n) -> -kept.get(n).size()).thenComparing(n -> n));
    Map<String, Integer> share = new HashMap<>();
    for (int i = 0; i < byHeld.size(); i++) {
      share.put(byHeld.get(i), base + (i < larger ? 1 : 0));
    }
    List<String> free = new ArrayList<>();
    for (String state : codes) {
      String owner = current.get(state);
      if (owner != null && kept.containsKey(owner) && kept.get(owner).indexOf(state) < share.get(owner)) {
        out.put(state, owner);
      } else {
        free.add(state);
      }
    }
    Map<String, Integer> load = new HashMap<>();
    members.forEach(n -> load.put(n, 0));
    out.values().forEach(n -> load.merge(n, 1, Integer::sum));
    for (String state : free) {
      String to = members.stream().filter(n -> load.get(n) < share.get(n))
          .min(Comparator.comparingInt((String n) -> load.get(n)).thenComparing(n -> n)).orElseThrow();
      out.put(state, to);
      load.merge(to, 1, Integer::sum);
    }
    return out;
  }

  /** How many states change node between two assignments (a state new in either counts). */
  public static int moves(Map<String, String> before, Map<String, String> after) {
    int moved = 0;
    for (Map.Entry<String, String> e : after.entrySet()) {
      if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
        moved++;
      }
    }
    return moved;
  }
}
