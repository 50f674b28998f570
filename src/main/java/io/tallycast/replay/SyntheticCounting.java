package io.tallycast.replay;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.Constituency;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A plausible counting day made up from the final result, as a pure function of simulated elapsed seconds since 08:00
 * IST: every seat counts in rounds from its own start time, and after round r shows, per candidate,
 * {@code floor(evm * f(r/R)) + floor(postal * min(1, r/2))} with {@code f(t) = t + a*t*(1-t)}, |a| < 1, so figures only
 * grow and round R shows exactly the real final result. Close seats get a bent curve that lets the runner-up lead
 * early, so leads change hands the way they do on a real counting day. A seat won unopposed (one candidate, no vote:
 * Surat, 2024) is declared from the start, with no round and no vote, as ECI showed it.
 */
public final class SyntheticCounting implements CountingModel {
  static final int MIN_ROUNDS = 12;
  static final int MAX_ROUNDS = 30;
  static final double VOTES_PER_ROUND = 12_000;
  static final long MAX_START_OFFSET = 30 * 60;
  static final long MIN_ROUND_SECONDS = 18 * 60;
  static final long MAX_ROUND_SECONDS = 28 * 60;
  /** The last declaration comes no later than 17:30 IST, like a long real counting day. */
  static final long LATEST_DECLARATION = 9 * 3600 + 30 * 60;
  /** Seats won by less than this share of the votes are "close": their early trend favours the runner-up. */
  static final double CLOSE_MARGIN = 0.06;

  private record CandidatePlan(String name, String party, long evm, long postal, double bend) {
    long evmAfter(int round, int rounds) {
      if (round >= rounds) {
        return evm; // exactly the real figure, whatever floating point would say
      }
      double t = (double) round / rounds;
      double f = Math.min(1, Math.max(0, t + bend * t * (1 - t)));
      return (long) Math.floor(evm * f);
    }

    long postalAfter(int round) {
      // postal ballots are counted first: half after round 1, all from round 2 on
      return round >= 2 ? postal : round == 1 ? postal / 2 : 0;
    }
  }

  /** @param uncontested the one candidate was elected unopposed: no rounds, declared from the start */
  private record SeatPlan(Constituency seat, int rounds, long start, long roundSeconds,
      List<CandidatePlan> candidates, boolean uncontested) {
    long roundEnd(int round) {
      return start + round * roundSeconds;
    }
  }

  private final ElectionData data;
  private final CountingDay day;
  private final long seed;
  private final TreeMap<Integer, SeatPlan> plans = new TreeMap<>();
  private final List<Integer> seatNumbers;
  private final long totalDuration;

  public SyntheticCounting(ElectionData data, long seed) {
    this.data = data;
    this.day = CountingDay.of(data);
    this.seed = seed;
    List<SeatPlan> raw = new ArrayList<>();
    for (Constituency seat : data.seats().values()) {
      SeatResult finals = data.finals().get(seat.no());
      if (finals == null || finals.candidates().isEmpty()) {
        // a seat the data has no real result for (Tamil Nadu 50 in 2021: the source's record is a stand-in) is
        // listed and stays awaiting all day: nothing is made up for it
        raw.add(new SeatPlan(seat, 0, 0, 60, List.of(), false));
        continue;
      }
      if (finals.uncontested()) {
        CandidateResult only = finals.candidates().get(0);
        raw.add(new SeatPlan(seat, 0, 0, 60, List.of(new CandidatePlan(only.candidate(), only.party(), 0, 0, 0)),
            true));
        continue;
      }
      raw.add(plan(seat, finals, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + seat.no() * 0xBF58476D1CE4E5B9L)));
    }
    // squeeze round durations (never start offsets) so the last seat is declared in time
    long longest = raw.stream().mapToLong(p -> p.rounds() * p.roundSeconds()).max().orElse(0);
    double squeeze = longest == 0 ? 1 : Math.min(1, (double) (LATEST_DECLARATION - MAX_START_OFFSET) / longest);
    long last = 0;
    for (SeatPlan p : raw) {
      long roundSeconds = Math.max(60, (long) Math.floor(p.roundSeconds() * squeeze));
      SeatPlan plan = new SeatPlan(p.seat(), p.rounds(), p.start(), roundSeconds, p.candidates(), p.uncontested());
      plans.put(plan.seat().no(), plan);
      last = Math.max(last, plan.roundEnd(plan.rounds()));
    }
    this.seatNumbers = List.copyOf(plans.keySet());
    this.totalDuration = last;
  }

  private static SeatPlan plan(Constituency seat, SeatResult finals, SplittableRandom random) {
    long total = finals.totalVotes();
    int rounds = (int) Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, Math.round(total / VOTES_PER_ROUND)));
    long start = random.nextLong(MAX_START_OFFSET + 1);
    long roundSeconds = random.nextLong(MIN_ROUND_SECONDS, MAX_ROUND_SECONDS + 1);
    boolean close = finals.candidates().size() > 1 && total > 0 && finals.margin() < CLOSE_MARGIN * total;
    List<CandidatePlan> candidates = new ArrayList<>();
    for (int i = 0; i < finals.candidates().size(); i++) {
      CandidateResult c = finals.candidates().get(i);
      // the real postal votes where the data has them (ls2024), else a made-up 0.5-2 % of the total
      double madeUp = random.nextDouble(0.005, 0.02);
      long postal = c.postalVotes() != null ? c.postalVotes() : Math.round(c.votes() * madeUp);
      double bend;
      if (close && i == 0) {
        bend = -random.nextDouble(0.35, 0.85); // the winner's votes come late
      } else if (close && i == 1) {
        bend = random.nextDouble(0.35, 0.85); // the runner-up's strongholds are counted first
      } else {
        bend = random.nextDouble(-0.12, 0.12);
      }
      candidates.add(new CandidatePlan(c.candidate(), c.party(), c.votes() - postal, postal, bend));
    }
    return new SeatPlan(seat, rounds, start, roundSeconds, List.copyOf(candidates), false);
  }

  @Override
  public ElectionData data() {
    return data;
  }

  @Override
  public CountingDay day() {
    return day;
  }

  public long seed() {
    return seed;
  }

  @Override
  public List<Integer> seatNumbers() {
    return seatNumbers;
  }

  @Override
  public long totalDurationSeconds() {
    return totalDuration;
  }

  @Override
  public boolean finished(double elapsedSeconds) {
    return elapsedSeconds >= totalDuration;
  }

  public int rounds(int seat) {
    return plan(seat).rounds();
  }

  /** Simulated elapsed seconds at which the seat's last round is in and its result declared. */
  public long declarationSeconds(int seat) {
    SeatPlan p = plan(seat);
    return p.roundEnd(p.rounds());
  }

  /** Rounds completed in the seat at that moment (0 = counting not started). */
  public int roundAt(int seat, double elapsedSeconds) {
    SeatPlan p = plan(seat);
    if (elapsedSeconds < p.roundEnd(1)) {
      return 0;
    }
    return (int) Math.min(p.rounds(), (long) Math.floor((elapsedSeconds - p.start()) / p.roundSeconds()));
  }

  @Override
  public SeatView seatAt(int seat, double elapsedSeconds) {
    return seatAfterRound(seat, roundAt(seat, elapsedSeconds));
  }

  /** A seat's figures change only when a round comes in. */
  @Override
  public long versionAt(int seat, double elapsedSeconds) {
    return roundAt(seat, elapsedSeconds);
  }

  /** The seat's figures once {@code round} rounds are in (clamped to 0..R). */
  public SeatView seatAfterRound(int seat, int round) {
    SeatPlan p = plan(seat);
    if (p.uncontested()) {
      CandidatePlan only = p.candidates().get(0);
      return SeatView.uncontested(p.seat(), new CandidateCount(only.name(), only.party(), 0, 0));
    }
    int r = Math.max(0, Math.min(p.rounds(), round));
    List<CandidateCount> counts = new ArrayList<>(p.candidates().size());
    for (CandidatePlan c : p.candidates()) {
      counts.add(new CandidateCount(c.name(), c.party(), c.evmAfter(r, p.rounds()), c.postalAfter(r)));
    }
    counts.sort(Comparator.comparingLong(CandidateCount::total).reversed().thenComparing(CandidateCount::name));
    return new SeatView(p.seat(), r, p.rounds(), List.copyOf(counts), r == 0 ? 0 : p.roundEnd(r),
        SeatView.statusText(r, p.rounds()));
  }

  private SeatPlan plan(int seat) {
    SeatPlan p = plans.get(seat);
    if (p == null) {
      throw new IllegalArgumentException("no seat " + seat + " in this replay");
    }
    return p;
  }
}
