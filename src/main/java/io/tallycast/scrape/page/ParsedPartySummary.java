package io.tallycast.scrape.page;

import java.time.Instant;
import java.util.List;

/**
 * The party-wise summary page: seats won and leading per party. The totals are the page's own Total row (null when
 * the page has none); when present, the rows have been checked to add up to them.
 */
public record ParsedPartySummary(List<ParsedPartyRow> rows, Integer totalWon, Integer totalLeading, Integer total,
                                 String lastUpdated, Instant sourceTime) {
}
