package io.tallycast.util;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, shared by the scraper and the stream's outputs: the n-th failure in a row waits
 * between half and all of {@code first × 2^(n-1)}, capped at {@code max}. The jitter keeps retries (several stream
 * destinations, several tallycasts behind one uplink) from falling into lockstep. Not thread-safe: one owner.
 */
public final class Backoff {
  private final long firstMs;
  private final long maxMs;
  private int failures;

  public Backoff(Duration first, Duration max) {
    this.firstMs = Math.max(1, first.toMillis());
    this.maxMs = Math.max(firstMs, max.toMillis());
  }

  /** After a success (or a connection that lasted): the next failure starts again from the first delay. */
  public void reset() {
    failures = 0;
  }

  /** Failures in a row so far. */
  public int failures() {
    return failures;
  }

  /** Counts a failure and returns how long to wait, in milliseconds, before trying again. */
  public long failed() {
    long ceiling = Math.min(maxMs, firstMs << Math.min(failures, 20));
    failures++;
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }
}
