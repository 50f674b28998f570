package io.tallycast.bench;

import java.util.List;
import java.util.Locale;

/**
 * What a peer received over a window, from its video timestamps: how many frames, against how many the window holds
 * at the target rate, and the largest gap between two consecutive frames. A timeline is exact when the count is the
 * window's within one frame and no gap is a hole (longer than one and a half frame periods: FLV keeps milliseconds,
 * so one period at 30 fps shows as 33 or 34 ms).
 */
public record FrameTimeline(double fromSeconds, double seconds, int fps, int frames, long expected,
                            double maxGapSeconds) {

  /** Checks the timestamps (seconds, in any order) that fall in [from, from + seconds). */
  public static FrameTimeline of(List<Double> timestamps, double from, double seconds, int fps) {
    double[] inside = timestamps.stream().mapToDouble(Double::doubleValue)
        .filter(t -> t >= from && t < from + seconds).sorted().toArray();
    double gap = 0;
    for (int i = 1; i < inside.length; i++) {
      gap = Math.max(gap, inside[i] - inside[i - 1]);
    }
    return new FrameTimeline(from, seconds, fps, inside.length, Math.round(seconds * fps), gap);
  }

  public double period() {
    return 1.0 / fps;
  }

  /** Frames per second received in the window. */
  public double receivedFps() {
    return seconds <= 0 ? 0 : frames / seconds;
  }

  public boolean countExact() {
    return Math.abs(frames - expected) <= 1;
  }

  public boolean hasHole() {
    return maxGapSeconds > 1.5 * period();
  }

  public boolean exact() {
    return frames > 0 && countExact() && !hasHole();
  }

  /** E.g. "599/600 frames, largest gap 34 ms (one frame 33.3 ms): exact". */
  public String summary() {
    return String.format(Locale.ROOT, "%d/%d frames, largest gap %.0f ms (one frame %.1f ms): %s", frames, expected,
        maxGapSeconds * 1000, period() * 1000, exact() ? "exact" : hasHole() ? "HOLE" : frames == 0 ? "NOTHING"
            : "count off");
  }
}
