package io.tallycast.replay;

import io.tallycast.election.ElectionData;
import java.util.List;

/**
 * How a counting day unfolds for the replay site, as a pure function of simulated seconds since counting began (08:00
 * IST on the day): what each seat shows at any moment. Two kinds: {@link SyntheticCounting} makes a plausible day up
 * from the final result; {@link TimelineCounting} follows a real day's recorded timeline.
 */
public interface CountingModel {
  ElectionData data();

  /** The calendar of this day: when counting began and how the site writes its times. */
  CountingDay day();

  /** Seat numbers in AC-number order. */
  List<Integer> seatNumbers();

  /** Simulated seconds from 08:00 IST until the last change of any seat. */
  long totalDurationSeconds();

  default boolean finished(double elapsedSeconds) {
    return elapsedSeconds >= totalDurationSeconds();
  }

  /** What the site shows for the seat at that moment. */
  SeatView seatAt(int seat, double elapsedSeconds);

  /**
   * A number that grows whenever what the site shows for the seat changes (and only then): pages are rendered once per
   * version.
   */
  long versionAt(int seat, double elapsedSeconds);

  /**
   * Simulated seconds at which the site changes as a whole (the recorded snapshots of a real day), ascending; empty
   * when changes are spread over the day. A fast replay shows each of them for a minimum of wall time, so a scraper
   * polling the site sees every one (see {@link ReplayClock}).
   */
  default long[] moments() {
    return new long[0];
  }
}
