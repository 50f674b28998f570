package io.tallycast.election;

/**
 * One candidate's final figure in a finished election; party is a resolved party code. EVM and postal votes are
 * there where the source splits the total (2026), null where it has only the total (2016, 2021).
 */
public record CandidateResult(String candidate, String party, long votes, Long evmVotes, Long postalVotes) {

  public CandidateResult {
    if ((evmVotes == null) != (postalVotes == null)) {
      throw new IllegalArgumentException(candidate + ": EVM and postal votes are known together or not at all");
    }
  }

  /** A candidate of a source with totals only. */
  public CandidateResult(String candidate, String party, long votes) {
    this(candidate, party, votes, null, null);
  }

  public boolean hasVoteSplit() {
    return evmVotes != null;
  }
}
