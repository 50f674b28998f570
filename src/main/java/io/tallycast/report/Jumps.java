package io.tallycast.report;

import io.tallycast.report.AudienceFigures.Point;
import io.tallycast.store.NightRecord.TimedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The biggest rises of the total audience. For each point of the total (a step function), its rise is its value minus
 * the lowest value the total had in the {@link #SPAN} before it (starting from the latest moment it was that low);
 * the largest rises are taken greedily, biggest first, skipping any that overlaps one already taken, up to
 * {@link #TOP}. Each comes with the declarations and lead flips committed from {@link #BEFORE} before the rise began
 * until it ended: what the audience may have come for.
 */
public final class Jumps {
  static final Duration SPAN = Duration.ofMinutes(2);
  static final Duration BEFORE = Duration.ofMinutes(3);
  static final int TOP = 5;
  /** Events listed per jump; the rest are counted. */
  static final int EVENTS = 8;

  private Jumps() {
  }

  public static List<Summary.Jump> of(List<Point> total, List<TimedEvent> events, EventText text) {
    List<Candidate> candidates = new ArrayList<>();
    for (int j = 1; j < total.size(); j++) {
      lowestBefore(total, j).ifPresent(candidates::add);
    }
    candidates.sort(Comparator.comparingLong(Candidate::rise).reversed().thenComparing(Candidate::to));
    List<Candidate> taken = new ArrayList<>();
    for (Candidate c : candidates) {
      if (taken.size() == TOP) {
        break;
      }
      if (c.rise() > 0 && taken.stream().noneMatch(t -> t.from().isBefore(c.to()) && c.from().isBefore(t.to()))) {
        taken.add(c);
      }
    }
    List<Summary.Jump> out = new ArrayList<>();
    for (Candidate c : taken) {
      Instant since = c.from().minus(BEFORE);
      List<String> said = events.stream().filter(e -> !e.committed().isBefore(since) && !e.committed().isAfter(c.to()))
          .map(e -> text.describe(e.event())).flatMap(Optional::stream).toList();
      out.add(new Summary.Jump(c.from(), c.to(), c.fromViewers(), c.toViewers(),
          said.subList(0, Math.min(EVENTS, said.size())), Math.max(0, said.size() - EVENTS)));
    }
    return out;
  }

  private record Candidate(Instant from, Instant to, long fromViewers, long toViewers) {
    long rise() {
      return toViewers - fromViewers;
    }
  }

  /** The rise into point j from the lowest value of the SPAN before it; none when no earlier point is in reach. */
  private static Optional<Candidate> lowestBefore(List<Point> total, int j) {
    Point end = total.get(j);
    Instant reach = end.at().minus(SPAN);
    Point low = null;
    Instant lowAt = null;
    for (int i = j - 1; i >= 0; i--) {
      Point p = total.get(i);
      // the point holding at the start of the span counts, from the span's start
      Instant at = p.at().isBefore(reach) ? reach : p.at();
      if (low == null || p.viewers() < low.viewers()) {
        low = p;
        lowAt = at;
      }
      if (!p.at().isAfter(reach)) {
        break;
      }
    }
    return low == null ? Optional.empty()
        : Optional.of(new Candidate(lowAt, end.at(), low.viewers(), end.viewers()));
  }
}
