package io.tallycast.bus;

/** A party's seats: won (declared) and leading (not yet declared). */
public record PartySeats(int won, int leading) {
  public static final PartySeats NONE = new PartySeats(0, 0);
}
