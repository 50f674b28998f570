package io.tallycast.replay;

import io.tallycast.election.Constituency;
import io.tallycast.election.PartyRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds one seat's steps for {@link TimelineCounting}: each with when it appears, its ECI time and status words. */
final class StepList {
  final List<SeatTrajectory.Step> steps = new ArrayList<>();
  final List<Long> at = new ArrayList<>();
  final List<Long> shownAt = new ArrayList<>();
  final List<String> status = new ArrayList<>();
  private final Constituency seat;
  private final List<SeatTrajectory.Final> finals;
  private final PartyRegistry parties;

  StepList(Constituency seat, List<SeatTrajectory.Final> finals, PartyRegistry parties) {
    this.seat = seat;
    this.finals = finals;
    this.parties = parties;
  }

  /**
   * Counting began at 08:00, before the first recording: a seat first recorded after round d counted rounds 1..d-1
   * under the same leader, from a start of its own (within half an hour) up to the first recorded update.
   */
  void before(List<TimelineCounting.Row> rows, TimelineCounting.Recorded recorded) {
    if (rows.isEmpty() || !rows.get(0).hasLeader() || rows.get(0).done() < 2) {
      return;
    }
    TimelineCounting.Row first = rows.get(0);
    long start = (seat.no() * 37L % 31) * 60;
    long end = recorded.momentShown()[first.moment()];
    if (end <= start) {
      return;
    }
    int leader = candidate(first.leader(), first.leaderParty());
    int trailer = first.trailer() == null || first.trailer().isBlank() ? -1
        : candidate(first.trailer(), first.trailerParty());
    for (int j = 1; j < first.done(); j++) {
      long when = start + (end - start) * j / first.done();
      add(SeatTrajectory.Step.recorded(leader, trailer, Math.round((double) first.margin() * j / first.done()), j,
          first.total()), when, when, SeatView.IN_PROGRESS);
    }
  }

  void recorded(TimelineCounting.Row row, TimelineCounting.Recorded recorded) {
    SeatTrajectory.Step step;
    if (row.declared()) {
      step = SeatTrajectory.Step.declared(row.done(), row.total());
    } else if (row.hasLeader()) {
      int trailer = row.trailer() == null || row.trailer().isBlank() ? -1
          : candidate(row.trailer(), row.trailerParty());
      step = SeatTrajectory.Step.recorded(candidate(row.leader(), row.leaderParty()), trailer, row.margin(), row.done(),
          row.total());
    } else {
      step = SeatTrajectory.Step.none(row.done(), row.total());
    }
    add(step, recorded.momentAt()[row.moment()], recorded.momentShown()[row.moment()], row.status());
  }

  /**
   * After the last recording a seat still counting goes on, a round every few minutes (from a start of its own), to
   * the final result; one that never counted (no final votes: a repoll) stays as recorded.
   */
  void after(List<TimelineCounting.Row> rows, TimelineCounting.Recorded recorded, int finalRounds) {
    if (rows.isEmpty() || rows.get(rows.size() - 1).declared()) {
      return;
    }
    if (finals.stream().allMatch(f -> f.total() == 0)) {
      return;
    }
    TimelineCounting.Row last = rows.get(rows.size() - 1);
    long[] moments = recorded.momentAt();
    long from = moments[moments.length - 1] + (seat.no() * 53L % 5) * 60;
    int rounds = Math.max(finalRounds, last.total());
    int left = Math.max(1, rounds - last.done());
    for (int i = 1; i < left; i++) {
      long when = from + TimelineCounting.TAIL_ROUND_SECONDS * i;
      add(SeatTrajectory.Step.towardsFinal(1.0 / (left - i + 1), last.done() + i, rounds), when, when,
          SeatView.IN_PROGRESS);
    }
    long when = from + TimelineCounting.TAIL_ROUND_SECONDS * left;
    add(SeatTrajectory.Step.declared(rounds, rounds), when, when, SeatView.DECLARED);
  }

  private void add(SeatTrajectory.Step step, long when, long shown, String words) {
    steps.add(step);
    at.add(when);
    shownAt.add(shown);
    status.add(words);
  }

  /** The candidate a recorded row names: by name and party together (a seat can have two candidates of one name). */
  private int candidate(String name, String party) {
    String wanted = key(name);
    String code = parties.resolve(party).map(p -> p.code()).orElse(party);
    for (int c = 0; c < finals.size(); c++) {
      SeatTrajectory.Final f = finals.get(c);
      if (key(f.name()).equals(wanted) && f.party().equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("seat " + seat.no() + " " + seat.name() + ": the recording names " + name + " ("
        + party + "), who is not among the seat's candidates");
  }

  private static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }
}
