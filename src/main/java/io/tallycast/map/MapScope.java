package io.tallycast.map;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which seats of the election one renderer paints, under which number of its maps, in which party colours: a state's
 * maps show that state's seats under their own numbers; the national map every state's seat under its national number
 * (1..543 for the Lok Sabha), so the event of any state's seat repaints it.
 */
public final class MapScope {
  /** The states whose seats are painted, each with its parties' colours. */
  private final Map<String, SeatColors> colours;
  /** A seat's number on the maps; null: a state's maps, where it is the seat's own number. */
  private final Map<SeatRef, Integer> numbers;

  private MapScope(Map<String, SeatColors> colours, Map<SeatRef, Integer> numbers) {
    this.colours = colours;
    this.numbers = numbers;
  }

  /** One state's maps: its seats under their own numbers. */
  public static MapScope state(String code, PartyRegistry parties) {
    return new MapScope(Map.of(code, new SeatColors(parties)), null);
  }

  /** The national map of an election: every seat the map has a number for, each in its own state's colours. */
  public static MapScope national(Election election, Map<SeatRef, Integer> numbers) {
    Map<String, SeatColors> colours = new LinkedHashMap<>();
    for (ElectionData state : election.states()) {
      colours.put(state.stateCode(), new SeatColors(state.parties()));
    }
    return new MapScope(colours, Map.copyOf(numbers));
  }

  /** The states whose seats are on these maps, in the election's order. */
  public List<String> states() {
    return List.copyOf(colours.keySet());
  }

  /** The seat's number on these maps, or null when they do not show it (another state's; a seat not drawn). */
  public Integer number(String state, Integer seat) {
    if (seat == null || state == null || !colours.containsKey(state)) {
      return null;
    }
    return numbers == null ? seat : numbers.get(new SeatRef(state, seat));
  }

  /** The colour of a seat of that state with this status and leading party (see {@link SeatColors}). */
  public int colour(String state, String status, String party) {
    SeatColors c = colours.get(state);
    return c == null ? SeatColors.NEUTRAL : c.of(status, party);
  }
}
