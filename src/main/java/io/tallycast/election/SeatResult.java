package io.tallycast.election;

import java.util.Comparator;
import java.util.List;

/** A seat's final result, candidates sorted by votes, highest first. */
public record SeatResult(int seat, List<CandidateResult> candidates) {
  public SeatResult {
    candidates = candidates.stream().sorted(Comparator.comparingLong(CandidateResult::votes).reversed()).toList();
  }

  public CandidateResult winner() {
    return candidates.get(0);
  }

  public long margin() {
    return candidates.size() < 2 ? winner().votes() : winner().votes() - candidates.get(1).votes();
  }

  public long totalVotes() {
    return candidates.stream().mapToLong(CandidateResult::votes).sum();
  }
}
