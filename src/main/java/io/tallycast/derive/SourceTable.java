package io.tallycast.derive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a headed third-party CSV (a UTF-8 byte-order mark is skipped) into rows that know their line. */
final class SourceTable {
  private static final CsvMapper CSV = new CsvMapper();

  private SourceTable() {
  }

  /** The file under the shared data folder, or a refusal naming it when it is not there. */
  static Path require(Path shared, String relative) {
    Path file = shared.resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new SourceProblem(relative, 0, "missing (looked for " + file.toAbsolutePath().normalize() + ")");
    }
    return file;
  }

  static List<SourceRow> read(Path shared, String relative, String... required) throws IOException {
    return read(shared, relative, CsvSchema.emptySchema().withHeader(), required);
  }

  /** A file without a header row (results-2024.csv): its columns are named here, in order. */
  static List<SourceRow> readHeadless(Path shared, String relative, String... columns) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder();
    for (String c : columns) {
      schema.addColumn(c);
    }
    return read(shared, relative, schema.build().withoutHeader(), columns);
  }

  private static List<SourceRow> read(Path shared, String relative, CsvSchema schema, String... required)
      throws IOException {
    List<SourceRow> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(require(shared, relative), StandardCharsets.UTF_8)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema).readValues(in)) {
        while (it.hasNextValue()) {
          Map<String, String> cells = it.nextValue();
          rows.add(new SourceRow(relative, it.getParser().currentTokenLocation().getLineNr(), cells));
        }
      } catch (JacksonException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        throw new SourceProblem(relative, line, "not a readable CSV line: " + e.getOriginalMessage());
      } catch (RuntimeJsonMappingException e) {
        throw new SourceProblem(relative, 0, "not a readable CSV: " + e.getMessage());
      }
    }
    if (rows.isEmpty()) {
      throw new SourceProblem(relative, 0, "has no data rows");
    }
    for (String column : required) {
      if (!rows.get(0).cells().containsKey(column)) {
        throw new SourceProblem(relative, 1, "no '" + column + "' column (it has " + rows.get(0).cells().keySet()
            + ")");
      }
    }
    return rows;
  }
}
