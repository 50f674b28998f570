package io.tallycast.bus;

import io.tallycast.election.SeatStatus;
import io.tallycast.util.OnAirText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An operator's correction of one seat, as the console sends it: why, the status it is to have, and optionally the
 * corrected votes of some or all of its stored candidates (the others keep theirs) and the rounds. What can be checked
 * without the database is checked here, so a bad request never reaches the store's thread; the store checks the rest
 * (the seat exists, the candidates are its own, a declared seat has a single leader and all rounds done, a declared
 * seat goes back to counting only with figures). The reason and the names are {@link OnAirText#clean cleaned}: the
 * reason goes on air as it is stored, and the names are matched as the cleaned scraped names are stored.
 *
 * @param candidates null = the stored figures unchanged
 * @param roundsDone null = as stored (all rounds when declared)
 */
public record SeatOverride(String state, int seat, String reason, SeatStatus status, List<Standing> candidates,
    Integer roundsDone,
                           Integer roundsTotal) {
  public static final int MAX_REASON = 500;

  public SeatOverride {
    reason = checkReason(reason, "overridden");
    if (status != SeatStatus.COUNTING && status != SeatStatus.DECLARED) {
      throw new IllegalArgumentException("'status' must be counting or declared");
    }
    if (candidates != null) {
      Set<String> seen = new HashSet<>();
      List<Standing> cleaned = new ArrayList<>(candidates.size());
      for (Standing c : candidates) {
        String name = c == null ? null : OnAirText.clean(c.candidate());
        String party = c == null ? null : OnAirText.clean(c.party());
        if (name == null || name.isEmpty() || party == null || party.isEmpty()) {
          throw new IllegalArgumentException("every candidate needs a 'candidate' name and a 'party'");
        }
        Standing one = new Standing(name, party, c.votes());
        if (one.votes() < 0) {
          throw new IllegalArgumentException("votes of " + label(one) + " must not be negative (" + one.votes() + ")");
        }
        if (!seen.add(name + '\u0000' + party)) {
          throw new IllegalArgumentException("candidate " + label(one) + " is listed twice");
        }
        cleaned.add(one);
      }
      candidates = List.copyOf(cleaned);
    }
    if (roundsDone != null && roundsDone < 0 || roundsTotal != null && roundsTotal < 0) {
      throw new IllegalArgumentException("'rounds' must not be negative");
    }
    if (roundsDone != null && roundsTotal != null && roundsDone > roundsTotal) {
      throw new IllegalArgumentException("rounds done " + roundsDone + " of " + roundsTotal + " total is impossible");
    }
    if (status == SeatStatus.DECLARED && roundsDone != null && roundsTotal != null && !roundsDone.equals(roundsTotal)) {
      throw notAllRoundsDone(roundsDone, roundsTotal);
    }
  }

  /** A seat is declared when its count is over: "rounds" 5 of 19 says it is not. */
  public static IllegalArgumentException notAllRoundsDone(int done, int total) {
    return new IllegalArgumentException("a declared seat has all its rounds counted, but 'rounds' would be " + done
        + " of " + total + ": give {\"done\": " + total + ", \"total\": " + total + "}, or status counting");
  }

  /**
   * The reason {@link OnAirText#clean cleaned} (it may go on air); refused when missing, blank or longer than
   * {@value #MAX_REASON} characters.
   */
  public static String checkReason(String reason, String what) {
    String cleaned = OnAirText.clean(reason);
    if (cleaned == null || cleaned.isEmpty()) {
      throw new IllegalArgumentException("'reason' is required: say why the seat is " + what);
    }
    int length = cleaned.codePointCount(0, cleaned.length());
    if (length > MAX_REASON) {
      throw new IllegalArgumentException("'reason' is at most " + MAX_REASON + " characters (this one has "
          + length + ")");
    }
    return cleaned;
  }

  public static String label(Standing c) {
    return "'" + c.candidate() + "' (" + c.party() + ")";
  }
}
