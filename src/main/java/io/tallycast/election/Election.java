package io.tallycast.election;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one counting day follows: one state, or several counted on the same day (2 May 2021: Assam, Kerala,
 * Puducherry, Tamil Nadu and West Bengal). Each state has its own seats, parties, majority mark and past result
 * ({@link ElectionData}); a seat is (state code, number) everywhere. The first state is the default one: the routes
 * of the single-state API are its aliases.
 */
public record Election(String id, String name, List<ElectionData> states) {

  public Election {
    if (states == null || states.isEmpty()) {
      throw new IllegalArgumentException("an election needs at least one state");
    }
    states = List.copyOf(states);
    Map<String, ElectionData> seen = new LinkedHashMap<>();
    for (ElectionData s : states) {
      if (seen.put(s.stateCode(), s) != null) {
        throw new IllegalArgumentException("state " + s.stateCode() + " (" + s.state() + ") is listed twice");
      }
    }
    id = id == null ? "" : id;
    name = name == null || name.isBlank() ? states.get(0).state() : name;
  }

  /** One state alone: the election of a single-state counting day. */
  public static Election of(ElectionData state) {
    String name = state.state() + (state.year() > 0 ? " " + state.year() : "");
    return new Election(state.id(), name, List.of(state));
  }

  /**
   * An embedded election, derived by {@code tallycast derive-data}: a state's set ("wb2021", "as2021") or an election
   * of several states ("may2021").
   */
  public static Election embedded(String id) {
    return EmbeddedElections.loadElection(id);
  }

  /** The default state: the first one listed. */
  public ElectionData main() {
    return states.get(0);
  }

  public Optional<ElectionData> state(String code) {
    return states.stream().filter(s -> s.stateCode().equals(code)).findFirst();
  }

  /** The state of this code, or a refusal naming the codes there are. */
  public ElectionData require(String code) {
    return state(code).orElseThrow(() -> new IllegalArgumentException("no state " + code + " in " + name
        + " (states: " + String.join(", ", codes()) + ")"));
  }

  public List<String> codes() {
    return states.stream().map(ElectionData::stateCode).toList();
  }

  public int seatCount() {
    return states.stream().mapToInt(s -> s.seats().size()).sum();
  }

  /**
   * The seats a party needs across all the states to govern: half the whole house and one (272 of the Lok Sabha's
   * 543). Each state's own mark stays {@link ElectionData#majority}: an assembly is governed state by state.
   */
  public int majority() {
    return seatCount() / 2 + 1;
  }

  public boolean severalStates() {
    return states.size() > 1;
  }
}
