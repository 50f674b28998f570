package io.tallycast.bus;

/**
 * The kinds of {@link ResultEvent}; each name is also the address its events are published on (see {@link Contract}).
 */
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

  /** The name the API, the store and the bus use: "seat.declared". */
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
