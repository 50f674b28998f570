package io.tallycast.scrape;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter between half and the whole delay, capped; reset by one success. */
final class Backoff {
  private final long baseMs;
  private final long maxMs;
  private int failures;

  Backoff(Duration base, Duration max) {
    this.baseMs = Math.max(1, base.toMillis());
    this.maxMs = Math.max(baseMs, max.toMillis());
  }

  long succeeded() {
    failures = 0;
    return baseMs;
  }

  long failed() {
    failures++;
    long ceiling = Math.min(maxMs, baseMs << Math.min(failures, 20));
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }

  int failures() {
    return failures;
  }
}
