package io.tallycast.bus;

/** The kinds of {@link ResultEvent}, by the name the API, the store and the live channel give them. */
public enum EventType {
  SEAT_CHANGED("seat.changed"),
  LEAD_FLIPPED("lead.flipped"),
  SEAT_DECLARED("seat.declared"),
  TALLY_CHANGED("tally.changed"),
  SEAT_OVERRIDDEN("seat.overridden"),
  OVERRIDE_RELEASED("override.released");

  private final String address;

  EventType(String address) {
    this.address = address;
  }

  /** The kind's name: "seat.declared". */
  public String address() {
    return address;
  }

  public static EventType fromAddress(String address) {
    for (EventType t : values()) {
      if (t.address.equals(address)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no event type '" + address + "'");
  }
}
