package io.tallycast.events;

import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Seats won (declared) and leading (not yet declared) per party, over all seats. */
public record Tally(Map<String, Count> byParty) {
  private static final Count NONE = new Count(0, 0);

  public record Count(int won, int leading) {
    public JsonObject toJson() {
      return new JsonObject().put("won", won).put("leading", leading);
    }
  }

  public static Tally of(Collection<SeatState> seats) {
    Map<String, Count> counts = new TreeMap<>();
    for (SeatState s : seats) {
      if (s.leader() != null) {
        Count c = counts.getOrDefault(s.leadingParty(), NONE);
        counts.put(s.leadingParty(), s.declared() ? new Count(c.won + 1, c.leading) : new Count(c.won, c.leading + 1));
      }
    }
    return new Tally(Map.copyOf(counts));
  }

  public Count count(String party) {
    return byParty.getOrDefault(party, NONE);
  }

  /** Parties whose won or leading count differs between the two tallies, in code order. */
  public Set<String> changedFrom(Tally before) {
    Set<String> parties = new TreeSet<>(byParty.keySet());
    parties.addAll(before.byParty.keySet());
    parties.removeIf(p -> count(p).equals(before.count(p)));
    return parties;
  }
}
