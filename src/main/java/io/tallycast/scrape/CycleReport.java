package io.tallycast.scrape;

import java.util.List;

/**
 * What one scrape cycle did.
 *
 * @param listOk   every list page answered (fresh or unchanged): the site is up and readable
 * @param errors   operator-readable problems of this cycle (a page refused, a fetch failed); empty when all was good
 * @param warnings problems that did not cost data (slow answers)
 */
public record CycleReport(boolean listOk, int listPagesFetched, int listPagesUnchanged, int seatPagesFetched,
                          int snapshotsAccepted, int events, List<String> errors, List<String> warnings,
                          long slowestMillis, long millis) {
  /** All data was read and taken (warnings such as slow answers cost freshness, not data). */
  public boolean allGood() {
    return listOk && errors.isEmpty();
  }
}
