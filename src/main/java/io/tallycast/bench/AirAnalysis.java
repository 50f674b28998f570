package io.tallycast.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the aired pictures in order, with the time each went on air, and finds for each change the first picture that
 * shows it ({@link ChangeFinder}). Pictures of the quiet spell teach it what moves on its own ({@link NoiseMask});
 * then, for each change, the last picture aired before it is "before", the pictures aired until its window ends are
 * searched, and the last of them is the settled one. Only one change's window is held in memory at a time.
 */
final class AirAnalysis {
  /**
   * A change the bench made.
   *
   * @param at    System.nanoTime() of the change (commit or site change)
   * @param until end of its window: nothing else changed before it
   */
  record Change(String kind, long at, long until) {
  }

  /** A change's outcome: milliseconds from the change to the first picture on air showing it, or why none. */
  record Outcome(Change change, double millis, String missing) {
    boolean found() {
      return missing == null;
    }
  }

  /** The picture must have been still for this long before a change for the change to be measured. */
  private static final long STILL_NANOS = 1_000_000_000L;

  private final List<Change> changes;
  private final long quietFrom;
  private final long quietTo;
  private final NoiseMask noise;
  private final int width;
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<byte[]> window = new ArrayList<>();
  private final List<Long> windowAir = new ArrayList<>();
  /** The pictures of the last second or so, oldest first: what was on air just before a change. */
  private final java.util.ArrayDeque<Aired> recent = new java.util.ArrayDeque<>();
  private boolean[] mask;
  private byte[] before;
  private byte[] secondBefore;
  private int next;

  AirAnalysis(int width, int height, long quietFrom, long quietTo, List<Change> changes) {
    this.width = width;
    this.noise = new NoiseMask(width, height);
    this.quietFrom = quietFrom;
    this.quietTo = quietTo;
    this.changes = changes;
  }

  private record Aired(long at, byte[] luma) {
  }

  /** The next aired picture, in air order. */
  void picture(long airNanos, byte[] luma) {
    if (airNanos >= quietFrom && airNanos <= quietTo) {
      noise.add(luma);
    }
    while (!recent.isEmpty() && recent.peekFirst().at() < airNanos - STILL_NANOS - 500_000_000L) {
      recent.removeFirst();
    }
    while (next < changes.size()) {
      Change change = changes.get(next);
      if (airNanos <= change.at()) {
        recent.addLast(new Aired(airNanos, luma));
        before = luma;
        return;
      }
      if (airNanos <= change.until()) {
        if (window.isEmpty()) {
          secondBefore = recent.stream().filter(a -> a.at() >= change.at() - STILL_NANOS).map(Aired::luma)
              .findFirst().orElse(null);
        }
        recent.addLast(new Aired(airNanos, luma));
        window.add(luma);
        windowAir.add(airNanos);
        return;
      }
      conclude(change);
    }
  }

  /** Concludes the changes whose windows the recording ended in; returns every outcome, in the changes' order. */
  List<Outcome> finish() {
    while (next < changes.size()) {
      conclude(changes.get(next));
    }
    return outcomes;
  }

  /** Share of the picture that moved on its own in the quiet spell (and so is never searched). */
  double maskedShare() {
    return mask == null ? 0 : NoiseMask.share(mask);
  }

  int quietPictures() {
    return noise.pictures();
  }

  private void conclude(Change change) {
    if (mask == null) {
      // wide sideways: the clock's minutes sit a few digits left of its seconds, which the quiet spell saw move
      mask = noise.mask(2, Math.max(2, width / 16));
    }
    double windowSeconds = (change.until() - change.at()) / 1e9;
    if (before == null || window.isEmpty()) {
      outcomes.add(new Outcome(change, Double.NaN, "no picture aired around it"));
    } else if (secondBefore != null
        && ChangeFinder.region(secondBefore, before, mask).length >= ChangeFinder.MIN_REGION) {
      // what changes now cannot be told from what was still arriving: not measured, and said so
      outcomes.add(new Outcome(change, Double.NaN, "the picture was still changing in the second before it (an "
          + "earlier change arriving late?)"));
      before = window.get(window.size() - 1);
    } else {
      ChangeFinder.Found found = ChangeFinder.first(before, window, mask);
      if (found.visible()) {
        outcomes.add(new Outcome(change, (windowAir.get(found.index()) - change.at()) / 1e6, null));
      } else {
        outcomes.add(new Outcome(change, Double.NaN, String.format(java.util.Locale.ROOT,
            "nothing changed on air within %.1f s", windowSeconds)));
      }
      before = window.get(window.size() - 1);
    }
    window.clear();
    windowAir.clear();
    secondBefore = null;
    next++;
  }
}
