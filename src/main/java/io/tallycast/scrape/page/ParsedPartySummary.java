package io.tallycast.scrape.page;

import java.time.Instant;
import java.util.List;

/**
 * The party-wise summary page: seats won and leading per party. The totals are the page's own Total row (null when
 * the page has none); when present, the rows have been checked to add up to them.
 *
 * @param state      the state, from the title ("Tamil Nadu"); null when the page has no such title
 * @param seatsTotal the state's number of seats from the title's "(Total AC : 234)"; null when not shown
 */
public record ParsedPartySummary(List<ParsedPartyRow> rows, Integer totalWon, Integer totalLeading, Integer total,
                                 String lastUpdated, Instant sourceTime, String state, Integer seatsTotal) {
  /** Without the title's state and seat count, for callers that build summaries by hand. */
  public ParsedPartySummary(List<ParsedPartyRow> rows, Integer totalWon, Integer totalLeading, Integer total,
                            String lastUpdated, Instant sourceTime) {
    this(rows, totalWon, totalLeading, total, lastUpdated, sourceTime, null, null);
  }
}
