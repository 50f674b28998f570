package io.tallycast.scrape.page;

/**
 * One seat of ECI's live JSON ({@code [partyCode, stateCode, acNo, leadingCandidate, colour]}), as written, except
 * that ECI's "NA" (no leader: a repoll, a countermanded poll) comes out as null.
 *
 * @param party  the leading party's short code ("BJP", "CPI(M)"), or null when the seat has no leader
 * @param state  ECI's state code ("S25")
 * @param seat   the constituency number within the state
 * @param leader the leading (or winning) candidate, or null when the seat has no leader
 * @param colour the party colour ECI paints ("#ff944d"); null when absent
 */
public record ParsedLiveRow(String party, String state, int seat, String leader, String colour) {
  public boolean hasLeader() {
    return party != null;
  }
}
