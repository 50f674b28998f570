package io.tallycast.bus;

/** The kinds of {@link ResultEvent}, by the name the API, the store and the live channel give them. */
public enum EventType {
  SEAT_CHANGED("seat.changed"),
  LEAD_FLIPPED("lead.flipped"),
  SEAT_DECLARED("seat.declared"),
  TALLY_CHANGED("tally.changed"),
  SEAT_OVERRIDDEN("seat.overridden"),
  OVERRIDE_RELEASED("override.released");

  private final String typeName;

  EventType(String typeName) {
    this.typeName = typeName;
  }

  /** The kind's name: "seat.declared". */
  public String typeName() {
    return typeName;
  }

  public static EventType fromTypeName(String name) {
    for (EventType t : values()) {
      if (t.typeName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no event type '" + name + "'");
  }
}
