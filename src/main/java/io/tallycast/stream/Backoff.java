package io.tallycast.stream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter between half and the whole delay, capped; reset by a connection that lasted. The
 * jitter keeps several destinations (and several tallycasts behind one uplink) from retrying in lockstep.
 */
final class Backoff {
  private final long baseMs;
  private final long maxMs;
  private int failures;

  Backoff(Duration base, Duration max) {
    this.baseMs = Math.max(1, base.toMillis());
    this.maxMs = Math.max(baseMs, max.toMillis());
  }

  void reset() {
    failures = 0;
  }

  long nextDelayMs() {
    long ceiling = Math.min(maxMs, baseMs << Math.min(failures, 20));
    failures++;
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }
}
