package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.ElectionData;
import io.tallycast.election.Timeline;
import io.tallycast.support.RealDay2026;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** West Bengal's real counting day of 4 May 2026, replayed: checked against the recorded files themselves. */
class TimelineCountingTest {
  private static final ElectionData WB = ElectionData.westBengal2026();
  private static RealDay2026 real;
  private static TimelineCounting model;
  private static long[] recordedAt;

  /** The replay runs on the embedded (derived) data; what it must show is read from the third-party files here. */
  @BeforeAll
  static void replayTheRealDay() {
    real = RealDay2026.read();
    model = TimelineCounting.of(WB, Timeline.embedded("wb2026"));
    CountingDay day = CountingDay.on(LocalDate.of(2026, 5, 4));
    recordedAt = real.fetchedIst.stream()
        .mapToLong(t -> day.secondsAt(t.toInstant(java.time.ZoneOffset.ofHoursMinutes(5, 30)))).toArray();
  }

  @Test
  void every_recorded_moment_shows_each_seat_exactly_as_the_state_wise_list_recorded_it() {
    SoftAssertions soft = new SoftAssertions();
    for (int k = 0; k < real.snapshots.size(); k++) {
      long at = recordedAt[k];
      for (RealDay2026.ListRow row : real.snapshots.get(k).values()) {
        SeatView view = model.seatAt(row.seat(), at);
        String where = "moment " + k + " seat " + row.seat();
        soft.assertThat(view.round()).as(where + " rounds done").isEqualTo(row.done());
        soft.assertThat(view.rounds()).as(where + " rounds").isEqualTo(row.total());
        soft.assertThat(view.statusText()).as(where + " status").isEqualTo(row.status());
        if (row.leader().isEmpty()) {
          soft.assertThat(view.leader()).as(where + " leader").isNull();
          continue;
        }
        soft.assertThat(view.leader().name()).as(where + " leader").isEqualTo(row.leader());
        soft.assertThat(view.leader().party()).as(where + " leading party")
            .isEqualTo(RealDay2026.code(WB.parties(), row.leaderParty()));
        soft.assertThat(view.trailing().name()).as(where + " runner-up").isEqualTo(row.trailer());
        soft.assertThat(view.trailing().party()).as(where + " runner-up's party")
            .isEqualTo(RealDay2026.code(WB.parties(), row.trailerParty()));
        soft.assertThat(view.margin()).as(where + " margin").isEqualTo(row.margin());
        soft.assertThat(view.candidates().get(2).total()).as(where + " third below the runner-up")
            .isLessThan(view.trailing().total());
      }
    }
    soft.assertAll();
    assertThat(model.relaxedSteps()).as("steps whose recorded margin could not be met").isZero();
  }

  @Test
  void no_candidate_figure_ever_goes_down_in_any_seat() {
    for (int seat : model.seatNumbers()) {
      Map<String, CandidateCount> before = new HashMap<>();
      for (SeatView step : model.stepsOf(seat)) {
        Map<String, Integer> seen = new HashMap<>();
        for (CandidateCount c : step.candidates()) {
          // namesakes of one party are told apart by their order, which votes never change (they move together)
          String key = c.name() + "|" + c.party() + "|" + seen.merge(c.name() + "|" + c.party(), 1, Integer::sum);
          CandidateCount was = before.put(key, c);
          if (was != null) {
            assertThat(c.evm()).as("seat %d %s EVM", seat, c.name()).isGreaterThanOrEqualTo(was.evm());
            assertThat(c.postal()).as("seat %d %s postal", seat, c.name()).isGreaterThanOrEqualTo(was.postal());
          }
        }
        assertThat(step.round()).isLessThanOrEqualTo(step.rounds());
      }
    }
  }

  @Test
  void every_seat_with_votes_ends_declared_on_its_real_final_figures_and_falta_ends_without_a_result() {
    double end = model.totalDurationSeconds();
    Map<Integer, RealDay2026.FinalRow> winners = real.winners();
    assertThat(winners).hasSize(293).doesNotContainKey(144);
    for (int seat : model.seatNumbers()) {
      SeatView last = model.seatAt(seat, end);
      if (!winners.containsKey(seat)) {
        assertThat(last.leader()).as("seat %d", seat).isNull();
        continue;
      }
      assertThat(last.statusText()).as("seat %d", seat).isEqualTo("Result Declared");
      assertThat(last.round()).isEqualTo(last.rounds()).isEqualTo(real.finals.get(seat).get(0).rounds());
      // namesakes of one party exist (two independents named SUKUMAR ROY in seat 3): compare the seat as a whole
      List<String> expected = real.finals.get(seat).stream().map(f -> f.name() + "|"
          + RealDay2026.code(WB.parties(), f.party()) + "|" + f.evm() + "|" + f.postal()).toList();
      assertThat(last.candidates()).as("seat %d", seat)
          .map(c -> c.name() + "|" + c.party() + "|" + c.evm() + "|" + c.postal())
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(last.leader().name()).isEqualTo(winners.get(seat).name());
    }
  }

  @Test
  void the_lead_changes_hands_exactly_as_often_as_it_did_on_the_real_day() {
    Map<Integer, Integer> expected = real.leaderChanges();
    int total = 0;
    for (int seat : model.seatNumbers()) {
      String before = null;
      int changes = 0;
      for (SeatView step : model.stepsOf(seat)) {
        String now = step.leader() == null ? null : step.leader().party();
        if (now != null && before != null && !Objects.equals(now, before)) {
          changes++;
        }
        before = now == null ? before : now;
      }
      assertThat(changes).as("lead changes in seat %d", seat).isEqualTo(expected.get(seat));
      total += changes;
    }
    assertThat(total).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(80);
  }

  @Test
  void each_recorded_moment_is_a_moment_of_the_site_and_the_day_ends_after_the_last_one() {
    assertThat(model.moments()).hasSize(real.snapshots.size()).isSorted();
    assertThat(model.totalDurationSeconds()).isGreaterThan(model.moments()[model.moments().length - 1]);
    assertThat(model.day().at(model.moments()[0]).toLocalTime().toString()).isEqualTo("12:58:22");
  }
}
