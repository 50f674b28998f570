package io.tallycast.scrape.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The state-wise list page ("statewiseS22{page}.htm": 2026, the 2021/2024 layout and our replay site): one row per
 * seat, sorted by name, with Constituency, Const. No., Leading Candidate, Leading Party, Trailing Candidate, Trailing
 * Party, Margin, Round ("9/18") and Status. 2026 nests a table in each party cell whose first cell is the party and
 * whose second holds a tooltip ("Party Wise State Trends"), puts "Status Known For 234 out of 234 Constituencies"
 * above the header and closes the table with a one-cell filler row. A seat awaiting counting has blank cells, which
 * come out as null; a status tallycast does not know is kept as written, with a warning.
 */
final class EciListPageParser {
  static final String LAYOUT = "eci-statewise";
  private static final String[] COLUMNS = {"Constituency", "Const. No.", "Leading Candidate", "Leading Party",
      "Trailing Candidate", "Trailing Party", "Margin", "Round", "Status"};
  // Applied to the one header cell's text only.
  private static final Pattern STATUS_KNOWN =
      Pattern.compile("Status Known For (\\d{1,4}) out of (\\d{1,4}) Constituencies", Pattern.CASE_INSENSITIVE);

  private EciListPageParser() {
  }

  static ParsedListPage parse(Document doc, Element table) throws PageFormatException {
    String cut = PageText.closed(table) ? "" : " (truncated?)";
    List<Element> rows = PageText.rows(table);
    int at = 0;
    int[] col = null;
    int width = 0;
    int[] known = null;
    for (; at < rows.size() && col == null; at++) {
      List<String> header = PageText.texts(PageText.cells(rows.get(at)));
      if (header.stream().anyMatch(h -> h.equalsIgnoreCase("Leading Candidate"))) {
        col = columns(header, cut);
        width = header.size();
      } else if (known == null) {
        known = statusKnown(String.join(" ", header));
      }
    }
    if (col == null) {
      throw new PageFormatException("state-wise table has no header row with a 'Leading Candidate' column" + cut);
    }
    List<ParsedListRow> parsed = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (; at < rows.size(); at++) {
      List<Element> cells = PageText.cells(rows.get(at));
      List<String> texts = new ArrayList<>(cells.size());
      for (Element c : cells) {
        texts.add(cellText(c));
      }
      if (isFiller(cells, texts)) {
        continue;
      }
      try {
        ParsedListRow row = row(parsed.size() + 1, texts, col, width, cut);
        if (row.status() != null && !EciStatuses.isKnown(row.status())) {
          warnings.add(EciStatuses.unknown("row " + (parsed.size() + 1) + ", seat " + row.seatNo() + " "
              + row.seatName(), row.status()));
        }
        parsed.add(row);
      } catch (PageFormatException e) {
        throw PageText.hinted(e, cut);
      }
    }
    if (!cut.isEmpty()) {
      throw new PageFormatException("page ends inside the state-wise table (truncated?)");
    }
    if (parsed.isEmpty()) {
      throw new PageFormatException("state-wise table has no rows");
    }
    LastUpdated.Stamp stamp = LastUpdated.require(doc, ".sm-text, .foot-content", LastUpdated.DAY_FIRST);
    Element title = doc.selectFirst("div.page-title h2 span");
    return new ParsedListPage(List.copyOf(parsed), pageLinks(doc), stamp.text(), stamp.time(),
        PageText.blankToNull(PageText.of(title)), known == null ? null : known[0], known == null ? null : known[1],
        pageCount(doc), warnings);
  }

  /** "Status Known For 234 out of 234 Constituencies" as {known, total}; null when the text is not there. */
  private static int[] statusKnown(String text) throws PageFormatException {
    if (!text.toLowerCase(Locale.ROOT).contains("status known")) {
      return null;
    }
    Matcher m = STATUS_KNOWN.matcher(text);
    if (!m.find()) {
      throw new PageFormatException("cannot read '" + PageText.excerpt(text, 80) + "' as 'Status Known For N out of M"
          + " Constituencies'");
    }
    int known = Integer.parseInt(m.group(1));
    int total = Integer.parseInt(m.group(2));
    if (known > total) {
      throw new PageFormatException("'" + PageText.excerpt(text, 80) + "': more seats known than there are");
    }
    return new int[] {known, total};
  }

  /** A row that is no seat: empty, or one cell spanning the table (2026's {@code <th colspan='9'>&nbsp;</th>}). */
  private static boolean isFiller(List<Element> cells, List<String> texts) {
    if (texts.stream().allMatch(String::isEmpty)) {
      return true;
    }
    if (cells.size() != 1) {
      return false;
    }
    try {
      return Integer.parseInt(cells.get(0).attr("colspan").strip()) > 1;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A cell's text; a 2026 party cell nests a table whose first cell is the party, beside ECI's tooltip. */
  private static String cellText(Element cell) {
    for (Element child : cell.children()) {
      if (child.normalName().equals("table")) {
        List<Element> rows = PageText.rows(child);
        List<Element> cells = rows.isEmpty() ? List.of() : PageText.cells(rows.get(0));
        return cells.isEmpty() ? "" : withoutTooltip(cells.get(0));
      }
    }
    return withoutTooltip(cell);
  }

  private static String withoutTooltip(Element e) {
    if (e.selectFirst(".tooltip, .tooltip-icon") == null) {
      return PageText.of(e);
    }
    Element copy = e.clone();
    copy.select(".tooltip, .tooltip-icon").remove();
    return PageText.of(copy);
  }

  /** Index of each of {@link #COLUMNS} in the header. */
  private static int[] columns(List<String> header, String cut) throws PageFormatException {
    int[] col = new int[COLUMNS.length];
    Arrays.fill(col, -1);
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
    String marginText = figure(cells.get(col[6]));
    Long margin = marginText.isEmpty() ? null : PageText.count(marginText);
    if (!marginText.isEmpty() && margin == null) {
      throw new PageFormatException(row + ": margin '" + PageText.excerpt(marginText, 40) + "' is not a number");
    }
    Integer done = null;
    Integer total = null;
    String round = figure(cells.get(col[7]));
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

  /** A margin or round cell; "-" (a seat won unopposed has neither: Surat, 2024) is none, as a blank cell. */
  private static String figure(String cell) {
    return cell.equals("-") ? "" : cell;
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

  /** The highest page number the pagination shows ("1" .. "12"; "Next" and the like are not numbers). */
  private static Integer pageCount(Document doc) {
    Integer highest = null;
    for (Element a : doc.select("ul.pagination a[href]")) {
      Long n = PageText.count(PageText.of(a));
      if (n != null && n < 10_000 && (highest == null || n > highest)) {
        highest = n.intValue();
      }
    }
    return highest;
  }
}
