package io.tallycast.bus;

import java.time.Instant;

/**
 * A channel went off air and the store has closed its broadcast: what the report waits for (everything the stream and
 * the platforms said until then is stored).
 */
public record BroadcastEnded(long id, String channel, Instant started, Instant ended) {
}
