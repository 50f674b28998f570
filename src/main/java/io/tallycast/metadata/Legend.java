package io.tallycast.metadata;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The legend CSV of the image modes: columns {@code color,no,name,group} with a header line ({@code color} as
 * #rrggbb; {@code name} and {@code group} optional; {@code color} optional for highlight screenshots). Refuses a
 * repeated colour or seat number, naming both lines.
 */
public record Legend(Path file, List<Entry> entries) {

  /** One row; {@code color} is 0xRRGGBB or -1 when the legend has no colour column. */
  public record Entry(int line, int color, int no, String name, String group) {
    public SeatMeta meta() {
      return new SeatMeta(no, name, group);
    }
  }

  public Legend {
    entries = List.copyOf(entries);
  }

  public static Legend read(Path file, boolean colorRequired) throws MaskInputException {
    if (!Files.isRegularFile(file)) {
      throw new MaskInputException(file + ": no such legend file");
    }
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        Map<String, String> row = new LinkedHashMap<>();
        it.nextValue().forEach((k, v) -> row.put(k.trim().toLowerCase(Locale.ROOT), v == null ? "" : v.trim()));
        rows.add(row);
      }
    } catch (IOException | RuntimeJsonMappingException e) {
      throw new MaskInputException(file + ": not a readable CSV legend: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new MaskInputException(file + ": the legend has no rows (expected a header line color,no,name,group "
          + "and one line per seat)");
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    if (!columns.contains("no") || colorRequired && !columns.contains("color")) {
      throw new MaskInputException(file + ": the legend needs columns " + (colorRequired ? "color,no" : "no")
          + "[,name,group]; its columns are: " + String.join(", ", columns));
    }
    List<Entry> entries = new ArrayList<>();
    Map<Integer, Entry> byColor = new HashMap<>();
    Map<Integer, Entry> byNo = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      int line = i + 2;
      String where = file.getFileName() + " line " + line;
      int color = columns.contains("color") ? color(where, row.get("color")) : -1;
      int no = seatNumber(where, row.get("no"));
      Entry entry = new Entry(line, color, no, blankToNull(row.get("name")), blankToNull(row.get("group")));
      Entry sameColor = color < 0 ? null : byColor.putIfAbsent(color, entry);
      if (sameColor != null) {
        throw new MaskInputException(where + ": colour " + BaseImage.hex(color) + " is already seat "
            + sameColor.no() + "'s (line " + sameColor.line() + "): every seat needs its own colour");
      }
      Entry sameNo = byNo.putIfAbsent(no, entry);
      if (sameNo != null) {
        throw new MaskInputException(where + ": seat " + no + " is listed twice (also line " + sameNo.line() + ")");
      }
      entries.add(entry);
    }
    entries.sort((a, b) -> Integer.compare(a.no(), b.no()));
    return new Legend(file, entries);
  }

  /** The entry for a seat number, or null. */
  public Entry seat(int no) {
    for (Entry e : entries) {
      if (e.no() == no) {
        return e;
      }
    }
    return null;
  }

  private static int color(String where, String value) throws MaskInputException {
    if (value == null || !value.matches("#[0-9a-fA-F]{6}")) {
      throw new MaskInputException(where + ": colour \"" + value + "\" is not #rrggbb");
    }
    return Integer.parseInt(value.substring(1), 16);
  }

  private static int seatNumber(String where, String value) throws MaskInputException {
    try {
      int no = Integer.parseInt(value);
      if (no >= 1) {
        return no;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new MaskInputException(where + ": seat number \"" + value + "\" is not a whole number from 1");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
