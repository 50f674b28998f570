package io.tallycast.stream;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A count over the last few seconds (dropped or repeated frames), in one-second buckets that the writer reuses as
 * time goes on: so health can tell a burst now from the same total spread over five hours. One writer (the clock
 * thread), any number of readers; a reader racing a bucket's reuse is off by that second at most.
 */
final class RecentCounts {
  private final int seconds;
  private final AtomicLongArray counts;
  private final AtomicLongArray stamps;

  RecentCounts(int seconds) {
    this.seconds = Math.max(1, seconds);
    this.counts = new AtomicLongArray(this.seconds + 1);
    this.stamps = new AtomicLongArray(this.seconds + 1);
    for (int i = 0; i < stamps.length(); i++) {
      stamps.set(i, Long.MIN_VALUE);
    }
  }

  void add(long n, long nowNanos) {
    long second = Math.floorDiv(nowNanos, 1_000_000_000L);
    int i = (int) Math.floorMod(second, (long) stamps.length());
    if (stamps.get(i) != second) {
      counts.set(i, 0);
      stamps.set(i, second);
    }
    counts.addAndGet(i, n);
  }

  /**
   * The count within the window: the current second and the {@code seconds - 1} before it (one bucket more than the
   * window is kept so the writer never clears a bucket a reader still counts).
   */
  long sum(long nowNanos) {
    long second = Math.floorDiv(nowNanos, 1_000_000_000L);
    long total = 0;
    for (int i = 0; i < stamps.length(); i++) {
      long stamp = stamps.get(i);
      if (stamp != Long.MIN_VALUE && second - stamp < seconds && stamp <= second) {
        total += counts.get(i);
      }
    }
    return total;
  }

  int seconds() {
    return seconds;
  }
}
