package io.tallycast.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tallycast.election.PartyRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * West Bengal's real counting day of 4 May 2026 read straight from the third-party files in ../shared/data, by the
 * test's own means (Jackson over the raw files), so that what the replay shows can be checked against the record.
 */
public final class RealDay2026 {
  public static final String TIMELINE = "west-bengal/counting-2026/list-snapshots.jsonl.gz";
  public static final String RESULTS = "west-bengal/results-2026.csv";
  private static final DateTimeFormatter FETCHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("hh:mm a 'On' dd/MM/yyyy", Locale.ENGLISH);

  /** One row of the state-wise list as recorded, names with runs of spaces collapsed. */
  public record ListRow(int seat, String leader, String leaderParty, String trailer, String trailerParty, long margin,
                 int done, int total, String status) {
  }

  /** One candidate's final figures as results-2026.csv gives them. */
  public record FinalRow(int seat, String name, String party, long evm, long postal, long total, int rounds) {
  }

  public final List<LocalDateTime> fetchedIst = new ArrayList<>();
  public final List<LocalDateTime> shownIst = new ArrayList<>();
  public final List<Map<Integer, ListRow>> snapshots = new ArrayList<>();
  public final Map<Integer, List<FinalRow>> finals = new TreeMap<>();

  private RealDay2026() {
  }

  public static RealDay2026 read() {
    RealDay2026 day = new RealDay2026();
    try {
      day.readTimeline();
      day.readResults();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return day;
  }

  private void readTimeline() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(SharedData.file(TIMELINE))), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue; // the first line names the columns
        }
        JsonNode snap = json.readTree(line);
        String fetched = snap.get("fetchedAt").asText();
        LocalDateTime at = LocalDateTime.parse(fetched.substring(0, 19), FETCHED);
        fetchedIst.add(fetched.endsWith("UTC") ? at.plusHours(5).plusMinutes(30) : at);
        shownIst.add(LocalDateTime.parse(snap.get("lastUpdated").asText(), SHOWN));
        Map<Integer, ListRow> rows = new LinkedHashMap<>();
        for (JsonNode r : snap.get("rows")) {
          rows.put(r.get(0).asInt(), new ListRow(r.get(0).asInt(), name(r.get(2).asText()), r.get(3).asText(),
              name(r.get(4).asText()), r.get(5).asText(), r.get(6).asLong(), r.get(7).asInt(), r.get(8).asInt(),
              r.get(9).asText()));
        }
        snapshots.add(rows);
      }
    }
  }

  private void readResults() throws IOException {
    CsvMapper csv = new CsvMapper();
    try (var reader = Files.newBufferedReader(SharedData.file(RESULTS), StandardCharsets.UTF_8);
         MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
             .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
      while (it.hasNext()) {
        Map<String, String> r = it.next();
        Map<String, String> row = new LinkedHashMap<>();
        r.forEach((k, v) -> row.put(k.replace("\uFEFF", ""), v));
        int seat = Integer.parseInt(row.get("Constituency No").strip());
        finals.computeIfAbsent(seat, k -> new ArrayList<>()).add(new FinalRow(seat, name(row.get("Candidate Name")),
            row.get("Party").strip(), Long.parseLong(row.get("EVM Votes").strip()),
            Long.parseLong(row.get("Postal Votes").strip()), Long.parseLong(row.get("Total Votes").strip()),
            Integer.parseInt(row.get("Total Rounds").strip())));
      }
    }
  }

  /** The winner by votes of each seat that has any votes (Falta has none). */
  public Map<Integer, FinalRow> winners() {
    Map<Integer, FinalRow> out = new TreeMap<>();
    finals.forEach((seat, rows) -> rows.stream().filter(r -> !r.party().equals("None of the Above"))
        .max(java.util.Comparator.comparingLong(FinalRow::total)).filter(w -> w.total() > 0)
        .ifPresent(w -> out.put(seat, w)));
    return out;
  }

  /** Each 2021 seat's winning party (codes as in results-2021.csv), read from the file itself. */
  public static Map<Integer, String> winners2021() {
    Map<Integer, String> best = new TreeMap<>();
    Map<Integer, Long> votes = new TreeMap<>();
    CsvMapper csv = new CsvMapper();
    try (var reader = Files.newBufferedReader(SharedData.file("west-bengal/results-2021.csv"), StandardCharsets.UTF_8);
         MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
             .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
      while (it.hasNext()) {
        Map<String, String> r = it.next();
        int seat = Integer.parseInt(r.get("ac_no").strip());
        long v = Long.parseLong(r.get("votes").strip());
        if (v > votes.getOrDefault(seat, -1L)) {
          votes.put(seat, v);
          best.put(seat, r.get("party").strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return best;
  }

  /** Leader changes (by party) per seat across the recorded snapshots, then on to the final winner. */
  public Map<Integer, Integer> leaderChanges() {
    Map<Integer, FinalRow> winners = winners();
    Map<Integer, Integer> out = new TreeMap<>();
    for (int seat : finals.keySet()) {
      String before = null;
      int changes = 0;
      List<String> leaders = new ArrayList<>();
      for (Map<Integer, ListRow> snap : snapshots) {
        ListRow row = snap.get(seat);
        leaders.add(row == null || row.leader().isEmpty() ? null : row.leaderParty());
      }
      leaders.add(winners.containsKey(seat) ? winners.get(seat).party() : null);
      for (String now : leaders) {
        if (now != null && before != null && !now.equals(before)) {
          changes++;
        }
        before = now == null ? before : now;
      }
      out.put(seat, changes);
    }
    return out;
  }

  public static String name(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }

  public static String code(PartyRegistry parties, String label) {
    return label == null || label.isBlank() ? label : parties.resolve(label).map(p -> p.code()).orElse(label.strip());
  }
}
