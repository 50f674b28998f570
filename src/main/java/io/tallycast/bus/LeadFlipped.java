package io.tallycast.bus;

import java.time.Instant;

/** One party took the lead of a seat from another (a first lead is not a flip). */
public record LeadFlipped(long id, String state, Integer seat, Instant at, String from, String to, String fromCandidate,
                          String toCandidate, Long margin) implements ResultEvent {

  @Override
  public EventType type() {
    return EventType.LEAD_FLIPPED;
  }

  @Override
  public LeadFlipped withId(long value) {
    return new LeadFlipped(value, state, seat, at, from, to, fromCandidate, toCandidate, margin);
  }
}
