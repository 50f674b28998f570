package io.tallycast.scrape.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The party-wise summary ("partywiseresult-S22.htm"; 2024 and 2026 put the table in ECI's own misspelt
 * {@code div.rslt-table.teble-responsive}): one row per party with Party ("Tamilaga Vettri Kazhagam - TVK"), Won,
 * Leading and Total, and a {@code tfoot} Total row of {@code th} cells. Won and Leading are a link
 * ("partywisewinresult-3679S22.htm", whose number is ECI's id of the party) or plain text ("0"). Each row must satisfy
 * won + leading = total, the rows must add up to the Total row when there is one, and that total cannot pass the
 * title's "(Total AC : 234)".
 */
final class EciPartySummaryParser {
  static final String LAYOUT = "eci-partywise";
  // Each applied to one href or the title's text, never to the document.
  private static final Pattern PARTY_LINK = Pattern.compile("partywise[a-z]*result-(\\d{1,9})[A-Z]\\d+\\.htm",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SEATS =
      Pattern.compile("Total (?:AC|PC|seats) ?: ?(\\d{1,5})", Pattern.CASE_INSENSITIVE);

  private EciPartySummaryParser() {
  }

  static ParsedPartySummary parse(Document doc, Element table) throws PageFormatException {
    String cut = PageText.closed(table) ? "" : " (truncated?)";
    List<Element> rows = PageText.rows(table);
    int at = 0;
    int party = -1;
    int won = -1;
    int leading = -1;
    int total = -1;
    int width = 0;
    for (; at < rows.size() && party < 0; at++) {
      List<String> header = PageText.texts(PageText.cells(rows.get(at)));
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).toLowerCase(Locale.ROOT);
        if (h.contains("party")) {
          party = i;
        } else if (h.equals("won")) {
          won = i;
        } else if (h.contains("leading")) {
          leading = i;
        } else if (h.equals("total")) {
          total = i;
        }
      }
      width = header.size();
    }
    if (party < 0 || won < 0 || leading < 0 || total < 0) {
      throw new PageFormatException("party-wise table header lacks one of Party, Won, Leading, Total" + cut);
    }
    List<ParsedPartyRow> parsed = new ArrayList<>();
    int[] footer = null;
    for (; at < rows.size(); at++) {
      List<String> cells = PageText.texts(PageText.cells(rows.get(at)));
      if (cells.isEmpty()) {
        continue;
      }
      String name = cells.get(Math.min(party, cells.size() - 1));
      String row = name.equalsIgnoreCase("Total") ? "the Total row"
          : "row " + (parsed.size() + 1) + (name.isEmpty() ? "" : " (" + PageText.excerpt(name, 60) + ")");
      if (cells.size() != width) {
        throw new PageFormatException(row + " has " + PageText.cellCount(cells.size()) + ", the header has "
          + width + cut);
      }
      int w = seats(cells.get(won), row, "Won", cut);
      int l = seats(cells.get(leading), row, "Leading", cut);
      int t = seats(cells.get(total), row, "Total", cut);
      if (w + l != t) {
        throw new PageFormatException(row + ": won " + w + " + leading " + l + " != total " + t + cut);
      }
      if (name.equalsIgnoreCase("Total")) {
        footer = new int[] {w, l, t};
        break;
      }
      if (name.isEmpty()) {
        throw new PageFormatException(row + ": the party is empty");
      }
      parsed.add(new ParsedPartyRow(name, w, l, t, partyId(rows.get(at), row)));
    }
    if (!cut.isEmpty()) {
      throw new PageFormatException("page ends inside the party-wise table (truncated?)");
    }
    if (parsed.isEmpty()) {
      throw new PageFormatException("party-wise table has no rows");
    }
    if (footer != null) {
      int w = 0;
      int l = 0;
      for (ParsedPartyRow r : parsed) {
        w += r.won();
        l += r.leading();
      }
      if (w != footer[0] || l != footer[1]) {
        throw new PageFormatException("party rows add up to " + w + " won and " + l + " leading but the Total row says "
            + footer[0] + " and " + footer[1]);
      }
    }
    Element title = doc.selectFirst("div.page-title h2 span");
    Integer seats = seatsTotal(PageText.of(title));
    if (footer != null && seats != null && footer[2] > seats) {
      throw new PageFormatException("the Total row counts " + footer[2] + " seats but the title says the state has "
          + seats);
    }
    LastUpdated.Stamp stamp = LastUpdated.require(doc, ".sm-text, .foot-content", LastUpdated.DAY_FIRST);
    return new ParsedPartySummary(List.copyOf(parsed), footer == null ? null : footer[0],
        footer == null ? null : footer[1], footer == null ? null : footer[2], stamp.text(), stamp.time(),
        state(title), seats);
  }

  /** ECI's number of the party from the row's Won/Leading links; null when it links nowhere. */
  private static Integer partyId(Element tr, String row) throws PageFormatException {
    Integer id = null;
    for (Element a : tr.select("a[href]")) {
      Matcher m = PARTY_LINK.matcher(a.attr("href"));
      if (m.find()) {
        int found = Integer.parseInt(m.group(1));
        if (id != null && id != found) {
          throw new PageFormatException(row + ": its links name two parties, " + id + " and " + found);
        }
        id = found;
      }
    }
    return id;
  }

  /** "Tamil Nadu" from {@code <span> <strong> Tamil Nadu</strong> (Total AC : 234)</span>}; null when no title. */
  private static String state(Element title) {
    if (title == null) {
      return null;
    }
    Element strong = title.selectFirst("strong");
    String state = strong != null ? PageText.of(strong) : PageText.own(title).replaceAll("\\(.*\\)", "").strip();
    return PageText.blankToNull(state);
  }

  private static Integer seatsTotal(String title) {
    Matcher m = SEATS.matcher(title);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static int seats(String text, String row, String column, String cut) throws PageFormatException {
    Long n = PageText.count(text);
    if (n == null || n > 100_000) {
      throw new PageFormatException(row + ": " + column + " '" + PageText.excerpt(text, 40) + "' is not a seat count"
          + cut);
    }
    return n.intValue();
  }
}
