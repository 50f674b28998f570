package io.tallycast.election;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;

/** Reads a headed CSV into rows keyed by column name, refusing a file that lacks a required column. */
final class CsvRows {
  private static final CsvMapper MAPPER = new CsvMapper();

  private CsvRows() {
  }

  static List<Map<String, String>> read(Reader csv, String... required) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class).with(schema).readValues(csv)) {
      List<Map<String, String>> all = rows.readAll();
      if (all.isEmpty()) {
        throw new IllegalArgumentException("the CSV has no rows");
      }
      for (String column : required) {
        if (!all.get(0).containsKey(column)) {
          throw new IllegalArgumentException("the CSV has no '" + column + "' column (it has " + all.get(0).keySet()
              + ")");
        }
      }
      return all;
    }
  }

  static long number(Map<String, String> row, String column) {
    String value = row.get(column);
    try {
      return Long.parseLong(value.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("column '" + column + "' is not a whole number: '" + value + "' in " + row);
    }
  }
}
