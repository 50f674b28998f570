package io.tallycast.replay;

import io.tallycast.election.Constituency;
import io.tallycast.election.SeatStatus;
import java.util.List;

/**
 * A seat as the results site shows it after {@code round} of {@code rounds} counting rounds.
 *
 * @param candidates         sorted by total votes, highest first (ties by name, so an unstarted count reveals nothing)
 * @param lastChangedSeconds simulated elapsed seconds at which these figures appeared (0 before round 1)
 */
public record SeatView(Constituency seat, int round, int rounds, List<CandidateCount> candidates,
                       long lastChangedSeconds) {

  public SeatStatus status() {
    return round <= 0 ? SeatStatus.AWAITING : round >= rounds ? SeatStatus.DECLARED : SeatStatus.COUNTING;
  }

  /** The wording of ECI's status cell. */
  public String statusText() {
    return switch (status()) {
      case AWAITING -> "Awaiting";
      case COUNTING -> "Result in Progress";
      case DECLARED -> "Result Declared";
    };
  }

  /** The leading candidate, or null before round 1. */
  public CandidateCount leader() {
    return round <= 0 || candidates.isEmpty() ? null : candidates.get(0);
  }

  /** The runner-up, or null before round 1 or in a one-candidate seat. */
  public CandidateCount trailing() {
    return round <= 0 || candidates.size() < 2 ? null : candidates.get(1);
  }

  /** Leader's lead over the runner-up (the whole of its votes when alone), or null before round 1. */
  public Long margin() {
    CandidateCount leader = leader();
    if (leader == null) {
      return null;
    }
    CandidateCount trailing = trailing();
    return leader.total() - (trailing == null ? 0 : trailing.total());
  }

  public long totalEvm() {
    return candidates.stream().mapToLong(CandidateCount::evm).sum();
  }

  public long totalPostal() {
    return candidates.stream().mapToLong(CandidateCount::postal).sum();
  }

  public long totalVotes() {
    return totalEvm() + totalPostal();
  }
}
