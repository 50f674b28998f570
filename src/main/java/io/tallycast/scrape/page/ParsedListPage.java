package io.tallycast.scrape.page;

import java.time.Instant;
import java.util.List;

/**
 * A state-wise list page: its seat rows (in page order: ECI sorts them by name) and the other list pages it links to
 * (relative hrefs, as written). What the page does not show is null.
 *
 * @param lastUpdated the page's "Last Updated at ..." line, verbatim
 * @param sourceTime  lastUpdated read as Indian Standard Time
 * @param state       the state the page is for, from its title ("Tamil Nadu")
 * @param statusKnown N in the page's "Status Known For N out of M Constituencies"
 * @param seatsTotal  M in that line: the state's number of seats
 * @param pageCount   the highest page number the pagination links to
 * @param warnings    what the page shows that tallycast keeps but does not understand (an unknown status), one line
 *                    each naming the row and the seat; empty when none
 */
public record ParsedListPage(List<ParsedListRow> rows, List<String> pageLinks, String lastUpdated, Instant sourceTime,
                             String state, Integer statusKnown, Integer seatsTotal, Integer pageCount,
                             List<String> warnings) {
  public ParsedListPage {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Without the 2026 header fields, for callers that build pages by hand. */
  public ParsedListPage(List<ParsedListRow> rows, List<String> pageLinks, String lastUpdated, Instant sourceTime) {
    this(rows, pageLinks, lastUpdated, sourceTime, null, null, null, null, List.of());
  }

  /** Without the parsed time, for callers that build pages by hand. */
  public ParsedListPage(List<ParsedListRow> rows, List<String> pageLinks, String lastUpdated) {
    this(rows, pageLinks, lastUpdated, null);
  }
}
