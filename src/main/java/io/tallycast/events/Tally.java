package io.tallycast.events;

import io.tallycast.bus.PartySeats;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Seats won (declared) and leading (not yet declared) per party, over the seats given (one state's). */
public record Tally(Map<String, PartySeats> byParty) {

  public static Tally of(Collection<SeatState> seats) {
    Map<String, PartySeats> counts = new TreeMap<>();
    for (SeatState s : seats) {
      if (s.leader() != null) {
        PartySeats c = counts.getOrDefault(s.leadingParty(), PartySeats.NONE);
        counts.put(s.leadingParty(), s.declared() ? new PartySeats(c.won() + 1, c.leading())
            : new PartySeats(c.won(), c.leading() + 1));
      }
    }
    return new Tally(Map.copyOf(counts));
  }

  public PartySeats count(String party) {
    return byParty.getOrDefault(party, PartySeats.NONE);
  }

  /** Parties whose won or leading count differs between the two tallies, in code order. */
  public Set<String> changedFrom(Tally before) {
    Set<String> parties = new TreeSet<>(byParty.keySet());
    parties.addAll(before.byParty.keySet());
    parties.removeIf(p -> count(p).equals(before.count(p)));
    return parties;
  }
}
