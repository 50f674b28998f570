package io.tallycast.bench;

import io.tallycast.election.SeatStatus;
import io.tallycast.replay.CandidateCount;
import io.tallycast.replay.CountingModel;
import io.tallycast.replay.SeatView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where to put the replay's clock so that each step forward changes what the overlay shows: a moment with some seats
 * declared (so an operator can override a declared one) and counting still going on, then the following moments at
 * which some seat's leader or status changes (its colour on the map, the tally's won and leading figures). A step to
 * a moment where only vote counts moved could change nothing visible, and would be measured as missing.
 */
final class SiteSteps {
  /** Simulated seconds scanned between two looks when the model has no recorded moments. */
  private static final long GRID_SECONDS = 30;

  private SiteSteps() {
  }

  /** The simulated second to start at (a fifth of the seats declared), then {@code count} steps, ascending. */
  static List<Long> plan(CountingModel model, int count) {
    long[] times = candidates(model);
    int seats = model.seatNumbers().size();
    List<Long> plan = new ArrayList<>();
    List<String> shown = null;
    for (long t : times) {
      if (plan.isEmpty()) {
        if (declared(model, t) >= seats / 5) {
          plan.add(t);
          shown = visible(model, t);
        }
        continue;
      }
      List<String> now = visible(model, t);
      if (!now.equals(shown)) {
        plan.add(t);
        shown = now;
        if (plan.size() == count + 1) {
          return plan;
        }
      }
    }
    throw new IllegalStateException("the counting day has " + Math.max(0, plan.size() - 1) + " visible changes after "
        + "a fifth of the seats are declared, fewer than the " + count + " asked");
  }

  private static long[] candidates(CountingModel model) {
    long[] moments = model.moments();
    if (moments.length > 0) {
      return moments;
    }
    long end = model.totalDurationSeconds();
    long[] grid = new long[(int) (end / GRID_SECONDS) + 1];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = i * GRID_SECONDS;
    }
    return grid;
  }

  static int declared(CountingModel model, long t) {
    int n = 0;
    for (int seat : model.seatNumbers()) {
      n += model.seatAt(seat, t).status() == SeatStatus.DECLARED ? 1 : 0;
    }
    return n;
  }

  /** Per seat, what the map and the tally show of it: its status and its leading party. */
  private static List<String> visible(CountingModel model, long t) {
    List<String> out = new ArrayList<>();
    for (int seat : model.seatNumbers()) {
      SeatView view = model.seatAt(seat, t);
      String leader = view.candidates().stream().filter(c -> !c.isNota() && c.total() > 0).findFirst()
          .map(CandidateCount::party).orElse(null);
      out.add(view.status() + "/" + Objects.toString(leader, "-"));
    }
    return out;
  }
}
