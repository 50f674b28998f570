package io.tallycast.scrape.page;

import java.time.Instant;
import java.util.List;

/**
 * A state-wise list page: its seat rows and the other list pages it links to (relative hrefs, as written).
 *
 * @param lastUpdated the page's "Last Updated at ..." line, verbatim
 * @param sourceTime  lastUpdated read as Indian Standard Time
 */
public record ParsedListPage(List<ParsedListRow> rows, List<String> pageLinks, String lastUpdated,
                             Instant sourceTime) {
  /** Without the parsed time, for callers that build pages by hand. */
  public ParsedListPage(List<ParsedListRow> rows, List<String> pageLinks, String lastUpdated) {
    this(rows, pageLinks, lastUpdated, null);
  }
}
