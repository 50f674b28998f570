package io.tallycast.replay;

/** A party's row of the party-wise summary: seats won (declared) and leading (still counting). */
record PartyTally(String party, int won, int leading) {
  int total() {
    return won + leading;
  }
}
