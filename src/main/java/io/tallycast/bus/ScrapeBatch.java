package io.tallycast.bus;

import java.util.List;

/** What one scrape cycle hands the store: new snapshots and the raw pages that changed. Written in one transaction. */
public record ScrapeBatch(List<Snapshot> snapshots, List<ArchivedPage> pages) {
}
