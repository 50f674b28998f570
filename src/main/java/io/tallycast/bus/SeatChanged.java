package io.tallycast.bus;

import java.time.Instant;

/** A seat's figures changed: where it stood before and stands now. Every other seat event follows one of these. */
public record SeatChanged(long id, String state, Integer seat, Instant at, SeatFigures before, SeatFigures after)
    implements ResultEvent {

  @Override
  public EventType type() {
    return EventType.SEAT_CHANGED;
  }

  @Override
  public SeatChanged withId(long value) {
    return new SeatChanged(value, state, seat, at, before, after);
  }
}
