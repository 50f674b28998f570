package io.tallycast.bus;

import java.util.List;

/**
 * The election added up over its states (the national tally of the Lok Sabha), as the API answers
 * {@code GET /api/national} and the live channel pushes it ({@code event: national}) when it changes.
 *
 * @param election the election's id ("ls2024")
 * @param name     its name ("Lok Sabha 2024")
 * @param majority the seats a party needs across all the states (272 of 543)
 * @param parties  every party with a seat won or leading, most seats (won + leading) first
 * @param states   each state in the election's order
 */
public record NationalTally(String election, String name, Seats seats, int majority, List<PartyLine> parties,
                            List<StateLine> states) {
  public NationalTally {
    parties = List.copyOf(parties);
    states = List.copyOf(states);
  }

  /** Seats in all: declared, counting and awaiting. */
  public record Seats(int total, int declared, int counting, int awaiting) {
  }

  /** A party's seats won, leading and both together, summed over the states; its name and colour as stored. */
  public record PartyLine(String party, String name, String color, int won, int leading, int total) {
  }

  /**
   * One state in short: its seats, how many are declared, and the party with the most seats won + leading there
   * (null before any lead).
   */
  public record StateLine(String code, String name, int seats, int declared, String leading) {
  }
}
