package io.tallycast.store;

import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.bus.Standing;
import io.tallycast.election.Party;
import io.tallycast.election.SeatStatus;
import io.tallycast.events.SeatState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one snapshot against what is stored, before anything of it is written. A refusal is a sentence naming the
 * seat, the candidate and the figures, because an operator reads it at 2 a.m. on the console.
 */
final class SnapshotRules {
  private static final String NOT_CORRECTION = "; refused (not a correction)";

  private SnapshotRules() {
  }

  private record Key(String name, String party) {
    @Override
    public String toString() {
      return name + " (" + party + ")";
    }
  }

  /**
   * @param current      the stored state of the seat, or null before its first snapshot
   * @param currentVotes the candidates of the stored state (empty before the first snapshot)
   * @return why the snapshot is refused, or empty when it may be stored
   */
  static Optional<String> refusal(Snapshot s, Set<Integer> seats, Set<String> parties, SeatState current,
                                  List<SnapshotCandidate> currentVotes) {
    String seat = "seat " + s.seat() + ": ";
    if (!seats.contains(s.seat())) {
      return Optional.of(seat + "no such seat in this election; refused");
    }
    if (s.status() == null || s.candidates() == null || s.sourceTime() == null || s.fetchedAt() == null) {
      return Optional.of(seat + "snapshot lacks its status, candidates or times; refused");
    }
    if (s.roundsDone() < 0 || s.roundsTotal() < 0 || s.roundsDone() > s.roundsTotal()) {
      return Optional.of(seat + "rounds done " + s.roundsDone() + " of " + s.roundsTotal()
          + " total is impossible; refused");
    }
    Set<Key> seen = new HashSet<>();
    boolean anyVotes = false;
    for (SnapshotCandidate c : s.candidates()) {
      Key key = new Key(c.name(), c.party());
      if (c.name() == null || c.name().isBlank()) {
        return Optional.of(seat + "a candidate of " + c.party() + " has no name; refused");
      }
      if (c.party() == null || !parties.contains(c.party())) {
        return Optional.of(seat + "candidate " + c.name() + " has unknown party '" + c.party() + "'; refused");
      }
      if (!seen.add(key)) {
        return Optional.of(seat + "candidate " + key + " is listed twice; refused");
      }
      if (c.evmVotes() < 0 || c.postalVotes() < 0 || c.totalVotes() < 0) {
        return Optional.of(seat + "negative votes for " + key + " (" + c.evmVotes() + " EVM, " + c.postalVotes()
            + " postal, " + c.totalVotes() + " total); refused");
      }
      anyVotes |= c.totalVotes() > 0 && !Party.NOTA.equals(c.party());
    }
    if (s.status() == SeatStatus.DECLARED && !anyVotes && !SeatState.unopposed(s.status(), s.candidates().stream()
        .map(c -> new Standing(c.name(), c.party(), c.totalVotes())).toList())) {
      return Optional.of(seat + "declared, but no candidate has any votes; refused");
    }
    if (current == null || s.correction()) {
      return Optional.empty();
    }
    return goesBack(s, seat, current, currentVotes);
  }

  /** What only a correction may do: figures, rounds or status going back, a candidate vanishing. */
  private static Optional<String> goesBack(Snapshot s, String seat, SeatState current,
                                           List<SnapshotCandidate> currentVotes) {
    if (s.status().ordinal() < current.status().ordinal()) {
      return Optional.of(seat + "status went back " + current.status().json() + " -> " + s.status().json()
          + NOT_CORRECTION);
    }
    if (s.roundsDone() < current.roundsDone()) {
      return Optional.of(seat + "rounds done went down " + current.roundsDone() + " -> " + s.roundsDone()
          + NOT_CORRECTION);
    }
    Map<Key, Long> now = totals(s.candidates());
    for (SnapshotCandidate was : currentVotes) {
      Key key = new Key(was.name(), was.party());
      Long votes = now.get(key);
      if (votes == null) {
        return Optional.of(seat + "candidate " + key + " with " + was.totalVotes() + " votes is missing"
            + NOT_CORRECTION);
      }
      if (votes < was.totalVotes()) {
        return Optional.of(seat + "votes of " + key + " went down " + was.totalVotes() + " -> " + votes
            + NOT_CORRECTION);
      }
    }
    return Optional.empty();
  }

  /** Same status, rounds and every candidate's figures as stored: accepted, but nothing to write. */
  static boolean sameAs(Snapshot s, SeatState current, List<SnapshotCandidate> currentVotes) {
    return current != null && s.status() == current.status() && s.roundsDone() == current.roundsDone()
        && s.roundsTotal() == current.roundsTotal() && s.candidates().size() == currentVotes.size()
        && new HashSet<>(s.candidates()).equals(new HashSet<>(currentVotes));
  }

  private static Map<Key, Long> totals(List<SnapshotCandidate> candidates) {
    Map<Key, Long> out = new HashMap<>();
    candidates.forEach(c -> out.put(new Key(c.name(), c.party()), c.totalVotes()));
    return out;
  }
}
