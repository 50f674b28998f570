package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.Constituency;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Party;
import io.tallycast.election.SeatStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CountingModelTest {
  private static final ElectionData WB = ReplayTestSupport.westBengal();
  private static final SyntheticCounting MODEL = new SyntheticCounting(WB, 2021);

  @Test
  void every_seat_ends_declared_on_its_real_winner_with_exactly_the_real_votes() {
    assertThat(MODEL.seatNumbers()).hasSize(294);
    for (int seat : MODEL.seatNumbers()) {
      SeatView end = MODEL.seatAt(seat, MODEL.totalDurationSeconds());
      assertThat(end.status()).as("seat %d", seat).isEqualTo(SeatStatus.DECLARED);
      assertThat(end.round()).isEqualTo(end.rounds());
      Map<String, Long> shown = end.candidates().stream()
          .collect(Collectors.toMap(c -> c.name() + "|" + c.party(), CandidateCount::total));
      Map<String, Long> real = WB.finals().get(seat).candidates().stream()
          .collect(Collectors.toMap(c -> c.candidate() + "|" + c.party(), CandidateResult::votes));
      assertThat(shown).as("seat %d", seat).isEqualTo(real);
      assertThat(end.leader().name()).isEqualTo(WB.finals().get(seat).winner().candidate());
    }
  }

  @Test
  void nobody_has_votes_before_the_first_round() {
    for (int seat : MODEL.seatNumbers()) {
      SeatView start = MODEL.seatAt(seat, 0);
      assertThat(start.status()).isEqualTo(SeatStatus.AWAITING);
      assertThat(start.totalVotes()).isZero();
      assertThat(start.leader()).isNull();
      assertThat(start.candidates()).hasSameSizeAs(WB.finals().get(seat).candidates());
    }
  }

  @Test
  void votes_never_go_down_between_consecutive_simulated_times() {
    for (int seat : MODEL.seatNumbers()) {
      SeatView before = MODEL.seatAt(seat, 0);
      for (long t = 60; t <= MODEL.totalDurationSeconds() + 60; t += 60) {
        SeatView now = MODEL.seatAt(seat, t);
        // keyed by name and party: seat 80 has two candidates called ABHIJIT GHOSH
        Map<String, CandidateCount> earlier = before.candidates().stream()
            .collect(Collectors.toMap(c -> c.name() + "|" + c.party(), c -> c));
        for (CandidateCount c : now.candidates()) {
          CandidateCount e = earlier.get(c.name() + "|" + c.party());
          assertThat(c.evm()).as("seat %d %s at %d s", seat, c.name(), t).isGreaterThanOrEqualTo(e.evm());
          assertThat(c.postal()).as("seat %d %s at %d s", seat, c.name(), t).isGreaterThanOrEqualTo(e.postal());
        }
        assertThat(now.round()).isGreaterThanOrEqualTo(before.round());
        before = now;
      }
    }
  }

  @Test
  void declarations_are_spread_over_eight_to_ten_simulated_hours_and_end_before_six_pm() {
    long last = MODEL.totalDurationSeconds();
    assertThat(last).isBetween(8 * 3600L, 10 * 3600L);
    assertThat(MODEL.day().at(last).getHour()).isLessThan(18);
    List<Long> declared = MODEL.seatNumbers().stream().map(MODEL::declarationSeconds).sorted().toList();
    // not all at once: the first tenth and the last tenth are hours apart
    assertThat(declared.get(declared.size() * 9 / 10) - declared.get(declared.size() / 10)).isGreaterThan(2 * 3600L);
    assertThat(declared.get(0)).isGreaterThan(2 * 3600L);
  }

  @Test
  void dozens_of_seats_change_leader_during_counting() {
    int changed = 0;
    for (int seat : MODEL.seatNumbers()) {
      Set<String> leaders = new HashSet<>();
      for (int r = 1; r <= MODEL.rounds(seat); r++) {
        leaders.add(MODEL.seatAfterRound(seat, r).leader().name());
      }
      if (leaders.size() > 1) {
        changed++;
      }
    }
    assertThat(changed).isBetween(24, 200);
  }

  @Test
  void nota_is_shown_with_the_candidates_but_never_leads_or_trails() {
    Constituency seat = new Constituency(1, "TOWN", "DISTRICT", "GEN");
    SeatView view = new SeatView(seat, 3, 10, List.of(new CandidateCount("NOTA", Party.NOTA, 900, 10),
        new CandidateCount("A", "AAA", 500, 5), new CandidateCount("B", "BBB", 100, 1)), 60, SeatView.IN_PROGRESS);
    assertThat(view.leader().name()).isEqualTo("A");
    assertThat(view.trailing().name()).isEqualTo("B");
    assertThat(view.margin()).isEqualTo(404);
    assertThat(view.totalVotes()).isEqualTo(1516);
  }

  @Test
  void rounds_follow_the_votes_between_twelve_and_thirty() {
    for (int seat : MODEL.seatNumbers()) {
      assertThat(MODEL.rounds(seat)).isBetween(12, 30);
    }
  }

  @Test
  void the_same_seed_gives_the_same_counting_and_another_seed_a_different_one() {
    SyntheticCounting same = new SyntheticCounting(WB, 2021);
    SyntheticCounting other = new SyntheticCounting(WB, 7);
    int differ = 0;
    for (int seat : MODEL.seatNumbers()) {
      for (long t = 0; t <= MODEL.totalDurationSeconds(); t += 1800) {
        assertThat(same.seatAt(seat, t)).isEqualTo(MODEL.seatAt(seat, t));
        if (!other.seatAt(seat, t).equals(MODEL.seatAt(seat, t))) {
          differ++;
        }
      }
    }
    assertThat(differ).isGreaterThan(1000);
    PageStore a = new PageStore(MODEL);
    PageStore b = new PageStore(same);
    PageStore c = new PageStore(other);
    double t = 4 * 3600;
    assertThat(a.page(PageRef.list(3), t).body()).isEqualTo(b.page(PageRef.list(3), t).body());
    assertThat(a.page(PageRef.constituency(100), t).etag()).isEqualTo(b.page(PageRef.constituency(100), t).etag());
    assertThat(a.page(PageRef.list(3), t).etag()).isNotEqualTo(c.page(PageRef.list(3), t).etag());
  }
}
