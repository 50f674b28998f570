package io.tallycast.scrape.page;

import io.tallycast.util.OnAirText;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Small, allocation-light helpers shared by the layout parsers: text of cells, table rows, vote counts. */
final class PageText {
  private PageText() {
  }

  /** The element's text as a reader sees it: never markup, whitespace (including no-break spaces) collapsed. */
  static String of(Element e) {
    return e == null ? "" : normalize(e.text());
  }

  /** The element's own text, without that of its children. */
  static String own(Element e) {
    return e == null ? "" : normalize(e.ownText());
  }

  /**
   * The one point where page text is taken: it may go on air, so it is {@link OnAirText#clean cleaned} (whitespace
   * collapsed as before, and controls, bidi and other invisible format characters dropped, NFC).
   */
  static String normalize(String s) {
    return OnAirText.clean(s);
  }

  static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The rows of this table only (thead, tbody, tfoot in document order), never those of a table nested in a cell. */
  static List<Element> rows(Element table) {
    List<Element> rows = new ArrayList<>();
    for (Element section : table.children()) {
      String tag = section.normalName();
      if (tag.equals("tr")) {
        rows.add(section);
      } else if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
        for (Element row : section.children()) {
          if (row.normalName().equals("tr")) {
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  /** The row's own cells (td and th), not those of a table nested in one of them. */
  static List<Element> cells(Element row) {
    List<Element> cells = new ArrayList<>(row.childrenSize());
    for (Element c : row.children()) {
      String tag = c.normalName();
      if (tag.equals("td") || tag.equals("th")) {
        cells.add(c);
      }
    }
    return cells;
  }

  static List<String> texts(List<Element> cells) {
    List<String> texts = new ArrayList<>(cells.size());
    for (Element c : cells) {
      texts.add(of(c));
    }
    return texts;
  }

  /**
   * Whether the page carried the element's end tag. The parser is lenient and closes whatever is open when the input
   * stops, so a missing end tag of a table is how a page cut off inside it shows (positions must be tracked).
   */
  static boolean closed(Element e) {
    return e.endSourceRange().isTracked() && !e.endSourceRange().isImplicit();
  }

  /** The error with the "(truncated?)" hint added when the table it came from was cut off ({@code cut} non-empty). */
  static PageFormatException hinted(PageFormatException e, String cut) {
    return cut.isEmpty() || e.getMessage().endsWith(cut) ? e : new PageFormatException(e.getMessage() + cut);
  }

  static String cellCount(int n) {
    return n == 1 ? "1 cell" : n + " cells";
  }

  /** A count as ECI writes it: digits, possibly grouped with commas ("14,25,712"); null when not such a number. */
  static Long count(String text) {
    int n = text.length();
    if (n == 0 || text.charAt(0) == ',' || text.charAt(n - 1) == ',') {
      return null;
    }
    long value = 0;
    int digits = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 15) {
          return null; // no seat has a quadrillion voters; refuse rather than overflow
        }
        value = value * 10 + (c - '0');
      } else if (c != ',' || text.charAt(i - 1) == ',') {
        return null;
      }
    }
    return value;
  }

  /** A short, printable excerpt of untrusted text for an error message. */
  static String excerpt(String s, int max) {
    String t = s.length() > max ? s.substring(0, max) + "..." : s;
    StringBuilder out = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      out.append(Character.isISOControl(c) || c == '\uFFFD' || Character.isSurrogate(c) ? '?' : c);
    }
    return out.toString();
  }
}
