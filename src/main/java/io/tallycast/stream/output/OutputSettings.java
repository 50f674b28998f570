package io.tallycast.stream.output;

import java.time.Duration;

/**
 * How each destination is kept: its bounds on opening and on a stalled write, its reconnect backoff, the packets it
 * may queue behind the encoder, and the socket send buffer it asks for (see {@code StreamConfig#sendBufferBytes}).
 */
public record OutputSettings(int fps, Duration startTimeout, Duration rwTimeout, Duration backoffBase,
                             Duration backoffMax, int queuePackets, int sendBufferBytes) {
}
