package io.tallycast.events;

/** The event types; each is also the event-bus address it is published on. */
public enum EventType {
  SEAT_CHANGED("seat.changed"),
  LEAD_FLIPPED("lead.flipped"),
  SEAT_DECLARED("seat.declared"),
  TALLY_CHANGED("tally.changed"),
  /** An operator set a seat's figures or status by hand; its scraped snapshots are held until released. */
  SEAT_OVERRIDDEN("seat.overridden"),
  /** An operator released a seat's override: scraped figures apply to it again. */
  OVERRIDE_RELEASED("override.released");

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
