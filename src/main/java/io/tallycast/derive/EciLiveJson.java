package io.tallycast.derive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tallycast.election.Party;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ECI's own live JSON of the 2026 night (final state): per seat the winner's party in ECI's abbreviation and the
 * winner's name, "NA" for Falta (repoll). It agrees with the 2026 results file seat by seat (the derive refuses it
 * otherwise), and it is where ECI's abbreviations come from: a JSON code that is not our code (CPI(M) for CPM) is
 * recorded as the party's ECI code.
 */
final class EciLiveJson {
  static final String FILE = "eci-pages/2026-assembly/election-json-live-final.json";
  /** ECI's mark for a seat with no result. */
  static final String NO_RESULT = "NA";
  private static final ObjectMapper JSON = new ObjectMapper();

  private EciLiveJson() {
  }

  /** Checks the state's entries against the final result and teaches the party table ECI's abbreviations. */
  static void learn(Path shared, String state, ResultSources.Result finals, PartyTable parties) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(SourceTable.require(shared, FILE).toFile());
    } catch (JacksonException e) {
      throw new SourceProblem(FILE, 0, "not readable JSON: " + e.getOriginalMessage());
    }
    JsonNode chart = root.path(state).path("chartData");
    if (!chart.isArray() || chart.isEmpty()) {
      throw new SourceProblem(FILE, 0, "no " + state + ".chartData list");
    }
    Map<Integer, List<ResultSources.Candidate>> bySeat = finals.bySeat();
    Map<Integer, String> seen = new TreeMap<>();
    for (JsonNode entry : chart) {
      // [party code, state, seat, winner's name, colour]
      int seat = entry.path(2).asInt(-1);
      String code = entry.path(0).asText("").strip();
      String name = entry.path(3).asText("").strip().replaceAll("\\s+", " ");
      String where = state + " seat " + seat + " (" + entry + ")";
      if (!bySeat.containsKey(seat)) {
        throw new SourceProblem(FILE, 0, where + ": no such seat in " + finals.file());
      }
      if (seen.put(seat, code) != null) {
        throw new SourceProblem(FILE, 0, where + ": the seat is listed twice");
      }
      Optional<ResultSources.Candidate> winner = winner(bySeat.get(seat));
      if (code.equals(NO_RESULT)) {
        if (winner.isPresent()) {
          throw new SourceProblem(FILE, 0, where + ": no result here, but " + finals.file() + " has votes");
        }
        continue;
      }
      ResultSources.Candidate won = winner.orElseThrow(() -> new SourceProblem(FILE, 0, where + ": a winner here, "
          + "but no votes in " + finals.file()));
      if (!won.name().toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) {
        throw new SourceProblem(FILE, 0, where + ": winner '" + name + "', but " + finals.file() + " has '"
            + won.name() + "' first by votes");
      }
      Optional<Party> named = parties.resolve(code);
      if (named.isPresent() && !named.get().code().equals(won.party())) {
        throw new SourceProblem(FILE, 0, where + ": '" + code + "' is our " + named.get().code() + ", but the winner's "
            + "party in " + finals.file() + " is " + won.party());
      }
      parties.learnEciCode(won.party(), code, FILE);
      parties.learnEciColour(won.party(), entry.path(4).asText(""));
    }
    if (!seen.keySet().equals(bySeat.keySet())) {
      TreeMap<Integer, ?> missing = new TreeMap<>(bySeat);
      missing.keySet().removeAll(seen.keySet());
      throw new SourceProblem(FILE, 0, state + " lacks seats " + missing.keySet() + " of " + finals.file());
    }
  }

  /** The seat's candidate with the most votes, none when nobody has a vote (a seat not counted). */
  static Optional<ResultSources.Candidate> winner(List<ResultSources.Candidate> candidates) {
    ResultSources.Candidate best = null;
    for (ResultSources.Candidate c : candidates) {
      if (c.votes() > 0 && (best == null || c.votes() > best.votes())) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }
}
