package io.tallycast.report;

import io.tallycast.bus.ViewerReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The audience of one window [start, end] from the platforms' viewer readings in it.
 *
 * <p>Each LIVE reading of a platform holds its figure from its time t_i until the first of: the platform's next
 * reading (a HIDDEN, ENDED or FAILED one ends the hold: no figure), t_i + 2 x the platform's median interval between
 * readings (a collector that stopped asking is not taken to have seen the same audience for hours; with fewer than
 * two readings the collector's 30 s default stands for the median), and the window's end. Per platform:
 * <ul>
 *   <li>minutes watched = sum of viewers_i x hold_i (in minutes);</li>
 *   <li>minutes covered = sum of hold_i of its LIVE readings;</li>
 *   <li>average concurrent viewers = minutes watched / minutes covered (time-weighted);</li>
 *   <li>peak = the highest LIVE figure.</li>
 * </ul>
 * The total is a step function: at every instant where some hold starts or ends, the sum of each platform's held
 * figure (0 where none holds). Peak total = its highest value; total minutes watched = the sum of the platforms'
 * minutes; average total = total minutes watched / the minutes during which at least one platform held a figure.
 */
public final class AudienceFigures {
  /** The viewer collector's default interval: the median of a platform read fewer than twice. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  private AudienceFigures() {
  }

  /** The total (or one platform's figure) from this moment until the next point. */
  public record Point(Instant at, long viewers) {
  }

  /** A LIVE figure held over [from, to). */
  record Hold(Instant from, Instant to, long viewers) {
  }

  /** The figures and the step functions behind them (for the charts and the jumps). */
  public record Audience(List<Summary.Platform> platforms, Summary.Total total, List<Point> totalSteps,
                         Map<String, List<Point>> platformSteps) {
  }

  public static Audience of(List<ViewerReading> readings, Instant start, Instant end) {
    Map<String, List<ViewerReading>> byPlatform = new TreeMap<>();
    for (ViewerReading r : readings) {
      if (!r.at().isBefore(start) && !r.at().isAfter(end)) {
        byPlatform.computeIfAbsent(r.platform(), p -> new ArrayList<>()).add(r);
      }
    }
    List<Summary.Platform> platforms = new ArrayList<>();
    Map<String, List<Hold>> holds = new TreeMap<>();
    for (Map.Entry<String, List<ViewerReading>> e : byPlatform.entrySet()) {
      List<ViewerReading> samples = e.getValue();
      samples.sort(Comparator.comparing(ViewerReading::at));
      List<Hold> h = holds(samples, end);
      holds.put(e.getKey(), h);
      double watched = h.stream().mapToDouble(x -> x.viewers() * minutes(x)).sum();
      double covered = h.stream().mapToDouble(AudienceFigures::minutes).sum();
      long peak = samples.stream().filter(r -> r.kind() == ViewerReading.Kind.LIVE).mapToLong(ViewerReading::viewers)
          .max().orElse(0);
      platforms.add(new Summary.Platform(e.getKey(), peak, covered > 0 ? watched / covered : 0, watched, covered,
          samples.size()));
    }
    Map<String, List<Point>> platformSteps = new TreeMap<>();
    holds.forEach((platform, h) -> platformSteps.put(platform, steps(Map.of(platform, h)).points()));
    Steps total = steps(holds);
    double watched = platforms.stream().mapToDouble(Summary.Platform::minutesWatched).sum();
    long peak = total.points().stream().mapToLong(Point::viewers).max().orElse(0);
    Summary.Total t = platforms.isEmpty() ? Summary.Total.NONE
        : new Summary.Total(peak, total.covered() > 0 ? watched / total.covered() : 0, watched, total.covered());
    return new Audience(platforms, t, total.points(), platformSteps);
  }

  /** A platform's LIVE holds, oldest first (see the class comment). */
  static List<Hold> holds(List<ViewerReading> samples, Instant end) {
    Duration cap = medianInterval(samples).multipliedBy(2);
    List<Hold> out = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      ViewerReading r = samples.get(i);
      if (r.kind() != ViewerReading.Kind.LIVE) {
        continue;
      }
      Instant to = r.at().plus(cap);
      if (i + 1 < samples.size() && samples.get(i + 1).at().isBefore(to)) {
        to = samples.get(i + 1).at();
      }
      if (end.isBefore(to)) {
        to = end;
      }
      if (to.isAfter(r.at())) {
        out.add(new Hold(r.at(), to, r.viewers()));
      }
    }
    return out;
  }

  /** The median gap between a platform's consecutive readings (the lower middle one of an even count). */
  static Duration medianInterval(List<ViewerReading> samples) {
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < samples.size(); i++) {
      Duration gap = Duration.between(samples.get(i - 1).at(), samples.get(i).at());
      if (!gap.isZero()) {
        gaps.add(gap);
      }
    }
    if (gaps.isEmpty()) {
      return DEFAULT_INTERVAL;
    }
    gaps.sort(Comparator.naturalOrder());
    return gaps.get((gaps.size() - 1) / 2);
  }

  private record Steps(List<Point> points, double covered) {
  }

  /** The sum of the holds as a step function, and the minutes during which at least one of them holds. */
  private static Steps steps(Map<String, List<Hold>> holds) {
    TreeSet<Instant> moments = new TreeSet<>();
    holds.values().forEach(list -> list.forEach(h -> {
      moments.add(h.from());
      moments.add(h.to());
    }));
    List<Point> points = new ArrayList<>();
    Map<String, Integer> next = new TreeMap<>();
    double coveredMs = 0;
    Instant previous = null;
    boolean previousHeld = false;
    for (Instant t : moments) {
      if (previous != null && previousHeld) {
        coveredMs += Duration.between(previous, t).toMillis();
      }
      long sum = 0;
      boolean held = false;
      for (Map.Entry<String, List<Hold>> e : holds.entrySet()) {
        List<Hold> list = e.getValue();
        int i = next.getOrDefault(e.getKey(), 0);
        while (i < list.size() && !list.get(i).to().isAfter(t)) {
          i++; // holds are in time order and do not overlap: the ones over by t are over for good
        }
        next.put(e.getKey(), i);
        if (i < list.size() && !list.get(i).from().isAfter(t)) {
          sum += list.get(i).viewers();
          held = true;
        }
      }
      if (points.isEmpty() || points.get(points.size() - 1).viewers() != sum) {
        points.add(new Point(t, sum));
      }
      previous = t;
      previousHeld = held;
    }
    return new Steps(points, coveredMs / 60_000.0);
  }

  private static double minutes(Hold h) {
    return Duration.between(h.from(), h.to()).toMillis() / 60_000.0;
  }
}
