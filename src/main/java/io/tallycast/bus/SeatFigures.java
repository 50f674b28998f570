package io.tallycast.bus;

import io.tallycast.election.SeatStatus;

/** Where a seat stands in a {@link SeatChanged}: its status, rounds, leader (null when nobody leads) and margin. */
public record SeatFigures(SeatStatus status, int roundsDone, int roundsTotal, Standing leader, Long margin) {

  /** The leading party's code, or null when nobody leads. */
  public String leadingParty() {
    return leader == null ? null : leader.party();
  }
}
