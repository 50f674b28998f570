package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.OverrideRelease;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.SeatDeclared;
import io.tallycast.bus.SeatOverride;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.bus.TallyChanged;
import io.tallycast.election.CandidateResult;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.tallycast.election.SeatStatus;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One data dir for the five states counted on 2 May 2021 (the embedded "may2021", derived from the real results): a
 * seat is (state, number), so Assam's seat 1 and West Bengal's seat 1 are two seats; each state has its own tally,
 * majority mark and events.
 */
class SeveralStatesStoreTest {
  private static final Election MAY2021 = Election.embedded("may2021");

  @TempDir
  Path dir;

  @Test
  void the_same_seat_number_in_two_states_is_two_seats_each_with_its_own_figures_and_events() {
    ElectionData wb = MAY2021.require("S25");
    ElectionData assam = MAY2021.require("S03");
    try (ResultsStore store = ResultsStore.open(dir, MAY2021)) {
      ApplyResult inBengal = store.apply(batch(wb, 1));
      ApplyResult inAssam = store.apply(batch(assam, 1));
      assertThat(inBengal.rejections()).isEmpty();
      assertThat(inAssam.rejections()).isEmpty();
      assertThat(declared(inBengal)).extracting(SeatDeclared::state, SeatDeclared::seat).containsExactly(
          org.assertj.core.groups.Tuple.tuple("S25", 1));
      assertThat(declared(inAssam)).extracting(SeatDeclared::state, SeatDeclared::seat).containsExactly(
          org.assertj.core.groups.Tuple.tuple("S03", 1));
      assertThat(declared(inAssam).get(0).winner().candidate()).isEqualTo(assam.finals().get(1).winner().candidate());
      // each batch moves its own state's tally only
      assertThat(tallies(inAssam)).extracting(TallyChanged::state).containsExactly("S03");
      assertThat(store.tally("S25").count(wb.finals().get(1).winner().party()).won()).isEqualTo(1);
      assertThat(store.tally("S03").count(assam.finals().get(1).winner().party()).won()).isEqualTo(1);
    }
    try (ResultsReader reader = ResultsReader.open(dir)) {
      JsonObject bengal = reader.constituency("S25", 1).orElseThrow();
      JsonObject assam1 = reader.constituency("S03", 1).orElseThrow();
      assertThat(bengal.getString("name")).isEqualTo(wb.seats().get(1).name());
      assertThat(assam1.getString("name")).isEqualTo(assam.seats().get(1).name());
      assertThat(assam1.getJsonObject("leader").getString("candidate"))
          .isEqualTo(assam.finals().get(1).winner().candidate());
      assertThat(reader.summary("S03").getJsonObject("seats").getInteger("total")).isEqualTo(assam.seats().size());
      assertThat(reader.summary("S03").getInteger("majority")).isEqualTo(assam.seats().size() / 2 + 1);
      assertThat(reader.summary("S25").getInteger("majority")).isEqualTo(wb.seats().size() / 2 + 1);
      assertThat(reader.events(0, 100, java.util.Set.of("seat.declared"), "S03")).hasSize(1);
      assertThat(reader.events(0, 100, java.util.Set.of("seat.declared"), null)).hasSize(2);
      assertThat(reader.events(0, 100, java.util.Set.of(), "S03").getJsonObject(0).getString("state"))
          .isEqualTo("S03");
    }
  }

  @Test
  void every_state_of_the_day_ends_on_the_tally_of_its_real_final_result() {
    try (ResultsStore store = ResultsStore.open(dir, MAY2021)) {
      for (ElectionData state : MAY2021.states()) {
        // every seat with a result (Tamil Nadu 50 has none in the data: its source record is a stand-in)
        assertThat(store.apply(batch(state, state.finals().keySet().stream().mapToInt(Integer::intValue).toArray()))
            .rejections()).as(state.state()).isEmpty();
      }
      for (ElectionData state : MAY2021.states()) {
        Map<String, Integer> expected = new TreeMap<>();
        state.finals().values().forEach(r -> expected.merge(r.winner().party(), 1, Integer::sum));
        Map<String, Integer> won = new TreeMap<>();
        store.tally(state.stateCode()).byParty().forEach((party, seats) -> won.put(party, seats.won()));
        assertThat(won).as(state.state()).isEqualTo(expected);
      }
    }
  }

  @Test
  void a_batch_of_a_state_the_election_does_not_have_is_refused_and_changes_nothing() throws Exception {
    try (ResultsStore store = ResultsStore.open(dir, MAY2021)) {
      store.apply(batch(MAY2021.require("U07"), 1));
    }
    List<String> before = StoreFixtures.dump(dir);
    try (ResultsStore store = ResultsStore.open(dir, MAY2021)) {
      ScrapeBatch other = new ScrapeBatch("S29", batch(MAY2021.require("U07"), 2).snapshots(), List.of());
      assertThatThrownBy(() -> store.apply(other)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("S29").hasMessageContaining("S03");
      // a seat number the state does not have is refused by number and state
      ApplyResult r = store.apply(new ScrapeBatch("U07", List.of(snapshotOf(MAY2021.require("S25"), 200)), List.of()));
      assertThat(r.rejections()).singleElement().extracting(x -> x.reason()).asString().contains("seat 200");
    }
    assertThat(StoreFixtures.dump(dir)).isEqualTo(before);
  }

  @Test
  void an_override_names_its_state_and_touches_only_that_states_seat() {
    ElectionData kerala = MAY2021.require("S11");
    ElectionData wb = MAY2021.require("S25");
    try (ResultsStore store = ResultsStore.open(dir, MAY2021)) {
      store.apply(batch(kerala, 5));
      store.apply(batch(wb, 5));
      var result = store.override(new SeatOverride("S11", 5, "returning officer's sheet", SeatStatus.COUNTING, null,
          3, 10));
      assertThat(result.override().getString("state")).isEqualTo("S11");
      assertThat(result.events()).extracting(ResultEvent::state).containsOnly("S11");
      assertThatThrownBy(() -> store.release(new OverrideRelease("S25", 5, "wrong state"))).hasMessageContaining(
          "not overridden");
      assertThat(store.release(new OverrideRelease("S11", 5, "sheet checked")).events()).extracting(ResultEvent::state)
          .containsOnly("S11");
    }
  }

  private static List<SeatDeclared> declared(ApplyResult r) {
    return r.events().stream().filter(SeatDeclared.class::isInstance).map(SeatDeclared.class::cast).toList();
  }

  private static List<TallyChanged> tallies(ApplyResult r) {
    return r.events().stream().filter(TallyChanged.class::isInstance).map(TallyChanged.class::cast).toList();
  }

  /** Each seat's real 2021 final result, declared. */
  private static ScrapeBatch batch(ElectionData state, int... seats) {
    List<Snapshot> list = new ArrayList<>();
    for (int seat : seats) {
      list.add(snapshotOf(state, seat));
    }
    return new ScrapeBatch(state.stateCode(), list, List.of());
  }

  private static Snapshot snapshotOf(ElectionData state, int seat) {
    SeatResult r = state.finals().get(seat);
    List<SnapshotCandidate> cands = new ArrayList<>();
    Map<String, Integer> seen = new TreeMap<>();
    for (CandidateResult c : r.ballot()) {
      // namesakes of one party (two independents "Bindu" in Kerala 70) are told apart as the scraper does: "NAME (2)"
      int same = seen.merge(c.candidate() + '\u0000' + c.party(), 1, Integer::sum);
      String name = same == 1 ? c.candidate() : c.candidate() + " (" + same + ")";
      cands.add(new SnapshotCandidate(name, c.party(), c.votes(), 0, c.votes()));
    }
    Instant at = T0.plusSeconds(seat);
    return new Snapshot(seat, SeatStatus.DECLARED, 10, 10, cands, at, at, "https://results.example/"
        + state.stateCode() + "/" + seat, false);
  }
}
