package io.tallycast.scrape.page;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The 2024 Bootstrap layout (PcResultGenJune2024, and our replay site for assembly seats): title
 * {@code div.page-title h2 span} "12 - Krishnanagar" with the state in a {@code strong}, the candidate table in
 * {@code div.table-responsive} with a Total row as wide as its header, an optional {@code div.roundBtn} with status
 * and "Round 9/18", and a footer {@code .sm-text} "Last Updated at 08:55 am On 05/06/2024" (day first).
 */
final class Eci2024SeatPageParser {
  static final String LAYOUT = "eci-2024";

  private Eci2024SeatPageParser() {
  }

  static ParsedSeatPage parse(Document doc, Element table) throws PageFormatException {
    CandidateTable.Read read = CandidateTable.read(table, false);
    SeatHeading.Title title = SeatHeading.title(doc);
    if (title == null) {
      throw new PageFormatException("no constituency title ('12 - Name (State)') on page");
    }
    SeatHeading.Rounds rounds = SeatHeading.roundButton(doc);
    LastUpdated.Stamp stamp = LastUpdated.require(doc, ".sm-text", LastUpdated.DAY_FIRST);
    return new ParsedSeatPage(LAYOUT, title.seatNo(), title.seatName(), title.state(), read.candidates(), read.evm(),
        read.postal(), read.total(), stamp.text(), stamp.time(), rounds.done(), rounds.total(), rounds.status());
  }
}
