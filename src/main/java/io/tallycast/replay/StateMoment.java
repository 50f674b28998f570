package io.tallycast.replay;

import io.tallycast.election.SeatStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole state at one moment, drawn once per state version and shared by the pages that show all of it (list
 * pages, party summary, live JSON): every seat's view and each party's trends.
 *
 * @param version     the sum of the seats' versions: grows whenever any seat changes, and only then
 * @param seats       every seat's view, in AC order, keyed by AC number
 * @param tallies     per party code, for every party that leads or trails somewhere
 * @param known       seats whose leader is known ("Status Known For N out of M")
 * @param lastChanged simulated seconds of the newest figure in the state
 */
record StateMoment(long version, Map<Integer, SeatView> seats, Map<String, PartyTally> tallies, int known,
                   long lastChanged) {

  static StateMoment of(CountingModel model, List<Integer> acOrder, double elapsed, long version) {
    Map<Integer, SeatView> views = new LinkedHashMap<>();
    Map<String, int[]> counts = new HashMap<>(); // won, leading, trailing
    int known = 0;
    long last = 0;
    for (int seat : acOrder) {
      SeatView view = model.seatAt(seat, elapsed);
      views.put(seat, view);
      last = Math.max(last, view.lastChangedSeconds());
      CandidateCount leader = view.leader();
      if (leader == null) {
        continue;
      }
      known++;
      boolean declared = view.status() == SeatStatus.DECLARED;
      counts.computeIfAbsent(leader.party(), k -> new int[3])[declared ? 0 : 1]++;
      CandidateCount runnerUp = view.trailing();
      // ECI's cards call a declared seat's runner-up "lost", not "trailing": only counting seats have one trailing
      if (runnerUp != null && !declared) {
        counts.computeIfAbsent(runnerUp.party(), k -> new int[3])[2]++;
      }
    }
    Map<String, PartyTally> tallies = new HashMap<>();
    counts.forEach((party, c) -> tallies.put(party, new PartyTally(party, c[0], c[1], c[2])));
    return new StateMoment(version, Collections.unmodifiableMap(views), Collections.unmodifiableMap(tallies), known,
        last);
  }

  PartyTally tally(String party) {
    PartyTally t = tallies.get(party);
    return t == null ? new PartyTally(party, 0, 0, 0) : t;
  }

  /** Parties that lead or have won somewhere. */
  List<PartyTally> withSeats() {
    List<PartyTally> out = new ArrayList<>();
    for (PartyTally t : tallies.values()) {
      if (t.total() > 0) {
        out.add(t);
      }
    }
    return out;
  }
}
