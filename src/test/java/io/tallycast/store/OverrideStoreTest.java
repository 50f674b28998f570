package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.T0;
import static io.tallycast.store.StoreFixtures.WB;
import static io.tallycast.store.StoreFixtures.batch;
import static io.tallycast.store.StoreFixtures.cand;
import static io.tallycast.store.StoreFixtures.dump;
import static io.tallycast.store.StoreFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.OverrideRelease;
import io.tallycast.bus.OverrideResult;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.SeatOverride;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.Standing;
import io.tallycast.bus.Wire;
import io.tallycast.election.SeatStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator overrides in the store: written as a correction with their events and an audit row, in one transaction;
 * the seat's scraped snapshots held meanwhile; the site's figures taken again (as a correction) after the release;
 * every refusal leaves the database as it was.
 */
class OverrideStoreTest {
  @TempDir
  Path dir;
  private ResultsStore store;

  /** Seat 12 (ALIPURDUARS, AITC in 2016) counting at round 6 of 18, BJP ahead; seat 13 awaiting. */
  @BeforeEach
  void seatTwelveCounting() {
    store = ResultsStore.open(dir, WB);
    store.apply(batch(snapshot(12, SeatStatus.COUNTING, 6, 18, T0, cand("MUKUL ROY", "BJP", 40000),
        cand("KAUSHANI MUKHERJEE", "AITC", 38000), cand("NOTA", "NOTA", 900))));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static SeatOverride declare(int seat, String reason, Standing... votes) {
    return new SeatOverride("S25", seat, reason, SeatStatus.DECLARED, votes.length == 0 ? null : List.of(votes), null,
        null);
  }

  private static List<String> types(List<ResultEvent> events) {
    return events.stream().map(e -> e.type().typeName()).toList();
  }

  @Test
  void an_override_declares_the_seat_as_a_correction_with_its_events_and_an_audit_row() {
    OverrideResult r = store.override(declare(12, "RO announced the result; the site is stuck",
        new Standing("MUKUL ROY", "BJP", 39500)));

    assertThat(types(r.events())).containsExactly("seat.overridden", "seat.changed", "seat.declared", "tally.changed");
    JsonObject overridden = Wire.json(r.events().get(0));
    assertThat(overridden.getString("name")).isEqualTo("ALIPURDUARS");
    assertThat(overridden.getLong("overrideId")).isEqualTo(r.override().getLong("id"));
    assertThat(overridden.getString("reason")).isEqualTo("RO announced the result; the site is stuck");
    assertThat(overridden.getString("status")).isEqualTo("declared");
    assertThat(overridden.getJsonObject("leader")).isEqualTo(new JsonObject().put("candidate", "MUKUL ROY")
        .put("party", "BJP").put("votes", 39500L));
    assertThat(Wire.json(r.events().get(2)).getString("text")).isEqualTo("BJP gain from AITC");

    JsonObject row = r.override();
    assertThat(row.getBoolean("active")).isTrue();
    assertThat(row.getJsonObject("before").getJsonObject("rounds")).isEqualTo(rounds(6, 18));
    assertThat(row.getJsonObject("after").getJsonObject("rounds")).isEqualTo(rounds(18, 18));
    assertThat(row.getJsonObject("after").getJsonArray("candidates").getJsonObject(0).getLong("votes"))
        .isEqualTo(39500L);
    assertThat(row.getJsonObject("before").getJsonArray("candidates").getJsonObject(0).getLong("votes"))
        .isEqualTo(40000L);

    try (ResultsReader reader = ResultsReader.open(dir)) {
      JsonObject seat = reader.constituency("S25", 12).orElseThrow();
      assertThat(seat.getString("status")).isEqualTo("declared");
      assertThat(seat.getJsonObject("overridden").fieldNames()).containsExactlyInAnyOrder("id", "at", "reason");
      assertThat(seat.getJsonObject("leader").getLong("votes")).isEqualTo(39500L);
      assertThat(reader.constituencies("S25").getJsonObject(11).getJsonObject("overridden")).isNotNull();
      assertThat(reader.constituencies("S25").getJsonObject(12).getValue("overridden")).isNull();
      JsonArray history = reader.snapshots("S25", 12);
      assertThat(history.getJsonObject(1).getBoolean("correction")).isTrue();
      assertThat(history.getJsonObject(1).getLong("overrideId")).isEqualTo(row.getLong("id"));
      assertThat(reader.overrides()).containsExactly(row);
      assertThat(reader.summary("S25").getJsonObject("seats").getInteger("declared")).isEqualTo(1);
    }
  }

  @Test
  void scraped_snapshots_of_an_overridden_seat_are_held_and_the_first_after_the_release_is_a_correction() {
    store.override(declare(12, "declared by the RO", new Standing("MUKUL ROY", "BJP", 45000)));
    Snapshot scraped = snapshot(12, SeatStatus.COUNTING, 7, 18, T0.plusSeconds(60), cand("MUKUL ROY", "BJP", 44000),
        cand("KAUSHANI MUKHERJEE", "AITC", 41000), cand("NOTA", "NOTA", 950));
    Snapshot other = snapshot(20, SeatStatus.COUNTING, 1, 15, T0.plusSeconds(60), cand("X", "CPM", 10));

    ApplyResult held = store.apply(batch(scraped, other));
    assertThat(held.heldSeats()).containsExactly(12);
    assertThat(held.acceptedSeats()).containsExactly(20);
    assertThat(held.rejections()).isEmpty();
    assertThat(held.events()).noneMatch(e -> Integer.valueOf(12).equals(e.seat()));
    assertThat(store.heldCount()).isEqualTo(1);
    assertThat(store.activeOverrides()).isEqualTo(1);

    OverrideResult released = store.release(new OverrideRelease("S25", 12, "the site caught up"));
    assertThat(types(released.events())).containsExactly("override.released");
    assertThat(Wire.json(released.events().get(0)).getString("reason")).isEqualTo("the site caught up");
    assertThat(released.override().getBoolean("active")).isFalse();
    assertThat(released.override().getString("releaseReason")).isEqualTo("the site caught up");
    assertThat(store.activeOverrides()).isZero();

    // lower than the operator's 45000, and counting again: taken, as a correction
    ApplyResult after = store.apply(batch(scraped));
    assertThat(after.acceptedSeats()).containsExactly(12);
    assertThat(after.rejections()).isEmpty();
    assertThat(types(after.events())).contains("seat.changed");
    // from then on the usual rules: votes going down again are refused
    ApplyResult down = store.apply(batch(snapshot(12, SeatStatus.COUNTING, 8, 18, T0.plusSeconds(120),
        cand("MUKUL ROY", "BJP", 43000), cand("KAUSHANI MUKHERJEE", "AITC", 42000), cand("NOTA", "NOTA", 960))));
    assertThat(down.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("went down"));
    try (ResultsReader reader = ResultsReader.open(dir)) {
      JsonObject seat = reader.constituency("S25", 12).orElseThrow();
      assertThat(seat.getValue("overridden")).isNull();
      assertThat(seat.getString("status")).isEqualTo("counting");
      assertThat(seat.getJsonObject("leader").getLong("votes")).isEqualTo(44000L);
      assertThat(reader.snapshots("S25", 12).getJsonObject(2).getBoolean("correction")).isTrue();
    }
  }

  @Test
  void an_override_survives_a_reopen_and_keeps_holding_the_seat() {
    store.override(declare(12, "declared by the RO"));
    store.close();
    store = ResultsStore.open(dir, WB);
    assertThat(store.activeOverrides()).isEqualTo(1);
    ApplyResult r = store.apply(batch(snapshot(12, SeatStatus.COUNTING, 7, 18, T0.plusSeconds(60),
        cand("MUKUL ROY", "BJP", 41000), cand("KAUSHANI MUKHERJEE", "AITC", 39000), cand("NOTA", "NOTA", 900))));
    assertThat(r.heldSeats()).containsExactly(12);
  }

  @Test
  void a_second_override_replaces_the_first_and_the_seat_stays_held() {
    long first = store.override(declare(12, "first")).override().getLong("id");
    OverrideResult second = store.override(new SeatOverride("S25", 12, "typo in the votes", SeatStatus.DECLARED,
        List.of(new Standing("MUKUL ROY", "BJP", 40100)), null, null));
    try (ResultsReader reader = ResultsReader.open(dir)) {
      JsonArray trail = reader.overrides();
      assertThat(trail).hasSize(2);
      assertThat(trail.getJsonObject(0)).isEqualTo(second.override());
      assertThat(trail.getJsonObject(1).getLong("id")).isEqualTo(first);
      assertThat(trail.getJsonObject(1).getBoolean("active")).isFalse();
      assertThat(trail.getJsonObject(1).getString("releaseReason"))
          .isEqualTo("replaced by override #" + second.override().getLong("id"));
      assertThat(reader.constituency("S25", 12).orElseThrow().getJsonObject("overridden").getLong("id"))
          .isEqualTo(second.override().getLong("id"));
    }
    // already declared: no second declaration, just the corrected figures
    assertThat(types(second.events())).containsExactly("seat.overridden", "seat.changed");
    assertThat(store.activeOverrides()).isEqualTo(1);
  }

  @Test
  void an_override_that_changes_no_figure_still_holds_the_seat_and_says_so() throws Exception {
    OverrideResult r = store.override(new SeatOverride("S25", 12, "hold this seat: the site shows another seat's page",
        SeatStatus.COUNTING, null, null, null));
    assertThat(types(r.events())).containsExactly("seat.overridden");
    assertThat(store.snapshotCount()).isEqualTo(1);
  }

  @Test
  void refusals_name_the_problem_and_change_nothing() throws Exception {
    List<String> before = dump(dir);
    assertRefused(() -> store.override(declare(999, "x")), 404, "no constituency numbered 999");
    assertRefused(() -> store.override(declare(13, "x")), 409, "seat 13 (FALAKATA) has no figures yet");
    assertRefused(() -> store.override(declare(12, "x", new Standing("SOMEONE ELSE", "BJP", 5))), 400,
        "has no candidate 'SOMEONE ELSE' (BJP)");
    assertRefused(() -> store.override(declare(12, "x", new Standing("MUKUL ROY", "AITC", 5))), 400,
        "has no candidate 'MUKUL ROY' (AITC)");
    assertRefused(() -> store.override(declare(12, "x", new Standing("KAUSHANI MUKHERJEE", "AITC", 40000))), 400,
        "a declared seat needs a single leader: 'KAUSHANI MUKHERJEE' (AITC) and 'MUKUL ROY' (BJP) are tied at 40000");
    assertRefused(() -> store.override(declare(12, "x", new Standing("KAUSHANI MUKHERJEE", "AITC", 0),
        new Standing("MUKUL ROY", "BJP", 0))), 400, "a declared seat needs a winner");
    assertRefused(() -> store.override(new SeatOverride("S25", 12, "x", SeatStatus.COUNTING, null, 20, null)), 400,
        "rounds done 20 of 18 total is impossible");
    assertRefused(() -> store.release(new OverrideRelease("S25", 12, "x")), 409,
        "seat 12 (ALIPURDUARS) is not overridden");
    assertRefused(() -> store.release(new OverrideRelease("S25", 0, "x")), 404, "no constituency numbered 0");
    assertThat(dump(dir)).isEqualTo(before);
    assertThat(store.lastEventId()).isEqualTo(2);
  }

  @Test
  void a_request_without_a_reason_or_with_impossible_figures_cannot_even_be_made() {
    assertThatThrownBy(() -> declare(12, "  ")).hasMessage("'reason' is required: say why the seat is overridden");
    assertThatThrownBy(() -> declare(12, "x".repeat(501)))
        .hasMessage("'reason' is at most 500 characters (this one has 501)");
    assertThatThrownBy(() -> declare(12, "x", new Standing("A", "BJP", 1), new Standing("A", "BJP", 2)))
        .hasMessage("candidate 'A' (BJP) is listed twice");
    assertThatThrownBy(() -> declare(12, "x", new Standing("A", "BJP", -1)))
        .hasMessage("votes of 'A' (BJP) must not be negative (-1)");
    assertThatThrownBy(() -> new SeatOverride("S25", 12, "x", SeatStatus.AWAITING, null, null, null))
        .hasMessage("'status' must be counting or declared");
    assertThatThrownBy(() -> new OverrideRelease("S25", 12, null))
        .hasMessage("'reason' is required: say why the seat is released");
    assertThat(declare(12, " padded ").reason()).isEqualTo("padded");
  }

  private static void assertRefused(Runnable call, int status, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(OverrideRefused.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.getMessage()).contains(message);
    });
  }

  private static JsonObject rounds(int done, int total) {
    return new JsonObject().put("done", done).put("total", total);
  }
}
