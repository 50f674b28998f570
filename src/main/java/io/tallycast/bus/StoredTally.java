package io.tallycast.bus;

import java.util.Map;

/**
 * The tally as the store holds it now (won and leading per party) and how many seats an operator override holds: the
 * scraper checks the site's party-wise page against it, and they may differ on purpose while overrides are active.
 */
public record StoredTally(Map<String, PartySeats> byParty, long overriddenSeats) {

  public PartySeats count(String party) {
    return byParty.getOrDefault(party, PartySeats.NONE);
  }
}
