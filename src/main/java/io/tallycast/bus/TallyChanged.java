package io.tallycast.bus;

import java.time.Instant;
import java.util.Map;

/**
 * Some party's won or leading count changed: only the parties that moved, before and after (the whole table is in the
 * summary). Its seat is always null.
 */
public record TallyChanged(long id, String state, Integer seat, Instant at, Map<String, PartySeats> before,
                           Map<String, PartySeats> after) implements ResultEvent {

  @Override
  public EventType type() {
    return EventType.TALLY_CHANGED;
  }

  @Override
  public TallyChanged withId(long value) {
    return new TallyChanged(value, state, seat, at, before, after);
  }
}
