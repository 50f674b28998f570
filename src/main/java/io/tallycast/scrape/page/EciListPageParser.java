package io.tallycast.scrape.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The state-wise list page ("statewiseS25{page}.htm", 2021/2024 layout and our replay site): one row per seat with
 * Constituency, Const. No., Leading Candidate, Leading Party, Trailing Candidate, Trailing Party, Margin, Round
 * ("9/18") and Status; party cells hold a nested table, whose text is the party. A seat awaiting counting has blank
 * cells, which come out as null. The pagination's hrefs come out as written, once each.
 */
final class EciListPageParser {
  private static final String[] COLUMNS = {"Constituency", "Const. No.", "Leading Candidate", "Leading Party",
      "Trailing Candidate", "Trailing Party", "Margin", "Round", "Status"};

  private EciListPageParser() {
  }

  static ParsedListPage parse(Document doc, Element table) throws PageFormatException {
    String cut = PageText.closed(table) ? "" : " (truncated?)";
    List<Element> rows = PageText.rows(table);
    int at = 0;
    int[] col = null;
    int width = 0;
    for (; at < rows.size() && col == null; at++) {
      List<String> header = PageText.texts(PageText.cells(rows.get(at)));
      if (header.stream().anyMatch(h -> h.equalsIgnoreCase("Leading Candidate"))) {
        col = columns(header, cut);
        width = header.size();
      }
    }
    if (col == null) {
      throw new PageFormatException("state-wise table has no header row with a 'Leading Candidate' column" + cut);
    }
    List<ParsedListRow> parsed = new ArrayList<>();
    for (; at < rows.size(); at++) {
      List<String> cells = PageText.texts(PageText.cells(rows.get(at)));
      if (!cells.isEmpty()) {
        try {
          parsed.add(row(parsed.size() + 1, cells, col, width, cut));
        } catch (PageFormatException e) {
          throw PageText.hinted(e, cut);
        }
      }
    }
    if (!cut.isEmpty()) {
      throw new PageFormatException("page ends inside the state-wise table (truncated?)");
    }
    if (parsed.isEmpty()) {
      throw new PageFormatException("state-wise table has no rows");
    }
    LastUpdated.Stamp stamp = LastUpdated.require(doc, ".sm-text", LastUpdated.DAY_FIRST);
    return new ParsedListPage(List.copyOf(parsed), pageLinks(doc), stamp.text(), stamp.time());
  }

  /** Index of each of {@link #COLUMNS} in the header. */
  private static int[] columns(List<String> header, String cut) throws PageFormatException {
    int[] col = new int[COLUMNS.length];
    java.util.Arrays.fill(col, -1);
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).toLowerCase(Locale.ROOT);
      int which = h.equals("constituency") ? 0 : h.startsWith("const") && h.contains("no") ? 1
          : h.contains("leading") ? h.contains("party") ? 3 : 2
          : h.contains("trailing") ? h.contains("party") ? 5 : 4
          : h.contains("margin") ? 6 : h.startsWith("round") ? 7 : h.contains("status") ? 8 : -1;
      if (which >= 0 && col[which] < 0) {
        col[which] = i;
      }
    }
    for (int c = 0; c < col.length; c++) {
      if (col[c] < 0) {
        throw new PageFormatException("state-wise table header has no '" + COLUMNS[c] + "' column (header: "
            + PageText.excerpt(String.join(" | ", header), 200) + ")" + cut);
      }
    }
    return col;
  }

  private static ParsedListRow row(int no, List<String> cells, int[] col, int width, String cut)
      throws PageFormatException {
    String name = cells.size() > col[0] ? cells.get(col[0]) : "";
    String row = "row " + no + (name.isEmpty() ? "" : " (" + PageText.excerpt(name, 60) + ")");
    if (cells.size() != width) {
      throw new PageFormatException(row + " has " + PageText.cellCount(cells.size()) + ", the header has "
          + width + cut);
    }
    if (name.isEmpty()) {
      throw new PageFormatException(row + ": the constituency name is empty");
    }
    Long seat = PageText.count(cells.get(col[1]));
    if (seat == null || seat < 1 || seat > 9999) {
      throw new PageFormatException(row + ": constituency number '" + PageText.excerpt(cells.get(col[1]), 40)
          + "' is not a number");
    }
    String leading = PageText.blankToNull(cells.get(col[2]));
    String leadingParty = PageText.blankToNull(cells.get(col[3]));
    String trailing = PageText.blankToNull(cells.get(col[4]));
    String trailingParty = PageText.blankToNull(cells.get(col[5]));
    if ((leading == null) != (leadingParty == null) || (trailing == null) != (trailingParty == null)) {
      throw new PageFormatException(row + ": a candidate without a party, or a party without a candidate");
    }
    String marginText = cells.get(col[6]);
    Long margin = marginText.isEmpty() ? null : PageText.count(marginText);
    if (!marginText.isEmpty() && margin == null) {
      throw new PageFormatException(row + ": margin '" + PageText.excerpt(marginText, 40) + "' is not a number");
    }
    Integer done = null;
    Integer total = null;
    String round = cells.get(col[7]);
    if (!round.isEmpty()) {
      int slash = round.indexOf('/');
      Long d = slash < 0 ? null : PageText.count(round.substring(0, slash).strip());
      Long t = slash < 0 ? null : PageText.count(round.substring(slash + 1).strip());
      if (d == null || t == null || t > 9999) {
        throw new PageFormatException(row + ": round '" + PageText.excerpt(round, 40) + "' is not 'done/total'");
      }
      if (d > t) {
        throw new PageFormatException(row + ": round " + d + "/" + t + " is past the last round");
      }
      done = d.intValue();
      total = t.intValue();
    }
    return new ParsedListRow(seat.intValue(), name, leading, leadingParty, trailing, trailingParty, margin, done,
        total, PageText.blankToNull(cells.get(col[8])));
  }

  private static List<String> pageLinks(Document doc) {
    Set<String> links = new LinkedHashSet<>();
    for (Element a : doc.select("ul.pagination a[href]")) {
      String href = a.attr("href").strip();
      if (!href.isEmpty() && !href.startsWith("#") && !href.regionMatches(true, 0, "javascript:", 0, 11)) {
        links.add(href);
      }
    }
    return List.copyOf(links);
  }
}
