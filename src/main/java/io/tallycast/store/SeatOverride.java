package io.tallycast.store;

import io.tallycast.election.SeatStatus;
import io.tallycast.events.Standing;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An operator's correction of one seat, as the console sends it: why, the status it is to have, and optionally the
 * corrected votes of some or all of its stored candidates (the others keep theirs) and the rounds. What can be checked
 * without the database is checked here, so a bad request never reaches the store's thread; the store checks the rest
 * (the seat exists, the candidates are its own, a declared seat has a single leader).
 *
 * @param candidates null = the stored figures unchanged
 * @param roundsDone null = as stored (all rounds when declared)
 */
public record SeatOverride(int seat, String reason, SeatStatus status, List<Standing> candidates, Integer roundsDone,
                           Integer roundsTotal) {
  public static final int MAX_REASON = 500;

  public SeatOverride {
    reason = checkReason(reason, "overridden");
    if (status != SeatStatus.COUNTING && status != SeatStatus.DECLARED) {
      throw new IllegalArgumentException("'status' must be counting or declared");
    }
    if (candidates != null) {
      Set<String> seen = new HashSet<>();
      for (Standing c : candidates) {
        if (c == null || c.candidate() == null || c.candidate().isBlank() || c.party() == null || c.party().isBlank()) {
          throw new IllegalArgumentException("every candidate needs a 'candidate' name and a 'party'");
        }
        if (c.votes() < 0) {
          throw new IllegalArgumentException("votes of " + label(c) + " must not be negative (" + c.votes() + ")");
        }
        if (!seen.add(c.candidate() + '\u0000' + c.party())) {
          throw new IllegalArgumentException("candidate " + label(c) + " is listed twice");
        }
      }
      candidates = List.copyOf(candidates);
    }
    if (roundsDone != null && roundsDone < 0 || roundsTotal != null && roundsTotal < 0) {
      throw new IllegalArgumentException("'rounds' must not be negative");
    }
    if (roundsDone != null && roundsTotal != null && roundsDone > roundsTotal) {
      throw new IllegalArgumentException("rounds done " + roundsDone + " of " + roundsTotal + " total is impossible");
    }
  }

  /** The reason, stripped; refused when missing, blank or longer than {@value #MAX_REASON} characters. */
  static String checkReason(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("'reason' is required: say why the seat is " + what);
    }
    String stripped = reason.strip();
    if (stripped.length() > MAX_REASON) {
      throw new IllegalArgumentException("'reason' is at most " + MAX_REASON + " characters (this one has "
          + stripped.length() + ")");
    }
    return stripped;
  }

  static String label(Standing c) {
    return "'" + c.candidate() + "' (" + c.party() + ")";
  }
}
