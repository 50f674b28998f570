package io.tallycast.replay;

import java.util.Arrays;

/**
 * How simulated time follows wall time: {@code speed} simulated seconds per wall second, except that each of a real
 * day's recorded moments stays on the site for at least {@code minDwellMillis} of wall time. At 2000x a real day's
 * snapshots, a minute or two apart, would otherwise last a few tens of milliseconds each, and a scraper polling every
 * quarter second would miss leads that changed and changed back. Between two moments closer than the dwell the clock
 * runs slower; elsewhere at full speed.
 *
 * @param moments        simulated seconds at which the site changes as a whole, strictly ascending
 * @param minDwellMillis wall milliseconds each moment stays on the site at least; 0 = no pacing
 */
public record Pacing(long[] moments, long minDwellMillis) {
  public static final Pacing NONE = new Pacing(new long[0], 0);

  public Pacing {
    if (minDwellMillis < 0) {
      throw new IllegalArgumentException("a dwell cannot be negative: " + minDwellMillis);
    }
    moments = Arrays.stream(moments).distinct().sorted().toArray();
  }

  /** Simulated seconds reached from {@code from} after {@code wallMillis} of wall time at {@code speed}. */
  double advance(double from, double wallMillis, double speed) {
    if (minDwellMillis == 0 || moments.length < 2 || wallMillis <= 0) {
      return from + Math.max(0, wallMillis) * speed / 1000.0;
    }
    double dwellSeconds = minDwellMillis / 1000.0;
    double at = from;
    double wall = wallMillis / 1000.0;
    int segment = segmentOf(at);
    while (segment < moments.length - 1) {
      // before the first moment the day runs at full speed; between two moments no faster than the dwell allows
      double end = moments[segment + 1];
      double rate = segment < 0 ? speed : Math.min(speed, (end - moments[segment]) / dwellSeconds);
      double needed = (end - at) / rate;
      if (wall <= needed) {
        return at + wall * rate;
      }
      wall -= needed;
      at = end;
      segment++;
    }
    return at + wall * speed;
  }

  /** The index of the last moment at or before {@code at}, -1 before the first. */
  private int segmentOf(double at) {
    int i = Arrays.binarySearch(moments, (long) Math.floor(at));
    return i >= 0 ? i : -i - 2;
  }
}
