package io.tallycast.util;

/**
 * A per-second rate from a growing total, over the time since the previous reading (at least one second, so two
 * readers close together do not see noise). Thread-safe.
 */
public final class Rate {
  private long lastNanos = System.nanoTime();
  private long lastTotal;
  private double rate;

  public synchronized double perSecond(long total) {
    long now = System.nanoTime();
    long elapsed = now - lastNanos;
    if (elapsed >= 1_000_000_000L) {
      rate = (total - lastTotal) * 1e9 / elapsed;
      lastNanos = now;
      lastTotal = total;
    }
    return rate;
  }
}
