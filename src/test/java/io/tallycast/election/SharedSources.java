package io.tallycast.election;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tallycast.support.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The tests' own reading of the third-party files in ../shared/data (skipped without them), written apart from the
 * derive command so that what the tests expect does not come from the code under test.
 */
final class SharedSources {
  static final String RESULTS_2016 = "west-bengal/results-2016.csv";
  static final String RESULTS_2021 = "west-bengal/results-2021.csv";
  static final String RESULTS_2026 = "west-bengal/results-2026.csv";
  static final String SNAPSHOTS = "west-bengal/counting-2026/list-snapshots.jsonl.gz";
  static final String ECI_JSON = "eci-pages/2026-assembly/election-json-live-final.json";
  static final String PHASES_2021 = "west-bengal/phases-2021.csv";
  /** The four other states counted on 2 May 2021: their folders under five-states-2021/. */
  static final List<String> FIVE_STATES_FOLDERS = List.of("assam", "kerala", "puducherry", "tamilnadu");
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One snapshot of the list as the source has it, times as instants, rows as the source's JSON arrays. */
  record Snapshot(Instant fetchedAt, Instant lastUpdated, List<JsonNode> rows) {
  }

  private SharedSources() {
  }

  /** A headed CSV as maps of column to text (the 2026 file starts with a byte-order mark). */
  static List<Map<String, String>> csv(String relative) throws IOException {
    String text = Files.readString(SharedData.file(relative), StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
      return rows.readAll();
    }
  }

  /** ElectionLens's file of one of the four states, e.g. ("assam", 2021): five-states-2021/assam/results-2021.json. */
  static String electionLensFile(String folder, int year) {
    return "five-states-2021/" + folder + "/results-" + year + ".json";
  }

  /** That file's seats: key ("AS-001") to record, in the file's order. */
  static JsonNode electionLens(String folder, int year) throws IOException {
    return JSON.readTree(SharedData.file(electionLensFile(folder, year)).toFile());
  }

  static JsonNode eciJson() throws IOException {
    return JSON.readTree(SharedData.file(ECI_JSON).toFile());
  }

  /** The counting day's snapshots in time order (the source mixes IST and UTC in fetchedAt). */
  static List<Snapshot> snapshots() throws IOException {
    List<Snapshot> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(SharedData.file(SNAPSHOTS))), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("{")) {
          JsonNode node = JSON.readTree(line);
          List<JsonNode> rows = new ArrayList<>();
          node.get("rows").forEach(rows::add);
          out.add(new Snapshot(fetched(node.get("fetchedAt").asText()), updated(node.get("lastUpdated").asText()),
              rows));
        }
      }
    }
    out.sort(Comparator.comparing(Snapshot::fetchedAt));
    return out;
  }

  private static Instant fetched(String text) {
    // "2026-05-04 12:58:22 IST" or "2026-05-04 08:24:56 UTC"
    LocalDateTime at = LocalDateTime.parse(text.substring(0, 19).replace(' ', 'T'));
    return text.endsWith(" UTC") ? at.toInstant(ZoneOffset.UTC) : at.atZone(IST).toInstant();
  }

  private static Instant updated(String text) {
    // "12:54 PM On 04/05/2026": 4 May
    return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("hh:mm a 'On' dd/MM/yyyy", Locale.ENGLISH))
        .atZone(IST).toInstant();
  }

  /** Names as ECI's pages show them: runs of spaces made one. */
  static String collapsed(String name) {
    return name.strip().replaceAll("\\s+", " ");
  }
}
