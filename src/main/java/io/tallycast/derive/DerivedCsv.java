package io.tallycast.derive;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the project's CSV files the same way every time: a header, LF line ends, quotes only where a value needs
 * them (a comma, a quote), numbers as plain integers, null as an empty cell.
 */
final class DerivedCsv {
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .build();

  private DerivedCsv() {
  }

  static String write(List<String> header, List<List<Object>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator("\n").setUseHeader(true);
    header.forEach(schema::addColumn);
    StringWriter out = new StringWriter();
    try (SequenceWriter writer = CSV.writerFor(List.class).with(schema.build()).writeValues(out)) {
      for (List<Object> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException("a row of " + row.size() + " cells under " + header);
        }
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
