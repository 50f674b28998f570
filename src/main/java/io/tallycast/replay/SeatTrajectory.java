package io.tallycast.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Every candidate's figures at each step of one seat's count, made to agree exactly with what a real day recorded of
 * it: at each recorded step the named leader leads the named runner-up by exactly the recorded margin and everyone
 * else trails the runner-up; no figure ever goes down; a declared step shows the final result exactly. Between those
 * constraints each candidate moves with the share of rounds counted, so the page looks like a real count.
 *
 * <p>Feasibility is planned backwards first (how high each candidate may be at a step without making a later step
 * impossible), then figures are chosen forwards as low as the targets allow. Should a recording still be impossible,
 * the runner-up is held where it must be and the step counts as relaxed: the replay goes on, and a test holds the
 * real data to zero relaxed steps.
 */
final class SeatTrajectory {
  /** A candidate's final figures; EVM and postal add up to the total. */
  record Final(String name, String party, long evm, long postal) {
    long total() {
      return evm + postal;
    }
  }

  /**
   * One step of the count. {@code leader} and {@code trailer} index {@link Final}s (-1: none shown); {@code declared}
   * steps show the final result; {@code interpolate} steps move every figure a share {@code towardsFinal} of the way
   * from the previous step to the final result.
   */
  record Step(int leader, int trailer, long margin, int done, int total, boolean declared, double towardsFinal) {
    static Step recorded(int leader, int trailer, long margin, int done, int total) {
      return new Step(leader, trailer, margin, done, total, false, -1);
    }

    /** Nothing shown yet (or a count that never started, such as a repoll): no votes. */
    static Step none(int done, int total) {
      return new Step(-1, -1, 0, done, total, false, -1);
    }

    static Step declared(int done, int total) {
      return new Step(-1, -1, 0, done, total, true, -1);
    }

    static Step towardsFinal(double share, int done, int total) {
      return new Step(-1, -1, 0, done, total, false, share);
    }

    boolean hasLeader() {
      return leader >= 0;
    }

    boolean interpolated() {
      return towardsFinal >= 0;
    }
  }

  /** The figures per step (candidate totals in {@link Final} order) and how many steps had to be relaxed. */
  record Plan(List<long[]> totals, int relaxedSteps) {
  }

  private SeatTrajectory() {
  }

  static Plan plan(List<Final> finals, int finalRounds, List<Step> steps) {
    int n = finals.size();
    long[] last = new long[n];
    for (int c = 0; c < n; c++) {
      last[c] = finals.get(c).total();
    }
    long[][] ceiling = ceilings(last, steps);
    List<long[]> out = new ArrayList<>(steps.size());
    long[] prev = new long[n];
    int relaxed = 0;
    for (int k = 0; k < steps.size(); k++) {
      Step s = steps.get(k);
      long[] now;
      if (s.declared()) {
        now = last.clone();
      } else if (s.interpolated()) {
        now = new long[n];
        for (int c = 0; c < n; c++) {
          now[c] = prev[c] + (long) Math.floor((last[c] - prev[c]) * Math.min(1, s.towardsFinal()));
        }
      } else if (!s.hasLeader()) {
        now = prev.clone(); // nothing shown: nothing counted yet (or a count stopped, such as a repoll)
      } else {
        now = new long[n];
        double share = finalRounds <= 0 ? 0 : Math.min(1, (double) s.done() / Math.max(finalRounds, s.total()));
        relaxed += recordedStep(s, share, last, prev, ceiling[k], now) ? 0 : 1;
      }
      out.add(now);
      prev = now;
    }
    return new Plan(List.copyOf(out), relaxed);
  }

  /** Chooses the figures of a recorded step; false when the recording could not be met exactly. */
  private static boolean recordedStep(Step s, double share, long[] last, long[] prev, long[] ceiling, long[] now) {
    int lead = s.leader();
    int trail = s.trailer();
    long margin = s.margin();
    long othersFloor = 0;
    for (int c = 0; c < now.length; c++) {
      if (c != lead && c != trail) {
        othersFloor = Math.max(othersFloor, prev[c] + 1); // the runner-up stays strictly ahead of everyone else
      }
    }
    if (trail < 0) {
      // a lone candidate leads by all of its votes
      now[lead] = Math.min(ceiling[lead], Math.max(prev[lead], Math.max(margin, othersFloor)));
      fillOthers(share, last, prev, ceiling, now, lead, trail, now[lead] - 1);
      return now[lead] == margin;
    }
    long low = Math.max(Math.max(prev[trail], prev[lead] - margin), othersFloor);
    long high = Math.min(ceiling[trail], ceiling[lead] - margin);
    long target = (long) Math.floor(Math.min(last[trail] * share, last[lead] * share - margin));
    boolean exact = low <= high;
    long runnerUp = exact ? Math.max(low, Math.min(high, target)) : low;
    now[trail] = runnerUp;
    now[lead] = runnerUp + margin;
    fillOthers(share, last, prev, ceiling, now, lead, trail, runnerUp - 1);
    return exact;
  }

  private static void fillOthers(double share, long[] last, long[] prev, long[] ceiling, long[] now, int lead,
                                 int trail, long below) {
    for (int c = 0; c < now.length; c++) {
      if (c != lead && c != trail) {
        now[c] = Math.max(prev[c], Math.min(Math.min(ceiling[c], below), (long) Math.floor(last[c] * share)));
      }
    }
  }

  /**
   * How high each candidate may stand at each step so that every later step stays possible: a runner-up at most its
   * leader's final less the margin, a leader at most its runner-up's final plus the margin, everyone else below the
   * runner-up; and never above a later step's bound or the final.
   */
  private static long[][] ceilings(long[] last, List<Step> steps) {
    int n = last.length;
    long[][] ceiling = new long[steps.size()][];
    long[] later = last.clone();
    for (int k = steps.size() - 1; k >= 0; k--) {
      Step s = steps.get(k);
      long[] here = later.clone();
      if (s.declared() || s.interpolated()) {
        // fixed by the final result; bounds from the earlier recorded steps still apply below
      } else if (s.hasLeader() && s.trailer() >= 0) {
        int lead = s.leader();
        int trail = s.trailer();
        here[trail] = Math.min(here[trail], here[lead] - s.margin());
        here[lead] = Math.min(here[lead], here[trail] + s.margin());
        for (int c = 0; c < n; c++) {
          if (c != lead && c != trail) {
            here[c] = Math.min(here[c], here[trail] - 1);
          }
        }
      } else if (s.hasLeader()) {
        for (int c = 0; c < n; c++) {
          if (c != s.leader()) {
            here[c] = Math.min(here[c], s.margin() - 1);
          }
        }
      }
      ceiling[k] = here;
      later = here;
    }
    return ceiling;
  }
}
