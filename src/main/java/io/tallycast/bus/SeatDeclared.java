package io.tallycast.bus;

import java.time.Instant;

/**
 * A seat's result was declared: the winner, the margin, and against the past election: {@code result} is "hold",
 * "gain" (from {@code gainedFrom}) or "new" (no past result); {@code text} says it as the overlay does ("BJP gain from
 * AITC").
 */
public record SeatDeclared(long id, String state, Integer seat, Instant at, Standing winner, Long margin, String past,
    String result,
                           String gainedFrom, String text) implements ResultEvent {

  @Override
  public EventType type() {
    return EventType.SEAT_DECLARED;
  }

  @Override
  public SeatDeclared withId(long value) {
    return new SeatDeclared(value, state, seat, at, winner, margin, past, result, gainedFrom, text);
  }
}
