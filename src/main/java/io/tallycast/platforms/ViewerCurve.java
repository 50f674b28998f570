package io.tallycast.platforms;

import java.util.List;

/**
 * A scripted audience: concurrent viewers through the counting day, straight lines between knots (hours since counting
 * began, viewers), with a small ripple so a chart of it looks like a real night and two platforms never move in step.
 * The same hours give the same figure: a run can be checked against the stored samples.
 */
public record ViewerCurve(List<Knot> knots, double ripple, double phase) {
  /** At {@code hours} into the count, {@code viewers} watch. */
  public record Knot(double hours, int viewers) {
  }

  public ViewerCurve {
    knots = List.copyOf(knots);
    if (knots.isEmpty()) {
      throw new IllegalArgumentException("a curve needs at least one knot");
    }
    for (int i = 1; i < knots.size(); i++) {
      if (knots.get(i).hours() <= knots.get(i - 1).hours()) {
        throw new IllegalArgumentException("a curve's knots must be in time order");
      }
    }
  }

  /** Viewers at this moment of the count (before the first knot its figure, after the last the last's). */
  public int at(double hours) {
    double base = knots.get(knots.size() - 1).viewers();
    if (hours <= knots.get(0).hours()) {
      base = knots.get(0).viewers();
    } else {
      for (int i = 1; i < knots.size(); i++) {
        Knot a = knots.get(i - 1);
        Knot b = knots.get(i);
        if (hours <= b.hours()) {
          base = a.viewers() + (b.viewers() - a.viewers()) * (hours - a.hours()) / (b.hours() - a.hours());
          break;
        }
      }
    }
    double wiggle = 1 + ripple * Math.sin(hours * 9.7 + phase) * Math.cos(hours * 2.3 + phase / 2);
    return (int) Math.max(0, Math.round(base * wiggle));
  }

  /** A counting day's audience at {@code scale} (YouTube 1.0): a morning rush, a peak as trends settle, a long tail. */
  public static ViewerCurve countingDay(double scale, double phase) {
    int[][] knots = {{0, 3_000}, {1, 14_000}, {2, 31_000}, {3, 44_000}, {4, 58_000}, {5, 49_000}, {6, 41_000},
        {8, 26_000}, {10, 12_000}, {12, 6_000}};
    return new ViewerCurve(java.util.Arrays.stream(knots)
        .map(k -> new Knot(k[0], (int) Math.round(k[1] * scale))).toList(), 0.04, phase);
  }
}
