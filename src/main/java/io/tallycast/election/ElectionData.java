package io.tallycast.election;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is known before counting starts: parties, seats, the past result per seat, and (for the replay only)
 * the final result that the replay counts towards. Loaded from the CSV files of one election.
 */
public record ElectionData(String state, int stateCode, PartyRegistry parties, SortedMap<Integer, Constituency> seats,
                           Map<Integer, SeatResult> past, int pastYear, Map<Integer, SeatResult> finals) {

  /** The embedded West Bengal 2021 data set (with 2016 as the past result): what the demo and tests use. */
  public static final String WEST_BENGAL = "/elections/west-bengal/";

  public int majority() {
    return seats.size() / 2 + 1;
  }

  public static ElectionData westBengal2021() {
    try {
      PartyRegistry parties = PartyRegistry.fromCsv(resource("parties.csv"));
      return fromCsv("West Bengal", 25, parties, resource("results-2021.csv"), resource("results-2016.csv"), 2016);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads results files in the two formats of the reference data (see the README's data section). */
  public static ElectionData fromCsv(String state, int stateCode, PartyRegistry parties, Reader results, Reader pastResults,
                                     int pastYear) throws IOException {
    SortedMap<Integer, Constituency> seats = new TreeMap<>();
    Map<Integer, List<CandidateResult>> finals = new LinkedHashMap<>();
    // a seat list (ac_no, ac_name, district) is enough for election night; candidate rows make it a replayable result
    for (Map<String, String> row : CsvRows.read(results, "ac_no", "ac_name", "district")) {
      int no = (int) CsvRows.number(row, "ac_no");
      seats.putIfAbsent(no, new Constituency(no, row.get("ac_name").strip(), row.get("district").strip(),
          row.getOrDefault("ac_type", "").strip()));
      if (row.get("candidate") != null && !row.get("candidate").isBlank()) {
        finals.computeIfAbsent(no, k -> new ArrayList<>()).add(candidate(parties, row));
      }
    }
    Map<Integer, List<CandidateResult>> past = new LinkedHashMap<>();
    if (pastResults != null) {
      for (Map<String, String> row : CsvRows.read(pastResults, "ac_no", "candidate", "party", "votes")) {
        CandidateResult c = candidate(parties, row);
        if (!c.party().equals(Party.NOTA)) {
          past.computeIfAbsent((int) CsvRows.number(row, "ac_no"), k -> new ArrayList<>()).add(c);
        }
      }
    }
    return new ElectionData(state, stateCode, parties, Collections.unmodifiableSortedMap(seats), toResults(past), pastYear,
        toResults(finals));
  }

  private static CandidateResult candidate(PartyRegistry parties, Map<String, String> row) {
    // pages show names with runs of spaces collapsed, so the data does too ("SATYENDRA NATH  RAY" in the 2021 file)
    return new CandidateResult(row.get("candidate").strip().replaceAll("\\s+", " "), parties.require(row.get("party")).code(),
        CsvRows.number(row, "votes"));
  }

  private static Map<Integer, SeatResult> toResults(Map<Integer, List<CandidateResult>> bySeat) {
    Map<Integer, SeatResult> out = new TreeMap<>();
    bySeat.forEach((seat, list) -> out.put(seat, new SeatResult(seat, list)));
    return Collections.unmodifiableMap(out);
  }

  public static Reader file(Path path) throws IOException {
    return Files.newBufferedReader(path, StandardCharsets.UTF_8);
  }

  private static Reader resource(String name) {
    InputStream in = ElectionData.class.getResourceAsStream(WEST_BENGAL + name);
    if (in == null) {
      throw new IllegalStateException("embedded election data missing: " + WEST_BENGAL + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
