package io.tallycast.scrape.page;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECI's live JSON ("election-json-S25-live.json"): per state code, in the file's order, one row per seat from its
 * {@code chartData}, in the file's order (by seat number). The file may hold several states in one object.
 *
 * @param warnings what the file shows that tallycast keeps but does not rely on (its {@code tableData} naming another
 *                 party for a seat than {@code chartData}); empty when none
 */
public record ParsedLiveResults(Map<String, List<ParsedLiveRow>> states, List<String> warnings) {
  public ParsedLiveResults {
    states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    warnings = List.copyOf(warnings);
  }

  /** The rows of one state ("S25"), or an empty list when the file does not hold it. */
  public List<ParsedLiveRow> rows(String stateCode) {
    return states.getOrDefault(stateCode, List.of());
  }
}
