package io.tallycast.stream;

/**
 * Decides, from the clock thread's own timing, when the encoder must step down to cheaper settings and when it may
 * step back up. Each second it looks at how much of the frame time the work took (conversion and encoding, wall
 * time, so a machine busy with something else counts) and how late the frames started:
 * <ul>
 *   <li>down one level after two seconds in a row above {@link #DOWN_LOAD} of the frame time, or at once when a frame
 *       started more than {@link #DOWN_LATE_NANOS} late (the clock is catching up: the next stall would drop);</li>
 *   <li>up one level after {@link #UP_CALM_SECONDS} calm seconds in a row (below {@link #UP_LOAD}, never more than
 *       two frames late). The gap between the thresholds is the hysteresis: one level costs up to twice the next
 *       one's work, so a calm level is still below the down threshold once stepped up;</li>
 *   <li>no change within {@link #SETTLE_SECONDS} of the last one: a new preset takes over at the next keyframe (up to
 *       2 s) and must show its cost before it is judged.</li>
 * </ul>
 * Plain arithmetic on the numbers it is given, so the tests feed it made-up seconds.
 */
final class EncoderLoad {
  static final double DOWN_LOAD = 0.8;
  static final long DOWN_LATE_NANOS = 400_000_000L;
  static final double UP_LOAD = 0.35;
  static final int UP_CALM_SECONDS = 30;
  static final int SETTLE_SECONDS = 4;

  private final int fps;
  private final long period;
  private int maxLevel;
  private int level;
  private int ticks;
  private long work;
  private long late;
  private int busySeconds;
  private int calmSeconds;
  private int secondsSinceChange = SETTLE_SECONDS;
  private volatile double lastLoad;

  EncoderLoad(int fps, int maxLevel) {
    this.fps = fps;
    this.period = 1_000_000_000L / fps;
    this.maxLevel = maxLevel;
  }

  /** One frame: how long its work took and how late it started (nanos); returns the level wanted now. */
  int tick(long workNanos, long lateNanos) {
    ticks++;
    work += workNanos;
    late = Math.max(late, lateNanos);
    if (ticks == fps) {
      judgeSecond();
      ticks = 0;
      work = 0;
      late = 0;
    }
    return level;
  }

  private void judgeSecond() {
    double load = (double) work / (ticks * period);
    lastLoad = load;
    secondsSinceChange++;
    boolean busy = load > DOWN_LOAD || late > DOWN_LATE_NANOS;
    busySeconds = busy ? busySeconds + 1 : 0;
    calmSeconds = load < UP_LOAD && late <= 2 * period ? calmSeconds + 1 : 0;
    if (secondsSinceChange < SETTLE_SECONDS) {
      return;
    }
    if (level < maxLevel && (busySeconds >= 2 || late > DOWN_LATE_NANOS)) {
      change(level + 1);
    } else if (level > 0 && calmSeconds >= UP_CALM_SECONDS) {
      change(level - 1);
    }
  }

  private void change(int to) {
    level = to;
    secondsSinceChange = 0;
    busySeconds = 0;
    calmSeconds = 0;
  }

  /** The ladder found it cannot go below this level. */
  void limit(int max) {
    maxLevel = max;
    level = Math.min(level, max);
  }

  int level() {
    return level;
  }

  /** The work's share of the frame time over the last second (1.0 = a whole frame's time). */
  double load() {
    return lastLoad;
  }
}
