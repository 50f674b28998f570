package io.tallycast.scrape.page;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Tells which kind of ECI page a document is from its markup alone (never from the URL, whose prefixes change every
 * election): the 2019 {@code table.table-party}, a 2024-style table told apart by its header, or candidate cards; a
 * constituency page is 2026's when it shows the 2026 round box or footer.
 */
final class LayoutDetector {
  enum Kind {
    SEAT_2019(Eci2019SeatPageParser.LAYOUT, PageKind.CONSTITUENCY, "a 2019 constituency page"),
    SEAT_2024(TableSeatPageParser.Layout.ECI_2024.name, PageKind.CONSTITUENCY, "a constituency page"),
    SEAT_2026(TableSeatPageParser.Layout.ECI_2026.name, PageKind.CONSTITUENCY, "a constituency page"),
    SEAT_CARDS_2024(EciCardsSeatPageParser.LAYOUT, PageKind.CONSTITUENCY, "a candidate-cards page"),
    SEAT_CARDS_2026(Eci2026CardsSeatPageParser.LAYOUT, PageKind.CONSTITUENCY, "a candidate-cards page"),
    LIST(EciListPageParser.LAYOUT, PageKind.LIST, "a state-wise list page"),
    PARTY_SUMMARY(EciPartySummaryParser.LAYOUT, PageKind.PARTY_SUMMARY, "a party-wise summary page");

    final String layout;
    final PageKind pageKind;
    final String description;

    Kind(String layout, PageKind pageKind, String description) {
      this.layout = layout;
      this.pageKind = pageKind;
      this.description = description;
    }
  }

  /** The kind and the table that holds the data (null for cards). */
  record Detected(Kind kind, Element table) {
  }

  private LayoutDetector() {
  }

  /** The page's kind, or null when it is none of them. */
  static Detected detect(Document doc) {
    // One pass over the tables: a 2019 table-party wins wherever it is (its page has layout tables above it).
    Detected first = null;
    for (Element table : doc.getElementsByTag("table")) {
      if (table.hasClass("table-party")) {
        return new Detected(Kind.SEAT_2019, table);
      }
      Kind kind = first == null ? byHeader(table) : null;
      if (kind != null) {
        first = new Detected(kind == Kind.SEAT_2024 && is2026(doc) ? Kind.SEAT_2026 : kind, table);
      }
    }
    if (first != null) {
      return first;
    }
    if (doc.selectFirst("div.cand-box") != null) {
      return new Detected(is2026(doc) ? Kind.SEAT_CARDS_2026 : Kind.SEAT_CARDS_2024, null);
    }
    return null;
  }

  /**
   * A 2026 constituency page: the round box {@code div.round-status} or its words "Status of EVM Round", or the 2026
   * footer that puts the time in a span ("Last Updated at {@code <span>...</span>}"; 2024 wrote it in plain text).
   */
  private static boolean is2026(Document doc) {
    if (doc.selectFirst("div.round-status") != null || doc.selectFirst(":containsOwn(Status of EVM Round)") != null) {
      return true;
    }
    Element footer = doc.selectFirst(":containsOwn(Last Updated)");
    return footer != null && footer.selectFirst("> span") != null;
  }

  private static Kind byHeader(Element table) {
    List<Element> rows = PageText.rows(table);
    // The header is the first row with several cells (2019-style tables put a one-cell title above it).
    for (int i = 0; i < rows.size() && i < 4; i++) {
      List<Element> cells = PageText.cells(rows.get(i));
      if (cells.size() < 3) {
        continue;
      }
      boolean candidate = false;
      boolean votes = false;
      boolean leadingCandidate = false;
      boolean party = false;
      boolean won = false;
      for (Element c : cells) {
        String h = PageText.of(c).toLowerCase(Locale.ROOT);
        candidate |= h.equals("candidate");
        votes |= h.contains("votes");
        leadingCandidate |= h.equals("leading candidate");
        party |= h.contains("party");
        won |= h.equals("won");
      }
      if (candidate && votes) {
        return Kind.SEAT_2024;
      }
      if (leadingCandidate) {
        return Kind.LIST;
      }
      if (party && won) {
        return Kind.PARTY_SUMMARY;
      }
      return null;
    }
    return null;
  }
}
