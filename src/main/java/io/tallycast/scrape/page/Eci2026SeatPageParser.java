package io.tallycast.scrape.page;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The 2026 table page ("ConstituencywiseS25100.htm", ResultAcGenMay2026, and our replay site): the 2024 title
 * ("Assembly Constituency 100 - HABRA (West Bengal)"), the round in {@code div.round-status} ("Status of EVM Round:
 * 19/19"), the table S.N. / Candidate / Party / EVM Votes / Postal Votes / Total Votes / % of Votes, a Total row that
 * may be shorter than the header ("Total, blank, EVM, postal, total") and the footer "Last Updated at
 * {@code <span>08:42 PM On 04/05/2026</span>}" (day first). The page writes no status words: the list row has them.
 */
final class Eci2026SeatPageParser {
  static final String LAYOUT = "eci-2026";

  private Eci2026SeatPageParser() {
  }

  static ParsedSeatPage parse(Document doc, Element table) throws PageFormatException {
    CandidateTable.Read read = CandidateTable.read(table, true);
    SeatHeading.Title title = SeatHeading.title(doc);
    if (title == null) {
      throw new PageFormatException("no constituency title ('100 - Name (State)') on page");
    }
    SeatHeading.Rounds rounds = SeatHeading.roundStatus(doc);
    LastUpdated.Stamp stamp = LastUpdated.require(doc, ".foot-content", LastUpdated.DAY_FIRST);
    return new ParsedSeatPage(LAYOUT, title.seatNo(), title.seatName(), title.state(), read.candidates(), read.evm(),
        read.postal(), read.total(), stamp.text(), stamp.time(), rounds.done(), rounds.total(), null);
  }
}
