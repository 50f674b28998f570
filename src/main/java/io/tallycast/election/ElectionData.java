package io.tallycast.election;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is known before counting starts: parties, seats, the past result per seat, and (for the replay only) the final
 * result that the replay counts towards. The embedded sets ({@link #embedded}) also carry their id, year, counting
 * day, ECI's URL prefix of that year and the number of counting rounds per seat where known (and, kept beside the
 * record, each seat's polling phase where the state voted on several days: {@link #phaseOf}); data loaded from a
 * configuration's CSV files ({@link #fromCsv}) has id "", year 0, no counting day and no prefix. One state's data:
 * an {@link Election} holds one or several of them. {@code stateCode} is ECI's code of the state ("S25", "U07").
 */
public record ElectionData(String id, String state, String stateCode, int year, LocalDate countingDay,
                           String replayPrefix,
                           PartyRegistry parties, SortedMap<Integer, Constituency> seats, Map<Integer, SeatResult> past,
                           int pastYear, Map<Integer, SeatResult> finals, Map<Integer, Integer> rounds) {

  /** Where the derived election data sits on the class path: parties.csv, and one folder per election id. */
  public static final String EMBEDDED = "/elections/";

  public ElectionData {
    stateCode = StateCodes.check(stateCode);
    id = id == null ? "" : id;
    replayPrefix = replayPrefix == null ? "" : replayPrefix;
    rounds = rounds == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(rounds));
  }

  /** Seats, parties and results without the facts of an embedded set (what callers built before those existed). */
  public ElectionData(String state, String stateCode, PartyRegistry parties, SortedMap<Integer, Constituency> seats,
                      Map<Integer, SeatResult> past, int pastYear, Map<Integer, SeatResult> finals) {
    this("", state, stateCode, 0, null, "", parties, seats, past, pastYear, finals, Map.of());
  }

  public int majority() {
    return seats.size() / 2 + 1;
  }

  /** The number of counting rounds of a seat, where the source gave it. */
  public OptionalInt roundsOf(int seat) {
    Integer n = rounds.get(seat);
    return n == null ? OptionalInt.empty() : OptionalInt.of(n);
  }

  /**
   * The polling phase the seat voted in, where the state voted on several days and the data says (West Bengal 2021:
   * phases 1 to 8). A fact of the embedded set of this {@link #id}, kept beside it: data with another id has none.
   */
  public OptionalInt phaseOf(int seat) {
    return phases().phaseOf(seat);
  }

  /** Every seat's polling phase, as {@link #phaseOf}; {@link Phases#NONE} where there are none. */
  public Phases phases() {
    return EmbeddedElections.phases(id);
  }

  /**
   * An election embedded in the jar, derived by {@code tallycast derive-data}: "wb2021" (West Bengal 2021, past
   * 2016), "wb2026" (West Bengal 2026, past 2021), and the four other states counted on 2 May 2021, "as2021",
   * "kl2021", "py2021" and "tn2021" (past 2016). Loaded once, then shared (the data is immutable).
   */
  public static ElectionData embedded(String id) {
    return EmbeddedElections.load(id);
  }

  /** West Bengal 2021 with 2016 as the past result: what the demo and most tests use. */
  public static ElectionData westBengal2021() {
    return embedded("wb2021");
  }

  /** West Bengal 2026 with 2021 as the past result; Falta (144) has its candidates with no votes (repoll). */
  public static ElectionData westBengal2026() {
    return embedded("wb2026");
  }

  /**
   * Loads a configuration's CSV files: a seat list (ac_no, ac_name, district, optionally ac_type and rounds; candidate,
   * party and votes columns make it a replayable result) and optionally a past result (ac_no, candidate, party,
   * votes; NOTA rows are left out).
   */
  public static ElectionData fromCsv(String state, String stateCode, PartyRegistry parties, Reader results,
                                     Reader pastResults, int pastYear) throws IOException {
    SortedMap<Integer, Constituency> seats = new TreeMap<>();
    Map<Integer, Integer> rounds = new TreeMap<>();
    Map<Integer, List<CandidateResult>> finals = new LinkedHashMap<>();
    // a seat list (ac_no, ac_name, district) is enough for election night; candidate rows make it a replayable result
    for (Map<String, String> row : CsvRows.read(results, "ac_no", "ac_name", "district")) {
      int no = (int) CsvRows.number(row, "ac_no");
      seats.putIfAbsent(no, new Constituency(no, row.get("ac_name").strip(), row.get("district").strip(),
          row.getOrDefault("ac_type", "").strip()));
      if (row.get("rounds") != null && !row.get("rounds").isBlank()) {
        rounds.put(no, (int) CsvRows.number(row, "rounds"));
      }
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
    return new ElectionData("", state, stateCode, 0, null, "", parties, Collections.unmodifiableSortedMap(seats),
        toResults(past), pastYear, toResults(finals), rounds);
  }

  /** A candidate row: name, party label (resolved to its code), votes, and EVM and postal votes when both are given. */
  static CandidateResult candidate(PartyRegistry parties, Map<String, String> row) {
    // pages show names with runs of spaces collapsed, so the data does too ("SATYENDRA NATH  RAY" in the 2021 file)
    String name = row.get("candidate").strip().replaceAll("\\s+", " ");
    String party = parties.require(row.get("party")).code();
    String evm = row.get("evm_votes");
    String postal = row.get("postal_votes");
    if (evm == null || evm.isBlank() || postal == null || postal.isBlank()) {
      return new CandidateResult(name, party, CsvRows.number(row, "votes"));
    }
    return new CandidateResult(name, party, CsvRows.number(row, "votes"), CsvRows.number(row, "evm_votes"),
        CsvRows.number(row, "postal_votes"));
  }

  static Map<Integer, SeatResult> toResults(Map<Integer, List<CandidateResult>> bySeat) {
    Map<Integer, SeatResult> out = new TreeMap<>();
    bySeat.forEach((seat, list) -> out.put(seat, new SeatResult(seat, list)));
    return Collections.unmodifiableMap(out);
  }

  public static Reader file(Path path) throws IOException {
    return Files.newBufferedReader(path, StandardCharsets.UTF_8);
  }
}
