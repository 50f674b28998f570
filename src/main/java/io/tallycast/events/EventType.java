package io.tallycast.events;

/** The event types; each is also the event-bus address it is published on. */
public enum EventType {
  SEAT_CHANGED("seat.changed"),
  LEAD_FLIPPED("lead.flipped"),
  SEAT_DECLARED("seat.declared"),
  TALLY_CHANGED("tally.changed");

  private final String address;

  EventType(String address) {
    this.address = address;
  }

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
