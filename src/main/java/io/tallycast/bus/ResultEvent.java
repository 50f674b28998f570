package io.tallycast.bus;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A change the store committed: its id (strictly increasing; 0 while only detected, before the store writes it), the
 * state and the seat (null for a tally change, which is one state's), the source time, and what changed, typed by kind.
 * Its {@link Wire} JSON is the API's and the live channel's shape: {"type":"lead.flipped","id":..,"state":"S25",
 * "seat":12,"at":"...", ...the kind's fields}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SeatChanged.class, name = "seat.changed"),
    @JsonSubTypes.Type(value = LeadFlipped.class, name = "lead.flipped"),
    @JsonSubTypes.Type(value = SeatDeclared.class, name = "seat.declared"),
    @JsonSubTypes.Type(value = TallyChanged.class, name = "tally.changed"),
    @JsonSubTypes.Type(value = SeatOverridden.class, name = "seat.overridden"),
    @JsonSubTypes.Type(value = OverrideReleased.class, name = "override.released")})
public sealed interface ResultEvent
    permits SeatChanged, LeadFlipped, SeatDeclared, TallyChanged, SeatOverridden, OverrideReleased {

  long id();

  /** ECI's code of the seat's state ("S25"); a tally change is one state's too. */
  String state();

  Integer seat();

  Instant at();

  EventType type();

  /** The same event as the store committed it, with its id. */
  ResultEvent withId(long id);
}
