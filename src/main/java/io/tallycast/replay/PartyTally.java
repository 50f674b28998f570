package io.tallycast.replay;

/**
 * A party's standing across the state at one moment: seats won (declared), leading (still counting) and trailing
 * (runner-up where counting goes on), as ECI's "Party Wise State Trends" and party-wise summary count them.
 */
record PartyTally(String party, int won, int leading, int trailing) {
  int total() {
    return won + leading;
  }
}
