package io.tallycast.store;

import io.tallycast.bus.PartySeats;
import java.util.List;
import java.util.Map;

/**
 * Every state's seats as stored at one moment, with the parties' names and colours: what a view of the whole
 * election adds up (the national tally of the Lok Sabha).
 *
 * @param states  each state with seats, in state code order
 * @param parties every stored party by code (configured ones and labels kept as written)
 */
public record StoredSeats(List<State> states, Map<String, Party> parties) {
  public StoredSeats {
    states = List.copyOf(states);
    parties = Map.copyOf(parties);
  }

  /** One state: its seats, how many are declared and counting, and each party's seats won and leading there. */
  public record State(String code, int seats, int declared, int counting, Map<String, PartySeats> parties) {
    public State {
      parties = Map.copyOf(parties);
    }
  }

  /** A party as the summary names and colours it. */
  public record Party(String code, String name, String color) {
  }
}
