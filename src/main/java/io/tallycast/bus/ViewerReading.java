package io.tallycast.bus;

import java.time.Instant;

/**
 * One look at one platform's audience: how many watch now, or why there is no figure. A hidden count and an ended
 * broadcast are readings, not failures: the platform answered, it just has no number to give.
 *
 * @param viewers concurrent viewers, null unless {@link Kind#LIVE}
 * @param problem what an operator reads when there is no figure (never a credential), null when live
 */
public record ViewerReading(String platform, Instant at, Kind kind, Integer viewers, String problem) {
  /** What the platform said. */
  public enum Kind {
    /** A current concurrent-viewer figure. */
    LIVE,
    /** The broadcast is live but its owner hides the count. */
    HIDDEN,
    /** The broadcast is over (or not started): no concurrent viewers any more. */
    ENDED,
    /** Refused (quota, credentials) or unreachable: health says which. */
    FAILED
  }

  public static ViewerReading live(String platform, Instant at, int viewers) {
    return new ViewerReading(platform, at, Kind.LIVE, viewers, null);
  }

  public static ViewerReading without(String platform, Instant at, Kind kind, String why) {
    return new ViewerReading(platform, at, kind, null, why);
  }
}
