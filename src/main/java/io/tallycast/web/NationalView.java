package io.tallycast.web;

import io.tallycast.bus.NationalTally;
import io.tallycast.bus.PartySeats;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.store.StoredSeats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the states up: each party's seats won and leading over every state, the seats declared, counting and awaiting
 * out of the whole house, the election's majority mark ({@link Election#majority()}: 272 of the Lok Sabha's 543), and a
 * short line per state. Pure: the figures come from the store's read side ({@link StoredSeats}).
 */
final class NationalView {
  /** Grey for a party the store has no colour for (it always has one: a safety net). */
  private static final String NO_COLOUR = "#8A93A0";
  /** Most seats first, then most won, then by code: the same figures always give the same order. */
  private static final Comparator<NationalTally.PartyLine> RANK =
      Comparator.comparingInt(NationalTally.PartyLine::total).reversed()
          .thenComparing(Comparator.comparingInt(NationalTally.PartyLine::won).reversed())
          .thenComparing(NationalTally.PartyLine::party);

  private NationalView() {
  }

  static NationalTally of(Election election, StoredSeats stored) {
    Map<String, StoredSeats.State> byState = new HashMap<>();
    stored.states().forEach(s -> byState.put(s.code(), s));
    Map<String, int[]> parties = new HashMap<>(); // won, leading
    List<NationalTally.StateLine> lines = new ArrayList<>();
    int total = 0;
    int declared = 0;
    int counting = 0;
    for (ElectionData state : election.states()) {
      StoredSeats.State s = byState.get(state.stateCode());
      int seats = s == null ? state.seats().size() : s.seats();
      total += seats;
      if (s == null) {
        lines.add(new NationalTally.StateLine(state.stateCode(), state.state(), seats, 0, null));
        continue;
      }
      declared += s.declared();
      counting += s.counting();
      s.parties().forEach((party, n) -> {
        int[] sum = parties.computeIfAbsent(party, k -> new int[2]);
        sum[0] += n.won();
        sum[1] += n.leading();
      });
      lines.add(new NationalTally.StateLine(state.stateCode(), state.state(), seats, s.declared(), first(s)));
    }
    List<NationalTally.PartyLine> ranked = new ArrayList<>();
    parties.forEach((code, n) -> {
      StoredSeats.Party party = stored.parties().get(code);
      ranked.add(new NationalTally.PartyLine(code, party == null ? code : party.name(),
          party == null ? NO_COLOUR : party.color(), n[0], n[1], n[0] + n[1]));
    });
    ranked.removeIf(p -> p.total() == 0);
    ranked.sort(RANK);
    return new NationalTally(election.id(), election.name(),
        new NationalTally.Seats(total, declared, counting, total - declared - counting), election.majority(), ranked,
        lines);
  }

  /** The party with most seats won + leading in a state (more won first on a tie, then by code), or null. */
  private static String first(StoredSeats.State state) {
    return state.parties().entrySet().stream()
        .filter(e -> e.getValue().won() + e.getValue().leading() > 0)
        .min(Comparator.comparingInt((Map.Entry<String, PartySeats> e) -> -(e.getValue().won()
                + e.getValue().leading()))
            .thenComparingInt(e -> -e.getValue().won()).thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).orElse(null);
  }
}
