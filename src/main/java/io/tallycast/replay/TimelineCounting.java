package io.tallycast.replay;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.Constituency;
import io.tallycast.election.ElectionData;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatResult;
import io.tallycast.election.Timeline;
import io.tallycast.election.TimelineRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real counting day replayed as it was recorded: the state-wise list's rows (leader, runner-up, margin, rounds,
 * status) at each recorded moment, with every candidate's figures made to agree with them ({@link SeatTrajectory}).
 * Before the first recording each seat counts up to its first recorded row under the same leader (counting had begun
 * before anyone recorded it); after the last one the seats still counting go on, round by round, to the real final
 * result. A seat that never shows a leader (a repoll) stays as it was recorded.
 */
public final class TimelineCounting implements CountingModel {
  private static final Logger LOG = LoggerFactory.getLogger(TimelineCounting.class);
  /** After the last recording, one round every six minutes until the final result is declared. */
  static final long TAIL_ROUND_SECONDS = 6 * 60;

  /** What the state-wise list showed for one seat at one recorded moment. */
  public record Row(int moment, String leader, String leaderParty, String trailer, String trailerParty, long margin,
                    int done, int total, String status) {
    boolean hasLeader() {
      return leader != null && !leader.isBlank();
    }

    boolean declared() {
      return status != null && status.toLowerCase(java.util.Locale.ROOT).contains("declared");
    }

    /** Same figures as another row (the moment aside). */
    boolean sameAs(Row o) {
      return o != null && equals(new Row(moment, o.leader, o.leaderParty, o.trailer, o.trailerParty, o.margin, o.done,
          o.total, o.status));
    }
  }

  /**
   * A recorded day.
   *
   * @param momentAt    simulated seconds (since 08:00 IST) at which each moment was recorded, ascending
   * @param momentShown simulated seconds of the site's own "Last Updated" at each moment
   * @param rows        per seat, its rows at the moments where it changed (the first one included)
   * @param finals      per seat, every candidate's final figures (NOTA included)
   * @param finalRounds per seat, the count's last round
   */
  public record Recorded(long[] momentAt, long[] momentShown, Map<Integer, List<Row>> rows,
                         Map<Integer, List<SeatTrajectory.Final>> finals, Map<Integer, Integer> finalRounds) {
  }

  private record Shown(long at, SeatView view) {
  }

  /** An embedded election's recorded day ({@code Timeline.embedded("wb2026")}) towards its final result. */
  public static TimelineCounting of(ElectionData data, Timeline timeline) {
    CountingDay day = CountingDay.of(data);
    List<Timeline.Moment> moments = timeline.moments();
    long[] at = new long[moments.size()];
    long[] shown = new long[moments.size()];
    for (int k = 0; k < at.length; k++) {
      at[k] = day.secondsAt(moments.get(k).fetchedAt());
      shown[k] = day.secondsAt(moments.get(k).lastUpdated());
    }
    Map<Integer, List<Row>> rows = new TreeMap<>();
    Map<Integer, List<SeatTrajectory.Final>> finals = new TreeMap<>();
    Map<Integer, Integer> rounds = new TreeMap<>();
    for (int seat : data.seats().keySet()) {
      List<Row> changes = new ArrayList<>();
      List<TimelineRow> recorded = timeline.seats().contains(seat) ? timeline.rowsOf(seat) : List.of();
      for (int k = 0; k < recorded.size(); k++) {
        TimelineRow r = recorded.get(k);
        Row row = new Row(k, r.leader(), r.leaderParty(), r.trailer(), r.trailerParty(), r.margin(), r.roundsDone(),
            r.roundsTotal(), r.status());
        if (changes.isEmpty() || !row.sameAs(changes.get(changes.size() - 1))) {
          changes.add(row);
        }
      }
      rows.put(seat, changes);
      SeatResult result = data.finals().get(seat);
      List<SeatTrajectory.Final> candidates = new ArrayList<>();
      for (CandidateResult c : result == null ? List.<CandidateResult>of() : result.ballot()) {
        candidates.add(c.hasVoteSplit() ? new SeatTrajectory.Final(c.candidate(), c.party(), c.evmVotes(),
            c.postalVotes()) : new SeatTrajectory.Final(c.candidate(), c.party(), c.votes(), 0));
      }
      finals.put(seat, candidates);
      int last = changes.isEmpty() ? 0 : changes.get(changes.size() - 1).total();
      rounds.put(seat, data.roundsOf(seat).orElse(last));
    }
    return new TimelineCounting(data, day, new Recorded(at, shown, rows, finals, rounds));
  }

  private final ElectionData data;
  private final CountingDay day;
  private final long[] moments;
  private final List<Integer> seatNumbers;
  private final Map<Integer, Shown[]> shown = new HashMap<>();
  private final long totalDuration;
  private final int relaxedSteps;

  public TimelineCounting(ElectionData data, CountingDay day, Recorded recorded) {
    this.data = data;
    this.day = day;
    this.moments = recorded.momentAt().clone();
    this.seatNumbers = List.copyOf(new TreeMap<>(data.seats()).keySet());
    long last = moments.length == 0 ? 0 : moments[moments.length - 1];
    int relaxed = 0;
    for (int seat : seatNumbers) {
      SeatPlan plan = SeatPlan.of(data.seats().get(seat), recorded, data.parties());
      Shown[] views = plan.views();
      shown.put(seat, views);
      relaxed += plan.relaxedSteps();
      if (views.length > 0) {
        last = Math.max(last, views[views.length - 1].at());
      }
    }
    this.totalDuration = last;
    this.relaxedSteps = relaxed;
    if (relaxed > 0) {
      LOG.warn("replay: {} recorded step(s) could not be met exactly by any counting (the runner-up was held)",
          relaxed);
    }
  }

  /** Recorded steps whose margin could not be met exactly (0 for a consistent recording). */
  public int relaxedSteps() {
    return relaxedSteps;
  }

  @Override
  public ElectionData data() {
    return data;
  }

  @Override
  public CountingDay day() {
    return day;
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
  public long[] moments() {
    return moments.clone();
  }

  @Override
  public SeatView seatAt(int seat, double elapsedSeconds) {
    int i = index(seat, elapsedSeconds);
    Shown[] views = views(seat);
    return i < 0 ? blank(seat, views) : views[i].view();
  }

  @Override
  public long versionAt(int seat, double elapsedSeconds) {
    return index(seat, elapsedSeconds) + 1L;
  }

  /** The seat's views in time order, each with the simulated second it appears at; for tests. */
  List<SeatView> stepsOf(int seat) {
    return Arrays.stream(views(seat)).map(Shown::view).toList();
  }

  long stepTime(int seat, int step) {
    return views(seat)[step].at();
  }

  private int index(int seat, double elapsedSeconds) {
    Shown[] views = views(seat);
    int lo = 0;
    int hi = views.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (views[mid].at() <= elapsedSeconds) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private Shown[] views(int seat) {
    Shown[] views = shown.get(seat);
    if (views == null) {
      throw new IllegalArgumentException("no seat " + seat + " in this replay");
    }
    return views;
  }

  /** Before its first step: no votes, the first step's total rounds. */
  private SeatView blank(int seat, Shown[] views) {
    Constituency c = data.seats().get(seat);
    SeatView first = views.length == 0 ? null : views[0].view();
    List<CandidateCount> zero = first == null ? List.of() : first.candidates().stream()
        .map(x -> new CandidateCount(x.name(), x.party(), 0, 0))
        .sorted(Comparator.comparing(CandidateCount::name)).toList();
    return new SeatView(c, 0, first == null ? 0 : first.rounds(), zero, 0, SeatView.AWAITING);
  }

  /** One seat's steps: made up before the first recording, as recorded, then on to the final result. */
  private record SeatPlan(Shown[] views, int relaxedSteps) {
    static SeatPlan of(Constituency seat, Recorded recorded, PartyRegistry parties) {
      List<SeatTrajectory.Final> finals = recorded.finals().getOrDefault(seat.no(), List.of());
      int finalRounds = recorded.finalRounds().getOrDefault(seat.no(), 0);
      List<Row> rows = recorded.rows().getOrDefault(seat.no(), List.of());
      StepList steps = new StepList(seat, finals, parties);
      steps.before(rows, recorded);
      for (Row row : rows) {
        steps.recorded(row, recorded);
      }
      steps.after(rows, recorded, finalRounds);
      SeatTrajectory.Plan plan = SeatTrajectory.plan(finals, finalRounds, steps.steps);
      Shown[] views = new Shown[steps.steps.size()];
      long lastShown = 0;
      for (int k = 0; k < views.length; k++) {
        lastShown = Math.max(lastShown, steps.shownAt.get(k));
        views[k] = new Shown(steps.at.get(k), view(seat, finals, plan.totals().get(k), steps.steps.get(k),
            steps.status.get(k), lastShown));
      }
      return new SeatPlan(views, plan.relaxedSteps());
    }

    private static SeatView view(Constituency seat, List<SeatTrajectory.Final> finals, long[] totals,
                                 SeatTrajectory.Step step, String status, long shownAt) {
      List<CandidateCount> counts = new ArrayList<>(finals.size());
      for (int c = 0; c < finals.size(); c++) {
        SeatTrajectory.Final f = finals.get(c);
        // postal ballots come in with the rest, in the same proportion: both grow, and end exactly on the final
        long postal = f.total() == 0 ? 0 : Math.floorDiv(f.postal() * totals[c], f.total());
        counts.add(new CandidateCount(f.name(), f.party(), totals[c] - postal, postal));
      }
      counts.sort(Comparator.comparingLong(CandidateCount::total).reversed().thenComparing(CandidateCount::name));
      return new SeatView(seat, step.done(), step.total(), List.copyOf(counts), shownAt, status);
    }
  }
}
