package io.tallycast.bus;

import java.util.List;

/**
 * What one scrape cycle of one state hands the store: new snapshots of that state's seats and the raw pages that
 * changed. Written in one transaction.
 *
 * @param state ECI's code of the state ("S25"): every snapshot's seat number is that state's
 */
public record ScrapeBatch(String state, List<Snapshot> snapshots, List<ArchivedPage> pages) {
}
