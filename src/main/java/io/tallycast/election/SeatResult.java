package io.tallycast.election;

import java.util.Comparator;
import java.util.List;

/**
 * A seat's final result: {@code candidates} sorted by votes, highest first (equal votes keep their given order), and
 * {@code ballot} in the order given, which is ECI's ballot order where the source has it (the order of its
 * constituency table page).
 */
public record SeatResult(int seat, List<CandidateResult> candidates, List<CandidateResult> ballot) {
  public SeatResult {
    ballot = List.copyOf(ballot);
    candidates = candidates.stream().sorted(Comparator.comparingLong(CandidateResult::votes).reversed()).toList();
  }

  /** The candidates in the order given. */
  public SeatResult(int seat, List<CandidateResult> candidates) {
    this(seat, candidates, candidates);
  }

  /** The first by votes. Meaningless when {@link #counted()} is false (a seat with a repoll has no votes). */
  public CandidateResult winner() {
    return candidates.get(0);
  }

  /** False for a seat whose candidates all have zero votes: Falta (144) in 2026, not counted on the day (repoll). */
  public boolean counted() {
    return totalVotes() > 0;
  }

  /**
   * Elected unopposed: one candidate (NOTA aside) and no vote at all, because no poll was held (Surat, 2024). Not a
   * seat whose count is missing: that one (Falta, 2026) still lists all its candidates.
   */
  public boolean uncontested() {
    return totalVotes() == 0 && candidates.stream().filter(c -> !Party.NOTA.equals(c.party())).count() == 1;
  }

  public long margin() {
    return candidates.size() < 2 ? winner().votes() : winner().votes() - candidates.get(1).votes();
  }

  public long totalVotes() {
    return candidates.stream().mapToLong(CandidateResult::votes).sum();
  }

  /** EVM votes of all candidates, or null when the source gives totals only. */
  public Long evmVotes() {
    return hasVoteSplit() ? candidates.stream().mapToLong(CandidateResult::evmVotes).sum() : null;
  }

  /** Postal votes of all candidates, or null when the source gives totals only. */
  public Long postalVotes() {
    return hasVoteSplit() ? candidates.stream().mapToLong(CandidateResult::postalVotes).sum() : null;
  }

  public boolean hasVoteSplit() {
    return !candidates.isEmpty() && candidates.stream().allMatch(CandidateResult::hasVoteSplit);
  }
}
