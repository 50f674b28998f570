package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.T0;
import static io.tallycast.store.StoreFixtures.WB;
import static io.tallycast.store.StoreFixtures.batch;
import static io.tallycast.store.StoreFixtures.cand;
import static io.tallycast.store.StoreFixtures.correction;
import static io.tallycast.store.StoreFixtures.dump;
import static io.tallycast.store.StoreFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.EventType;
import io.tallycast.bus.Rejection;
import io.tallycast.bus.SeatDeclared;
import io.tallycast.bus.Snapshot;
import io.tallycast.election.SeatStatus;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad snapshots are refused with a reason naming seat, candidate and figures, and leave the database as it was. */
class SnapshotRefusalTest {
  private static final Instant T1 = T0.plusSeconds(60);

  @TempDir
  Path dir;
  private ResultsStore store;

  /** Seat 12 counting at round 6 of 18; seat 13 declared. */
  @BeforeEach
  void storeWithTwoSeats() {
    store = ResultsStore.open(dir, WB);
    ApplyResult r = store.apply(batch(
        snapshot(12, SeatStatus.COUNTING, 6, 18, T0, cand("MAHUA MOITRA", "AITC", 628789),
            cand("KALYAN CHAUBEY", "BJP", 500000), cand("NOTA", "NOTA", 1200)),
        snapshot(13, SeatStatus.DECLARED, 17, 17, T0, cand("DIPAK BARMAN", "BJP", 101000),
            cand("PARITOSH ROY", "AITC", 80000))));
    assertThat(r.rejections()).isEmpty();
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** Applies one bad snapshot next to a good one for another seat: the bad one is refused, the good one goes in. */
  private void assertRefused(Snapshot bad, String reason) throws Exception {
    List<String> before = dump(dir);
    ApplyResult r = store.apply(batch(bad));
    assertThat(r.rejections()).containsExactly(new Rejection(bad.seat(), reason));
    assertThat(r.acceptedSeats()).isEmpty();
    assertThat(r.events()).isEmpty();
    assertThat(dump(dir)).isEqualTo(before);

    Snapshot good = snapshot(20, SeatStatus.COUNTING, 1, 15, T1, cand("X", "CPM", 10));
    ApplyResult mixed = store.apply(batch(bad, good));
    assertThat(mixed.rejections()).extracting(Rejection::seat).containsExactly(bad.seat());
    assertThat(mixed.acceptedSeats()).containsExactly(20);
    assertThat(mixed.events()).allSatisfy(e -> assertThat(e.seat()).isIn(20, null));
  }

  @Test
  void falling_votes_are_refused_naming_the_candidate_and_both_figures() throws Exception {
    assertRefused(snapshot(12, SeatStatus.COUNTING, 7, 18, T1, cand("MAHUA MOITRA", "AITC", 565910),
            cand("KALYAN CHAUBEY", "BJP", 510000), cand("NOTA", "NOTA", 1300)),
        "seat 12: votes of MAHUA MOITRA (AITC) went down 628789 -> 565910; refused (not a correction)");
  }

  @Test
  void a_missing_candidate_is_refused() throws Exception {
    assertRefused(snapshot(12, SeatStatus.COUNTING, 7, 18, T1, cand("MAHUA MOITRA", "AITC", 700000),
            cand("NOTA", "NOTA", 1300)),
        "seat 12: candidate KALYAN CHAUBEY (BJP) with 500000 votes is missing; refused (not a correction)");
  }

  @Test
  void an_unknown_seat_is_refused() throws Exception {
    assertRefused(snapshot(295, SeatStatus.COUNTING, 1, 10, T1, cand("A", "BJP", 5)),
        "seat 295: no such seat in this election; refused");
  }

  @Test
  void rounds_going_down_are_refused() throws Exception {
    assertRefused(snapshot(12, SeatStatus.COUNTING, 5, 18, T1, cand("MAHUA MOITRA", "AITC", 700000),
            cand("KALYAN CHAUBEY", "BJP", 510000), cand("NOTA", "NOTA", 1300)),
        "seat 12: rounds done went down 6 -> 5; refused (not a correction)");
  }

  @Test
  void a_declared_seat_going_back_to_counting_is_refused() throws Exception {
    assertRefused(snapshot(13, SeatStatus.COUNTING, 17, 17, T1, cand("DIPAK BARMAN", "BJP", 101000),
            cand("PARITOSH ROY", "AITC", 80000)),
        "seat 13: status went back declared -> counting; refused (not a correction)");
  }

  @Test
  void more_rounds_done_than_in_total_are_refused() throws Exception {
    assertRefused(snapshot(14, SeatStatus.COUNTING, 19, 18, T1, cand("A", "BJP", 5)),
        "seat 14: rounds done 19 of 18 total is impossible; refused");
  }

  @Test
  void a_declaration_without_votes_is_refused() throws Exception {
    assertRefused(snapshot(14, SeatStatus.DECLARED, 18, 18, T1, cand("A", "BJP", 0), cand("NOTA", "NOTA", 4)),
        "seat 14: declared, but no candidate has any votes; refused");
  }

  @Test
  void a_declaration_without_votes_of_several_candidates_is_refused_even_without_nota() throws Exception {
    assertRefused(snapshot(14, SeatStatus.DECLARED, 0, 0, T1, cand("A", "BJP", 0), cand("B", "AITC", 0)),
        "seat 14: declared, but no candidate has any votes; refused");
  }

  @Test
  void a_candidate_elected_unopposed_is_stored_as_won_with_no_votes_and_no_margin() {
    ApplyResult r = store.apply(batch(snapshot(14, SeatStatus.DECLARED, 0, 0, T1, cand("A", "BJP", 0))));

    assertThat(r.rejections()).isEmpty();
    assertThat(r.events()).filteredOn(e -> e instanceof SeatDeclared).singleElement().satisfies(e -> {
      SeatDeclared declared = (SeatDeclared) e;
      assertThat(declared.winner().candidate()).isEqualTo("A");
      assertThat(declared.winner().party()).isEqualTo("BJP");
      assertThat(declared.margin()).isNull();
    });
    try (ResultsReader reader = ResultsReader.open(dir)) {
      JsonObject seat = reader.constituency(WB.stateCode(), 14).orElseThrow();
      assertThat(seat.getString("status")).isEqualTo("declared");
      assertThat(seat.getJsonObject("leader").getString("party")).isEqualTo("BJP");
      assertThat(seat.getValue("margin")).isNull();
      assertThat(reader.summary(WB.stateCode()).getJsonArray("parties").stream().map(JsonObject.class::cast)
          .filter(p -> p.getString("party").equals("BJP")).findFirst().orElseThrow().getLong("won")).isEqualTo(2);
    }
  }

  @Test
  void a_candidate_listed_twice_is_refused() throws Exception {
    assertRefused(snapshot(14, SeatStatus.COUNTING, 1, 18, T1, cand("A", "BJP", 5), cand("A", "BJP", 6)),
        "seat 14: candidate A (BJP) is listed twice; refused");
  }

  @Test
  void a_correction_may_lower_votes_drop_a_candidate_and_reopen_a_declared_seat() {
    ApplyResult r = store.apply(batch(
        correction(snapshot(12, SeatStatus.COUNTING, 5, 18, T1, cand("MAHUA MOITRA", "AITC", 565910),
            cand("NOTA", "NOTA", 1100))),
        correction(snapshot(13, SeatStatus.COUNTING, 16, 17, T1, cand("DIPAK BARMAN", "BJP", 100000),
            cand("PARITOSH ROY", "AITC", 80000)))));
    assertThat(r.rejections()).isEmpty();
    assertThat(r.acceptedSeats()).containsExactly(12, 13);
    assertThat(r.events()).extracting(e -> e.type()).containsExactly(EventType.SEAT_CHANGED,
        EventType.SEAT_CHANGED, EventType.TALLY_CHANGED);
    try (ResultsReader reader = ResultsReader.open(dir)) {
      var seat12 = reader.constituency("S25", 12).orElseThrow();
      assertThat(seat12.getJsonArray("candidates")).hasSize(2);
      assertThat(seat12.getJsonObject("leader").getLong("votes")).isEqualTo(565910L);
      assertThat(seat12.getValue("runnerUp")).isNull();
      assertThat(reader.snapshots("S25", 12).getJsonObject(1).getBoolean("correction")).isTrue();
      assertThat(reader.constituency("S25", 13).orElseThrow().getString("status")).isEqualTo("counting");
    }
  }
}
