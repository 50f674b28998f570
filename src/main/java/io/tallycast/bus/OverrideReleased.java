package io.tallycast.bus;

import java.time.Instant;

/** An operator released a seat's override: scraped figures apply to it again. */
public record OverrideReleased(long id, String state, Integer seat, Instant at, String name, long overrideId,
    String reason)
    implements ResultEvent {

  @Override
  public EventType type() {
    return EventType.OVERRIDE_RELEASED;
  }

  @Override
  public OverrideReleased withId(long value) {
    return new OverrideReleased(value, state, seat, at, name, overrideId, reason);
  }
}
