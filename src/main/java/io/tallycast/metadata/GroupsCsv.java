package io.tallycast.metadata;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A grouping of seats from a CSV ({@code masks --groups-csv FILE --groups-key ac_no --groups-field phase}): which
 * group each seat is in (a polling phase), and optionally a text per group for the legend ({@code --groups-legend
 * poll_date}). Groups are ordered by number when every value is a whole number (phase 2 before phase 10), otherwise
 * in the order they first appear. A seat listed twice in different groups is refused, naming both lines.
 *
 * @param values the groups in order
 * @param bySeat seat number to group
 * @param legend group to its legend text (absent without a legend column)
 */
public record GroupsCsv(Path file, String field, List<String> values, Map<Integer, String> bySeat,
    Map<String, String> legend, List<String> warnings) {

  public GroupsCsv {
    values = List.copyOf(values);
    bySeat = Map.copyOf(bySeat);
    legend = Map.copyOf(legend);
    warnings = List.copyOf(warnings);
  }

  public static GroupsCsv read(Path file, String key, String field, String legendColumn) throws MaskInputException {
    if (!Files.isRegularFile(file)) {
      throw new MaskInputException(file + ": no such groups CSV");
    }
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        Map<String, String> row = new LinkedHashMap<>();
        it.nextValue().forEach((k, v) -> row.put(k.strip(), v == null ? "" : v.strip()));
        rows.add(row);
      }
    } catch (IOException | RuntimeJsonMappingException e) {
      throw new MaskInputException(file + ": not a readable CSV: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new MaskInputException(file + ": no rows below the header");
    }
    for (String column : legendColumn == null ? List.of(key, field) : List.of(key, field, legendColumn)) {
      if (!rows.get(0).containsKey(column)) {
        throw new MaskInputException(file + ": no column \"" + column + "\"; its columns are: "
            + String.join(", ", rows.get(0).keySet()));
      }
    }
    Map<Integer, String> bySeat = new TreeMap<>();
    Map<Integer, Integer> lineOf = new HashMap<>();
    Map<String, String> legend = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    Set<String> firstSeen = new LinkedHashSet<>();
    for (int r = 0; r < rows.size(); r++) {
      Map<String, String> row = rows.get(r);
      int line = r + 2; // the header is line 1
      int seat = seatNumber(file, line, key, row.get(key));
      String value = row.get(field);
      if (value == null || value.isEmpty()) {
        throw new MaskInputException(file + " line " + line + ": seat " + seat + " has no " + field);
      }
      String before = bySeat.putIfAbsent(seat, value);
      if (before != null && !before.equals(value)) {
        throw new MaskInputException(file + ": seat " + seat + " is in " + field + " " + before + " on line "
            + lineOf.get(seat) + " and in " + field + " " + value + " on line " + line);
      }
      lineOf.putIfAbsent(seat, line);
      firstSeen.add(value);
      String text = legendColumn == null ? null : row.get(legendColumn);
      if (text != null && !text.isEmpty()) {
        String first = legend.putIfAbsent(value, text);
        if (first != null && !first.equals(text)) {
          warnings.add(file.getFileName() + " line " + line + ": " + field + " " + value + " has " + legendColumn
              + " \"" + text + "\" but an earlier line has \"" + first + "\"; the legend shows \"" + first + "\"");
        }
      }
    }
    List<String> values = new ArrayList<>(firstSeen);
    if (values.stream().allMatch(v -> v.matches("\\d{1,9}"))) {
      values.sort(Comparator.comparingInt(Integer::parseInt));
    }
    return new GroupsCsv(file, field, values, bySeat, legend, warnings);
  }

  private static int seatNumber(Path file, int line, String key, String raw) throws MaskInputException {
    if (raw != null && raw.matches("0*[1-9]\\d{0,8}")) {
      return Integer.parseInt(raw);
    }
    throw new MaskInputException(file + " line " + line + ": " + key + " \"" + raw
        + "\" is not a seat number (a whole number from 1)");
  }

  /** The seats of one group, in seat order. */
  public List<Integer> seats(String value) {
    return bySeat.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).sorted()
        .toList();
  }
}
