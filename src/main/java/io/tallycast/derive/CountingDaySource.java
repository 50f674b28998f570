package io.tallycast.derive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The real counting day of 4 May 2026: 76 snapshots of ECI's state-wise list, one JSON object a line after a
 * line naming the columns. Times are made India Standard Time (the source wrote fetchedAt in IST for most snapshots
 * and in UTC for some), snapshots put in time order, and every row checked against the final result: each seat
 * once, every leader and trailer one of the seat's candidates by (name, party), never by name alone.
 */
final class CountingDaySource {
  static final String FILE = "west-bengal/counting-2026/list-snapshots.jsonl.gz";
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter FETCHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  /** ECI's "Last Updated at 12:54 PM On 04/05/2026": day before month. */
  private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("hh:mm a 'On' dd/MM/yyyy",
      Locale.ENGLISH);

  /** A seat's row as shown: party = our code; leader and trailer "" when the site showed none. */
  record Row(int seat, String leader, String leaderParty, String trailer, String trailerParty, long margin,
             long done, long total, String status) {
  }

  /** One look at the list, times in IST. */
  record Snapshot(long line, LocalDateTime fetchedAt, LocalDateTime lastUpdated, SortedMap<Integer, Row> rows) {
  }

  private CountingDaySource() {
  }

  static List<Snapshot> read(Path shared, PartyTable parties, ResultSources.Result finals) throws IOException {
    Map<Integer, Set<String>> candidates = new TreeMap<>();
    finals.candidates().forEach(c -> candidates.computeIfAbsent(c.seat(), k -> new HashSet<>())
        .add(c.name() + "\n" + c.party()));
    List<Snapshot> snapshots = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(SourceTable.require(shared, FILE))), StandardCharsets.UTF_8))) {
      long line = 0;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        if (!text.isBlank() && !text.startsWith("#")) {
          snapshots.add(snapshot(line, text, parties, candidates));
        }
      }
    }
    if (snapshots.isEmpty()) {
      throw new SourceProblem(FILE, 0, "has no snapshots");
    }
    snapshots.sort(Comparator.comparing(Snapshot::fetchedAt)); // stable: equal times keep file order
    return snapshots;
  }

  private static Snapshot snapshot(long line, String text, PartyTable parties, Map<Integer, Set<String>> candidates) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new SourceProblem(FILE, line, "not a JSON object: " + e.getOriginalMessage());
    }
    LocalDateTime fetched = fetchedAt(line, node.path("fetchedAt").asText(""));
    LocalDateTime updated;
    try {
      updated = LocalDateTime.parse(node.path("lastUpdated").asText("").strip(), LAST_UPDATED);
    } catch (DateTimeParseException e) {
      throw new SourceProblem(FILE, line, "lastUpdated '" + node.path("lastUpdated").asText("")
          + "' is not like '12:54 PM On 04/05/2026'");
    }
    if (!node.path("rows").isArray()) {
      throw new SourceProblem(FILE, line, "no rows list");
    }
    SortedMap<Integer, Row> rows = new TreeMap<>();
    for (JsonNode cells : node.path("rows")) {
      Row row = row(line, cells, parties, candidates);
      if (rows.put(row.seat(), row) != null) {
        throw new SourceProblem(FILE, line, "seat " + row.seat() + " is listed twice");
      }
    }
    if (!rows.keySet().equals(candidates.keySet())) {
      Set<Integer> missing = new TreeSet<>(candidates.keySet());
      missing.removeAll(rows.keySet());
      throw new SourceProblem(FILE, line, "seats " + missing + " are missing");
    }
    return new Snapshot(line, fetched, updated, rows);
  }

  /** "2026-05-04 12:58:22 IST" or "2026-05-04 08:24:56 UTC", as IST. */
  private static LocalDateTime fetchedAt(long line, String text) {
    String[] parts = text.strip().split(" ");
    try {
      LocalDateTime at = LocalDateTime.parse(parts[0] + " " + parts[1], FETCHED);
      if (parts.length == 3 && parts[2].equals("IST")) {
        return at;
      }
      if (parts.length == 3 && parts[2].equals("UTC")) {
        return at.atOffset(ZoneOffset.UTC).atZoneSameInstant(IST).toLocalDateTime();
      }
    } catch (RuntimeException e) {
      // refused below with the text as it is
    }
    throw new SourceProblem(FILE, line, "fetchedAt '" + text + "' is not 'yyyy-MM-dd HH:mm:ss IST' or '... UTC'");
  }

  private static Row row(long line, JsonNode cells, PartyTable parties, Map<Integer, Set<String>> candidates) {
    // [ac_no, ac_name, leader, leader's party, trailer, trailer's party, margin, rounds done, rounds total, status]
    if (!cells.isArray() || cells.size() != 10 || !cells.get(0).canConvertToInt()) {
      throw new SourceProblem(FILE, line, "a row is not [ac_no, name, leader, party, trailer, party, margin, done, "
          + "total, status]: " + cells);
    }
    int seat = cells.get(0).asInt();
    if (!candidates.containsKey(seat)) {
      throw new SourceProblem(FILE, line, "seat " + seat + " is not in " + ResultSources.RESULTS_2026);
    }
    String[] leader = candidate(line, seat, cells.get(2), cells.get(3), "leader", parties, candidates);
    String[] trailer = candidate(line, seat, cells.get(4), cells.get(5), "trailer", parties, candidates);
    long[] figures = new long[3];
    for (int i = 0; i < 3; i++) {
      JsonNode n = cells.get(6 + i);
      if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
        throw new SourceProblem(FILE, line, "seat " + seat + ": " + List.of("margin", "rounds done", "rounds total")
            .get(i) + " '" + n + "' is not a whole number");
      }
      figures[i] = n.asLong();
    }
    return new Row(seat, leader[0], leader[1], trailer[0], trailer[1], figures[0], figures[1], figures[2],
        cells.get(9).asText("").strip());
  }

  /** Name and party code, or two "" when the site showed nobody; refused when not one of the seat's candidates. */
  private static String[] candidate(long line, int seat, JsonNode nameCell, JsonNode partyCell, String role,
                                    PartyTable parties, Map<Integer, Set<String>> candidates) {
    String name = nameCell.asText("").strip().replaceAll("\\s+", " ");
    String label = partyCell.asText("").strip();
    if (name.isEmpty() && label.isEmpty()) {
      return new String[] {"", ""};
    }
    if (name.isEmpty() || label.isEmpty()) {
      throw new SourceProblem(FILE, line, "seat " + seat + ": " + role + " '" + name + "' of party '" + label
          + "': one without the other");
    }
    String party = parties.resolve(label).orElseThrow(() -> new SourceProblem(FILE, line, "seat " + seat + ": "
        + "unknown party '" + label + "' (add it to io.tallycast.derive.PartyCatalogue)")).code();
    if (!candidates.get(seat).contains(name + "\n" + party)) {
      throw new SourceProblem(FILE, line, "seat " + seat + ": " + role + " '" + name + "' (" + party + ") is not "
          + "among the seat's candidates in " + ResultSources.RESULTS_2026);
    }
    return new String[] {name, party};
  }
}
