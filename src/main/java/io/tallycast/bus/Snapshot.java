package io.tallycast.bus;

import io.tallycast.election.SeatStatus;
import java.time.Instant;
import java.util.List;

/**
 * One validated reading of one seat, as the scraper hands it to the store.
 *
 * @param sourceTime when the results site says the figures were updated (its "Last Updated" stamp, else fetch time)
 * @param correction true only when an operator accepted figures that go down (a correction); the store refuses
 *                   falling votes otherwise
 */
public record Snapshot(int seat, SeatStatus status, int roundsDone, int roundsTotal, List<SnapshotCandidate> candidates,
                       Instant sourceTime, Instant fetchedAt, String url, boolean correction) {
}
