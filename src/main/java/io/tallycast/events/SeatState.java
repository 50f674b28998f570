package io.tallycast.events;

import io.tallycast.bus.SeatFigures;
import io.tallycast.bus.Standing;
import io.tallycast.election.Party;
import io.tallycast.election.SeatStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Where one seat (a state's code and the seat's number) stands after a snapshot: what change detection compares. A
 * seat with no snapshot yet is {@link #awaiting}: no leader, no rounds, no source time.
 */
public record SeatState(String state, int seat, SeatStatus status, int roundsDone, int roundsTotal, Standing leader,
                        Standing runnerUp, Instant sourceTime) {

  /** Highest votes first; equal votes ordered by name then party so the same figures always give the same leader. */
  static final Comparator<Standing> RANK = Comparator.comparingLong(Standing::votes).reversed()
      .thenComparing(Standing::candidate).thenComparing(Standing::party);

  public static SeatState awaiting(String state, int seat) {
    return new SeatState(state, seat, SeatStatus.AWAITING, 0, 0, null, null, null);
  }

  /**
   * Ranks the candidates: NOTA never leads, and only someone with votes can lead or be runner-up (so a seat
   * with all zero votes has no leader), but for a winner {@link #unopposed}: declared with no vote, that one candidate.
   */
  public static SeatState of(String state, int seat, SeatStatus status, int roundsDone, int roundsTotal,
      List<Standing> candidates,
                             Instant sourceTime) {
    if (unopposed(status, candidates)) {
      Standing only = candidates.stream().filter(c -> !Party.NOTA.equals(c.party())).findFirst().orElseThrow();
      return new SeatState(state, seat, status, roundsDone, roundsTotal, only, null, sourceTime);
    }
    List<Standing> ranked = candidates.stream()
        .filter(c -> !Party.NOTA.equals(c.party()) && c.votes() > 0)
        .sorted(RANK).limit(2).toList();
    return new SeatState(state, seat, status, roundsDone, roundsTotal, ranked.isEmpty() ? null : ranked.get(0),
        ranked.size() < 2 ? null : ranked.get(1), sourceTime);
  }

  /**
   * Declared with one candidate (NOTA aside) and no vote at all: elected unopposed, without a poll (Surat, 2024). A
   * seat declared with several candidates and no vote is not a result (the store refuses it).
   */
  public static boolean unopposed(SeatStatus status, List<Standing> candidates) {
    return status == SeatStatus.DECLARED && candidates.stream().allMatch(c -> c.votes() == 0)
        && candidates.stream().filter(c -> !Party.NOTA.equals(c.party())).count() == 1;
  }

  /**
   * Leader's votes minus runner-up's (all the leader's votes when alone); null without a leader, and for a winner
   * unopposed, who has no vote and no margin.
   */
  public Long margin() {
    if (leader == null || runnerUp == null && leader.votes() == 0) {
      return null;
    }
    return runnerUp == null ? leader.votes() : leader.votes() - runnerUp.votes();
  }

  public String leadingParty() {
    return leader == null ? null : leader.party();
  }

  public boolean declared() {
    return status == SeatStatus.DECLARED;
  }

  /** The "before"/"after" of a seat.changed. */
  public SeatFigures figures() {
    return new SeatFigures(status, roundsDone, roundsTotal, leader, margin());
  }
}
