package io.tallycast.replay;

import io.tallycast.election.Party;

/** One candidate's cumulative figures at some point of the count; party is a party code. */
public record CandidateCount(String name, String party, long evm, long postal) {
  public long total() {
    return evm + postal;
  }

  /** "None of the Above": shown with the candidates, but never a leader or a runner-up. */
  public boolean isNota() {
    return Party.NOTA.equals(party);
  }
}
