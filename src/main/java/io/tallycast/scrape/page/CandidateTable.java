package io.tallycast.scrape.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The candidate table that the 2019 and the 2024 layouts share: a header row (S.N., Candidate, Party, EVM Votes,
 * Postal Votes, Total Votes, % of Votes), one row per candidate and NOTA, then a Total row. Columns are found by their
 * header, not their position. Everything the page alone can prove is checked here, so a row that does not add up or
 * a table cut short never reaches the store.
 */
final class CandidateTable {
  /**
   * The candidate rows in page order and the page's own Total row.
   *
   * @param uncontested the one candidate was elected unopposed: "NAME ( Uncontested )" with "-" for every figure, as
   *                    ECI wrote Surat in 2024 (its name is kept without the words, its figures are 0)
   */
  record Read(List<ParsedCandidate> candidates, long evm, long postal, long total, boolean uncontested) {
  }

  /** After the name of a candidate elected unopposed; case and spaces inside the brackets aside. */
  private static final Pattern UNCONTESTED = Pattern.compile("\\s*\\(\\s*uncontested\\s*\\)\\s*$",
      Pattern.CASE_INSENSITIVE);
  /** ECI's cell for a figure there is none of. */
  private static final String NO_FIGURE = "-";

  private CandidateTable() {
  }

  /** Where each column is; -1 for the optional percentage when a page has none. */
  private record Columns(int width, int name, int party, int evm, int postal, int total, int percent) {
    static Columns of(List<String> header, String cut) throws PageFormatException {
      int name = -1;
      int party = -1;
      int evm = -1;
      int postal = -1;
      int total = -1;
      int percent = -1;
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).toLowerCase(Locale.ROOT);
        if (h.contains("%")) {
          percent = i;
        } else if (h.contains("candidate")) {
          name = i;
        } else if (h.contains("party")) {
          party = i;
        } else if (h.contains("evm")) {
          evm = i;
        } else if (h.contains("postal")) {
          postal = i;
        } else if (h.contains("total")) {
          total = i;
        }
      }
      String missing = name < 0 ? "Candidate" : party < 0 ? "Party" : evm < 0 ? "EVM Votes"
          : postal < 0 ? "Postal Votes" : total < 0 ? "Total Votes" : null;
      if (missing != null) {
        throw new PageFormatException("results table header has no '" + missing + "' column (header: "
            + PageText.excerpt(String.join(" | ", header), 160) + ")" + cut);
      }
      return new Columns(header.size(), name, party, evm, postal, total, percent);
    }
  }

  /**
   * @param shortTotalRow whether the Total row may have fewer cells than the header (2026 writes "Total, blank, EVM,
   *                      postal, total"); then (and when its numbers are not under their columns) they are its last
   *                      three numeric cells, in the header's column order
   */
  static Read read(Element table, boolean shortTotalRow) throws PageFormatException {
    // A table whose end tag never came was cut off: say so in whatever goes wrong first.
    String cut = PageText.closed(table) ? "" : " (truncated?)";
    List<Element> rows = PageText.rows(table);
    int at = 0;
    List<String> header = null;
    for (; at < rows.size() && header == null; at++) {
      List<String> texts = PageText.texts(PageText.cells(rows.get(at)));
      if (texts.stream().anyMatch(t -> t.equalsIgnoreCase("Candidate"))) {
        header = texts;
      }
    }
    if (header == null) {
      throw new PageFormatException("results table has no header row with a 'Candidate' column" + cut);
    }
    Columns cols = Columns.of(header, cut);
    List<ParsedCandidate> candidates = new ArrayList<>();
    List<String> totalRow = null;
    for (; at < rows.size(); at++) {
      List<String> cells = PageText.texts(PageText.cells(rows.get(at)));
      if (cells.isEmpty()) {
        continue;
      }
      if (isTotalRow(cells, cols)) {
        totalRow = cells;
        break;
      }
      try {
        candidates.add(candidate(candidates.size() + 1, cells, cols, cut));
      } catch (PageFormatException e) {
        throw PageText.hinted(e, cut); // a cell cut mid-number reads as "not a number"
      }
    }
    if (totalRow == null) {
      throw new PageFormatException(cut.isEmpty() ? "results table has no Total row"
          : "page ends before the Total row (truncated?)");
    }
    if (totalRow.size() != cols.width && !(shortTotalRow && totalRow.size() < cols.width)) {
      throw new PageFormatException("the Total row has " + PageText.cellCount(totalRow.size()) + ", the header has "
          + cols.width + cut);
    }
    if (candidates.isEmpty()) {
      throw new PageFormatException("results table has no candidate rows");
    }
    boolean uncontested = candidates.stream().anyMatch(c -> c.percent() == null && c.totalVotes() == 0
        && unopposedName(c.name()));
    if (uncontested) {
      return unopposed(candidates, totalRow, cols, cut);
    }
    // 2026 may write the Total row shorter, or as wide but not under its columns: then its numbers are read in order.
    long[] footer = totalRow.size() == cols.width && (!shortTotalRow || underColumns(totalRow, cols))
        ? footerByColumn(totalRow, cols) : footerByPosition(totalRow, cols, cut);
    long evm = footer[0];
    long postal = footer[1];
    long total = footer[2];
    long sumEvm = 0;
    long sumPostal = 0;
    long sumTotal = 0;
    for (ParsedCandidate c : candidates) {
      sumEvm += c.evmVotes();
      sumPostal += c.postalVotes();
      sumTotal += c.totalVotes();
    }
    agree(sumTotal, total, "total votes");
    agree(sumEvm, evm, "EVM votes");
    agree(sumPostal, postal, "postal votes");
    if (!cut.isEmpty()) {
      throw new PageFormatException("page ends inside the results table (truncated?)");
    }
    return new Read(List.copyOf(candidates), evm, postal, total, false);
  }

  /**
   * A table whose candidate was elected unopposed: that candidate alone, its name without the words, and a Total row
   * of "-" (or of zeros).
   */
  private static Read unopposed(List<ParsedCandidate> candidates, List<String> totalRow, Columns cols, String cut)
      throws PageFormatException {
    if (candidates.size() != 1) {
      throw new PageFormatException("a candidate elected unopposed beside " + (candidates.size() - 1)
          + " other row(s)" + cut);
    }
    for (int column : new int[] {cols.evm, cols.postal, cols.total}) {
      String cell = column < totalRow.size() ? totalRow.get(column) : NO_FIGURE;
      if (!cell.equals(NO_FIGURE) && !"0".equals(cell)) {
        throw new PageFormatException("the Total row of an uncontested seat says '" + PageText.excerpt(cell, 40)
            + "' votes" + cut);
      }
    }
    if (!cut.isEmpty()) {
      throw new PageFormatException("page ends inside the results table (truncated?)");
    }
    ParsedCandidate only = candidates.get(0);
    String name = UNCONTESTED.matcher(only.name()).replaceFirst("");
    return new Read(List.of(new ParsedCandidate(name, only.party(), 0, 0, 0, null)), 0, 0, 0, true);
  }

  private static boolean unopposedName(String name) {
    return UNCONTESTED.matcher(name).find();
  }

  private static boolean underColumns(List<String> row, Columns cols) {
    return PageText.count(row.get(cols.evm)) != null && PageText.count(row.get(cols.postal)) != null
        && PageText.count(row.get(cols.total)) != null;
  }

  /** EVM, postal and total from a Total row as wide as the header. */
  private static long[] footerByColumn(List<String> row, Columns cols) throws PageFormatException {
    return new long[] {number(row.get(cols.evm), "the Total row", "EVM Votes"),
        number(row.get(cols.postal), "the Total row", "Postal Votes"),
        number(row.get(cols.total), "the Total row", "Total Votes")};
  }

  /** EVM, postal and total from a shorter Total row: its last three numbers, ordered as the header orders them. */
  private static long[] footerByPosition(List<String> row, Columns cols, String cut) throws PageFormatException {
    List<Long> numbers = new ArrayList<>(3);
    for (String cell : row) {
      Long n = PageText.count(cell);
      if (n != null) {
        numbers.add(n);
      }
    }
    if (numbers.size() < 3) {
      throw new PageFormatException("the Total row ('" + PageText.excerpt(String.join(" | ", row), 80)
          + "') does not show EVM, postal and total votes" + cut);
    }
    List<Long> last = numbers.subList(numbers.size() - 3, numbers.size());
    // rank of each column among the three: with the usual header order EVM < Postal < Total this is 0, 1, 2
    int evm = (cols.evm > cols.postal ? 1 : 0) + (cols.evm > cols.total ? 1 : 0);
    int postal = (cols.postal > cols.evm ? 1 : 0) + (cols.postal > cols.total ? 1 : 0);
    int total = (cols.total > cols.evm ? 1 : 0) + (cols.total > cols.postal ? 1 : 0);
    return new long[] {last.get(evm), last.get(postal), last.get(total)};
  }

  private static boolean isTotalRow(List<String> cells, Columns cols) {
    return cells.get(0).equalsIgnoreCase("Total") || cells.size() > cols.name
        && cells.get(cols.name).equalsIgnoreCase("Total") && cells.get(0).isEmpty();
  }

  private static ParsedCandidate candidate(int no, List<String> cells, Columns cols, String cut)
      throws PageFormatException {
    String name = cells.size() > cols.name ? cells.get(cols.name) : "";
    String row = "row " + no + (name.isEmpty() ? "" : " (" + PageText.excerpt(name, 60) + ")");
    if (cells.size() != cols.width) {
      throw new PageFormatException(row + " has " + PageText.cellCount(cells.size()) + ", the header has "
          + cols.width + cut);
    }
    if (name.isEmpty()) {
      throw new PageFormatException(row + ": the candidate name is empty");
    }
    String party = cells.get(cols.party);
    if (party.isEmpty()) {
      throw new PageFormatException(row + ": the party is empty");
    }
    if (unopposedName(name) && noFigures(cells, cols)) {
      return new ParsedCandidate(name, party, 0, 0, 0, null); // checked with the whole table, in unopposed()
    }
    long evm = number(cells.get(cols.evm), row, "EVM Votes");
    long postal = number(cells.get(cols.postal), row, "Postal Votes");
    long total = number(cells.get(cols.total), row, "Total Votes");
    if (evm + postal != total) {
      throw new PageFormatException(row + ": EVM " + evm + " + postal " + postal + " != total " + total);
    }
    Double percent = cols.percent < 0 ? null : percent(cells.get(cols.percent), row);
    return new ParsedCandidate(name, party, evm, postal, total, percent);
  }

  /** Every figure of the row is "-" (the share too, where the table has one). */
  private static boolean noFigures(List<String> cells, Columns cols) {
    return cells.get(cols.evm).equals(NO_FIGURE) && cells.get(cols.postal).equals(NO_FIGURE)
        && cells.get(cols.total).equals(NO_FIGURE) && (cols.percent < 0 || cells.get(cols.percent).equals(NO_FIGURE));
  }

  static long number(String text, String where, String column) throws PageFormatException {
    Long n = PageText.count(text);
    if (n == null) {
      throw new PageFormatException(where + ": " + column + " '" + PageText.excerpt(text, 40) + "' is not a number");
    }
    return n;
  }

  private static Double percent(String text, String row) throws PageFormatException {
    if (text.isEmpty()) {
      return null;
    }
    String t = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
    boolean ok = !t.isEmpty() && t.length() < 12;
    for (int i = 0; ok && i < t.length(); i++) {
      char c = t.charAt(i);
      ok = c >= '0' && c <= '9' || c == '.';
    }
    if (!ok || t.equals(".") || t.indexOf('.') != t.lastIndexOf('.')) {
      throw new PageFormatException(row + ": % of Votes '" + PageText.excerpt(text, 40) + "' is not a number");
    }
    return Double.valueOf(t);
  }

  private static void agree(long rows, long footer, String what) throws PageFormatException {
    if (rows != footer) {
      throw new PageFormatException("candidate rows add up to " + rows + " " + what + " but the Total row says "
          + footer);
    }
  }
}
