package io.tallycast.scrape.page;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The constituency pages that show a candidate table: the 2024 Bootstrap layout (PcResultGenJune2024) and the 2026
 * one (ConstituencywiseS25100.htm, ResultAcGenMay2026, and our replay site). Both carry the title
 * "Assembly Constituency 100 - HABRA (West Bengal)" and the table S.N. / Candidate / Party / EVM Votes / Postal Votes /
 * Total Votes / % of Votes, with a day-first "Last Updated at" footer. They differ in the few ways {@link Layout}
 * names.
 */
final class TableSeatPageParser {
  /** What one of the two layouts writes differently. */
  enum Layout {
    /**
     * 2024: status and "Round 9/18" in {@code div.roundBtn}, footer {@code .sm-text}, a Total row as wide as the
     * header.
     */
    ECI_2024("eci-2024", false, ".sm-text"),
    /**
     * 2026: "Status of EVM Round: 19/19" in {@code div.round-status}, footer "Last Updated at {@code <span>...</span>}"
     * in {@code .foot-content}, a Total row that may be shorter than the header; no status words (the list row has
     * them).
     */
    ECI_2026("eci-2026", true, ".foot-content");

    final String name;
    final boolean shortTotal;
    final String footer;

    Layout(String name, boolean shortTotal, String footer) {
      this.name = name;
      this.shortTotal = shortTotal;
      this.footer = footer;
    }
  }

  private TableSeatPageParser() {
  }

  static ParsedSeatPage parse(Document doc, Element table, Layout layout) throws PageFormatException {
    CandidateTable.Read read = CandidateTable.read(table, layout.shortTotal);
    SeatHeading.Title title = SeatHeading.title(doc);
    if (title == null) {
      throw new PageFormatException("no constituency title ('100 - Name (State)') on page");
    }
    SeatHeading.Rounds rounds = layout == Layout.ECI_2026 ? SeatHeading.roundStatus(doc) : SeatHeading.roundButton(doc);
    LastUpdated.Stamp stamp = LastUpdated.require(doc, layout.footer, LastUpdated.DAY_FIRST);
    // a candidate elected unopposed is the status itself, whatever the round box says (2024 wrote nothing there)
    String status = read.uncontested() ? EciStatuses.UNCONTESTED : layout == Layout.ECI_2026 ? null : rounds.status();
    return new ParsedSeatPage(layout.name, title.seatNo(), title.seatName(), title.state(), read.candidates(),
        read.evm(), read.postal(), read.total(), stamp.text(), stamp.time(), rounds.done(), rounds.total(), status);
  }
}
