package io.tallycast.bus;

/** An operator ends a seat's override: scraped figures apply to it again (the next one as a correction). */
public record OverrideRelease(String state, int seat, String reason) {

  public OverrideRelease {
    reason = SeatOverride.checkReason(reason, "released");
  }
}
