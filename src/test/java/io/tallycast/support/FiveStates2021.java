package io.tallycast.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tallycast.election.PartyRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 2021 results of the five states counted on 2 May 2021, read from the third-party files themselves
 * (five-states-2021/{state}/results-2021.json, ElectionLens's; west-bengal/results-2021.csv), never from the engine's
 * own data: what the tests expect the engine to end on.
 */
public final class FiveStates2021 {
  /** One candidate as the source gives it: name (runs of spaces collapsed, as pages show it), party label, votes. */
  public record Candidate(String name, String party, long votes) {
  }

  /** ECI's state code, the source folder and the ElectionLens key prefix ("AS-001"). */
  private record Source(String code, String folder) {
  }

  private static final List<Source> JSON_SOURCES = List.of(new Source("S03", "assam"), new Source("S11", "kerala"),
      new Source("S22", "tamilnadu"), new Source("U07", "puducherry"));

  private FiveStates2021() {
  }

  /**
   * Every state's seats (by number) with their candidates, by ECI state code; a seat whose record is no real result
   * (see {@link #standIn}) has an empty list.
   */
  public static Map<String, Map<Integer, List<Candidate>>> read() throws IOException {
    Map<String, Map<Integer, List<Candidate>>> out = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Source s : JSON_SOURCES) {
      JsonNode root = json.readTree(SharedData.file("five-states-2021/" + s.folder() + "/results-2021.json").toFile());
      Map<Integer, List<Candidate>> seats = new TreeMap<>();
      root.properties().forEach(e -> {
        JsonNode seat = e.getValue();
        List<Candidate> list = new ArrayList<>();
        seat.get("candidates").forEach(c -> list.add(new Candidate(name(c.get("name").asText()),
            c.get("party").asText().strip(), c.get("votes").asLong())));
        // the key says the number ("TN-140"); one record (TN-140, re-read from a Form 20) has no constituencyNo
        int no = Integer.parseInt(e.getKey().substring(e.getKey().indexOf('-') + 1));
        seats.put(no, standIn(list) ? List.of() : list);
      });
      out.put(s.code(), seats);
    }
    out.put("S25", westBengal());
    return out;
  }

  private static Map<Integer, List<Candidate>> westBengal() throws IOException {
    Map<Integer, List<Candidate>> seats = new TreeMap<>();
    try (var reader = Files.newBufferedReader(SharedData.file("west-bengal/results-2021.csv"), StandardCharsets.UTF_8);
         MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
             .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        seats.computeIfAbsent(Integer.parseInt(row.get("ac_no").strip()), k -> new ArrayList<>()).add(new Candidate(
            name(row.get("candidate")), row.get("party").strip(), Long.parseLong(row.get("votes").strip())));
      }
    }
    return seats;
  }

  /**
   * A record that is no real result: a candidate named "Others" (Tamil Nadu 50 Tirupattur in the 2021 file, a
   * stand-in added upstream with round figures); no real count has a candidate of that name.
   */
  static boolean standIn(List<Candidate> candidates) {
    return candidates.stream().anyMatch(c -> c.name().equalsIgnoreCase("Others"));
  }

  /** Seats with a real result: those that end declared. */
  public static int withResults(Map<Integer, List<Candidate>> seats) {
    return (int) seats.values().stream().filter(c -> !c.isEmpty()).count();
  }

  /** The winner of a seat: the most votes. */
  public static Candidate winner(List<Candidate> candidates) {
    return candidates.stream().max(Comparator.comparingLong(Candidate::votes)).orElseThrow();
  }

  /** Seats won per party (our party codes, through the party table's aliases), computed from the source. */
  public static Map<String, Integer> tally(Map<Integer, List<Candidate>> seats, PartyRegistry parties) {
    Map<String, Integer> won = new TreeMap<>();
    seats.values().stream().filter(c -> !c.isEmpty())
        .forEach(c -> won.merge(parties.require(winner(c).party()).code(), 1, Integer::sum));
    return won;
  }

  /** Names as the results pages show them: runs of spaces collapsed. */
  static String name(String raw) {
    return raw.strip().replaceAll("\\s+", " ");
  }

  /** The five codes in the order the day's election lists them. */
  public static Map<String, String> states() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("S25", "West Bengal");
    names.put("S03", "Assam");
    names.put("S11", "Kerala");
    names.put("S22", "Tamil Nadu");
    names.put("U07", "Puducherry");
    return names;
  }
}
