package io.tallycast.scrape.page;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Tells which kind of ECI page a document is from its markup alone (never from the URL, whose prefixes change every
 * election): the 2019 {@code table.table-party}, a 2024-style table told apart by its header, or candidate cards.
 */
final class LayoutDetector {
  enum Kind {
    SEAT_2019("a 2019 constituency page"),
    SEAT_2024("a constituency page"),
    SEAT_CARDS("a candidate-cards page"),
    LIST("a state-wise list page"),
    PARTY_SUMMARY("a party-wise summary page");

    final String description;

    Kind(String description) {
      this.description = description;
    }

    boolean isSeatPage() {
      return this == SEAT_2019 || this == SEAT_2024 || this == SEAT_CARDS;
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
        first = new Detected(kind, table);
      }
    }
    if (first != null) {
      return first;
    }
    if (doc.selectFirst("div.cand-box") != null) {
      return new Detected(Kind.SEAT_CARDS, null);
    }
    return null;
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
