package io.tallycast.derive;

import java.util.Map;

/** One data line of a third-party CSV, with where it came from, so that every refusal can name file and line. */
record SourceRow(String file, long line, Map<String, String> cells) {

  /** The cell, stripped; "" when empty. */
  String text(String column) {
    String value = cells.get(column);
    return value == null ? "" : value.strip();
  }

  /** The cell with runs of white space made one space, as ECI's pages show names. */
  String name(String column) {
    return text(column).replaceAll("\\s+", " ");
  }

  long number(String column) {
    String value = text(column);
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw problem(column + " is negative: '" + value + "'");
      }
      return n;
    } catch (NumberFormatException e) {
      throw problem(column + " is not a whole number: '" + value + "'");
    }
  }

  SourceProblem problem(String what) {
    return new SourceProblem(file, line, what);
  }
}
