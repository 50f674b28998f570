package io.tallycast.bus;

import io.tallycast.election.SeatStatus;
import java.time.Instant;

/** An operator set a seat's figures or status by hand; its scraped snapshots are held until released. */
public record SeatOverridden(long id, String state, Integer seat, Instant at, String name, long overrideId,
    String reason,
                             SeatStatus status, Standing leader) implements ResultEvent {

  @Override
  public EventType type() {
    return EventType.SEAT_OVERRIDDEN;
  }

  @Override
  public SeatOverridden withId(long value) {
    return new SeatOverridden(value, state, seat, at, name, overrideId, reason, status, leader);
  }
}
