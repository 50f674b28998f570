package io.tallycast.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The latency bench's table: per kind of change, how many were made and seen on air, median, p95 and max from the
 * change to the first aired picture showing it, and the targets. A change never seen counts as infinitely late, so it
 * can only make a percentile worse, never vanish from it.
 */
final class LatencyReport {
  static final String OPERATOR = "operator";
  static final String SITE = "site";

  private LatencyReport() {
  }

  /** Percentile by nearest rank over every change; a missing one (NaN) counts as infinite. */
  static double percentile(double[] millis, double p) {
    if (millis.length == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.stream(millis).map(m -> Double.isNaN(m) ? Double.POSITIVE_INFINITY : m).sorted()
        .toArray();
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static double median(double[] millis) {
    double[] sorted = Arrays.stream(millis).map(m -> Double.isNaN(m) ? Double.POSITIVE_INFINITY : m).sorted()
        .toArray();
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double[] millis(List<AirAnalysis.Outcome> outcomes, String kind) {
    return outcomes.stream().filter(o -> o.change().kind().equals(kind)).mapToDouble(AirAnalysis.Outcome::millis)
        .toArray();
  }

  /** Prints the table and the verdicts; returns whether every target was met. */
  static boolean print(PrintStream out, List<AirAnalysis.Outcome> outcomes, long intervalMillis,
                       double[] roundTripMillis) {
    double[] operator = millis(outcomes, OPERATOR);
    double[] site = millis(outcomes, SITE);
    String row = "%-34s%8s%8s%9s%10s%10s%10s%n";
    out.printf(row, "", "changes", "on air", "missing", "median", "p95", "max");
    line(out, row, "commit-to-air (operator override)", operator);
    line(out, row, "site-to-air (replay site change)", site);
    out.printf(Locale.ROOT, "(commit time: when the override API answered; the store committed within the call, whose "
        + "round trip took median %.0f ms, max %.0f ms)%n", median(roundTripMillis), percentile(roundTripMillis, 100));
    outcomes.stream().filter(o -> !o.found()).forEach(o -> out.printf("missing: %s change: %s%n", o.change().kind(),
        o.missing()));
    long siteTarget = intervalMillis + 1000;
    boolean a = verdict(out, "commit-to-air median < 500 ms", median(operator), 500);
    boolean b = verdict(out, "commit-to-air p95 < 1000 ms", percentile(operator, 95), 1000);
    boolean c = verdict(out, "site-to-air median < scrape interval + 1 s = " + siteTarget + " ms", median(site),
        siteTarget);
    boolean d = verdict(out, "site-to-air p95 < scrape interval + 1 s = " + siteTarget + " ms",
        percentile(site, 95), siteTarget);
    return a && b && c && d;
  }

  private static void line(PrintStream out, String row, String label, double[] millis) {
    long found = Arrays.stream(millis).filter(m -> !Double.isNaN(m)).count();
    out.printf(row, label, millis.length, found, millis.length - found, ms(median(millis)),
        ms(percentile(millis, 95)), ms(percentile(millis, 100)));
    out.printf("   each (ms, in order): %s%n", String.join(" ", Arrays.stream(millis)
        .mapToObj(m -> Double.isNaN(m) ? "never" : String.valueOf(Math.round(m))).toList()));
  }

  private static boolean verdict(PrintStream out, String target, double value, double limit) {
    boolean met = value < limit;
    out.printf("target: %s: %s (%s)%n", target, met ? "met" : "NOT met", ms(value));
    return met;
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : Double.isInfinite(value) ? "never" : Math.round(value) + " ms";
  }
}
