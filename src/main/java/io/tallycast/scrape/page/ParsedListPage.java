package io.tallycast.scrape.page;

import java.util.List;

/** A state-wise list page: its seat rows and the other list pages it links to (relative hrefs, as written). */
public record ParsedListPage(List<ParsedListRow> rows, List<String> pageLinks, String lastUpdated) {
}
