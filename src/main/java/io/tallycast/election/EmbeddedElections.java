package io.tallycast.election;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads the election sets that {@code tallycast derive-data} wrote under {@link ElectionData#EMBEDDED}: the shared
 * parties.csv, and per election election.properties, seats.csv (with rounds and polling phases where known),
 * results.csv and past.csv; an election of several states has a group.properties (name, and its states' sets)
 * instead. A group may keep its states' sets in its own folder: "ls2024/s03" is Assam's set of the Lok Sabha 2024
 * (pastYear 0: no past.csv). Each set is read once.
 */
final class EmbeddedElections {
  private static final Pattern ID = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)?");
  private static final Map<String, ElectionData> LOADED = new ConcurrentHashMap<>();
  private static final Map<String, Election> ELECTIONS = new ConcurrentHashMap<>();
  /** The polling phases of each set read (none for most): kept beside the set, whose record has no place for them. */
  private static final Map<String, Phases> PHASES = new ConcurrentHashMap<>();

  private EmbeddedElections() {
  }

  static ElectionData load(String id) {
    checkId(id);
    return LOADED.computeIfAbsent(id, EmbeddedElections::read);
  }

  static void checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not an embedded election id: '" + id + "'");
    }
  }

  static Reader resource(String path) {
    InputStream in = EmbeddedElections.class.getResourceAsStream(ElectionData.EMBEDDED + path);
    if (in == null) {
      throw new IllegalArgumentException("no embedded election data " + ElectionData.EMBEDDED + path);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static ElectionData read(String id) {
    String dir = id + "/";
    try {
      Properties facts = new Properties();
      try (Reader in = resource(dir + "election.properties")) {
        facts.load(in);
      }
      PartyRegistry parties;
      try (Reader in = resource("parties.csv")) {
        parties = PartyRegistry.fromCsv(in);
      }
      SortedMap<Integer, Constituency> seats = new TreeMap<>();
      Map<Integer, Integer> rounds = new TreeMap<>();
      Map<Integer, Integer> phases = new TreeMap<>();
      try (Reader in = resource(dir + "seats.csv")) {
        for (Map<String, String> row : CsvRows.read(in, "ac_no", "ac_name", "ac_type", "district", "rounds")) {
          int no = (int) CsvRows.number(row, "ac_no");
          seats.put(no, new Constituency(no, row.get("ac_name"), row.get("district"), row.get("ac_type")));
          if (!row.get("rounds").isBlank()) {
            rounds.put(no, (int) CsvRows.number(row, "rounds"));
          }
          String phase = row.get("phase"); // a later column: absent from sets derived before it
          if (phase != null && !phase.isBlank()) {
            phases.put(no, (int) CsvRows.number(row, "phase"));
          }
        }
      }
      PHASES.put(id, phases.isEmpty() ? Phases.NONE : new Phases(phases));
      Map<Integer, SeatResult> finals = results(parties, dir + "results.csv", "evm_votes", "postal_votes");
      // pastYear 0: no past result in the data (ls2024: 2019 is not there), so no past.csv; every seat is "new"
      int pastYear = Integer.parseInt(fact(facts, id, "pastYear"));
      Map<Integer, SeatResult> past = pastYear == 0 ? Map.of() : results(parties, dir + "past.csv");
      return new ElectionData(fact(facts, id, "id"), fact(facts, id, "state"),
          StateCodes.parse(fact(facts, id, "stateCode")), Integer.parseInt(fact(facts, id, "year")),
          LocalDate.parse(fact(facts, id, "countingDay")), fact(facts, id, "replayPrefix"), parties,
          Collections.unmodifiableSortedMap(seats), past, pastYear, finals,
          rounds);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded election " + id + ": " + e.getMessage(), e);
    }
  }

  private static Map<Integer, SeatResult> results(PartyRegistry parties, String path, String... more)
      throws IOException {
    List<String> columns = new ArrayList<>(List.of("ac_no", "candidate", "party", "votes"));
    columns.addAll(List.of(more));
    Map<Integer, List<CandidateResult>> bySeat = new TreeMap<>();
    try (Reader in = resource(path)) {
      for (Map<String, String> row : CsvRows.read(in, columns.toArray(String[]::new))) {
        bySeat.computeIfAbsent((int) CsvRows.number(row, "ac_no"), k -> new ArrayList<>())
            .add(ElectionData.candidate(parties, row));
      }
    }
    return ElectionData.toResults(bySeat);
  }

  /**
   * The polling phases of the embedded set {@code id} (read with the set), or none: for data that is not an embedded
   * set (id "", a configuration's CSV files) and for a set without phases.
   */
  static Phases phases(String id) {
    if (id == null || !ID.matcher(id).matches()
        || EmbeddedElections.class.getResource(ElectionData.EMBEDDED + id + "/seats.csv") == null) {
      return Phases.NONE;
    }
    load(id);
    return PHASES.getOrDefault(id, Phases.NONE);
  }

  /** An embedded election of several states: group.properties names it and lists its states' sets. */
  static Election loadElection(String id) {
    checkId(id);
    return ELECTIONS.computeIfAbsent(id, EmbeddedElections::readElection);
  }

  private static Election readElection(String id) {
    if (EmbeddedElections.class.getResource(ElectionData.EMBEDDED + id + "/group.properties") == null) {
      return Election.of(load(id));
    }
    Properties facts = new Properties();
    try (Reader in = resource(id + "/group.properties")) {
      facts.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded election " + id + ": " + e.getMessage(), e);
    }
    List<ElectionData> states = new ArrayList<>();
    for (String set : fact(facts, id, "states").split(",")) {
      states.add(load(set.strip()));
    }
    return new Election(id, fact(facts, id, "name"), states);
  }

  private static String fact(Properties facts, String id, String key) {
    String value = facts.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("embedded election " + id + ": election.properties has no " + key);
    }
    return value.strip();
  }
}
