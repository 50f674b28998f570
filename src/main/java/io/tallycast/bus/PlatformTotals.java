package io.tallycast.bus;

import java.time.Instant;

/**
 * A platform's own figures for one broadcast once it is over (YouTube Analytics {@code reports.query}); each may be
 * null when the platform does not give it.
 *
 * @param video the platform's id of the broadcast (a YouTube video id)
 */
public record PlatformTotals(String platform, String video, Instant fetchedAt, Double averageConcurrent,
                             Long peakConcurrent, Long minutesWatched) {
}
