package io.tallycast.replay;

/** One candidate's cumulative figures at some point of the count; party is a party code. */
public record CandidateCount(String name, String party, long evm, long postal) {
  public long total() {
    return evm + postal;
  }
}
