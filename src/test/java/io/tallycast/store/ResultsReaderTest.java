package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.T0;
import static io.tallycast.store.StoreFixtures.WB;
import static io.tallycast.store.StoreFixtures.batch;
import static io.tallycast.store.StoreFixtures.cand;
import static io.tallycast.store.StoreFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.election.SeatStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON the overlay, the console and the acceptance checks read: field names are a contract. */
class ResultsReaderTest {
  private static final Set<String> SEAT_FIELDS = Set.of("state", "no", "name", "district", "status", "rounds", "leader",
      "runnerUp", "margin", "past", "updatedAt", "overridden");

  @TempDir
  Path dir;
  private ResultsStore store;
  private ResultsReader reader;

  @BeforeEach
  void open() {
    store = ResultsStore.open(dir, WB);
    reader = ResultsReader.open(dir);
  }

  @AfterEach
  void close() {
    reader.close();
    store.close();
  }

  private void countSeat12AndDeclareSeat1() {
    store.apply(batch(
        snapshot(12, SeatStatus.COUNTING, 4, 18, T0, new SnapshotCandidate("SUMAN KANJILAL", "BJP", 7000, 40, 7040),
            new SnapshotCandidate("SOURAV CHAKRABORTY", "AITC", 2900, 60, 2960), cand("NOTA", "NOTA", 0)),
        StoreFixtures.finalResult(1, T0.plusSeconds(30))));
  }

  @Test
  void before_any_data_every_seat_is_awaiting_and_the_past_is_shown() {
    JsonObject summary = reader.summary("S25");
    assertThat(summary.fieldNames()).containsExactlyInAnyOrder("state", "seats", "majority", "parties", "updatedAt");
    assertThat(summary.getJsonObject("seats").fieldNames())
        .containsExactlyInAnyOrder("total", "declared", "counting", "awaiting");
    assertThat(summary.getJsonObject("seats").getInteger("awaiting")).isEqualTo(294);
    assertThat(summary.getValue("updatedAt")).isNull();
    JsonObject inc = summary.getJsonArray("parties").stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("party").equals("INC")).findFirst().orElseThrow();
    assertThat(inc.getInteger("past")).isEqualTo(44);
    assertThat(inc.getInteger("change")).isEqualTo(-44);

    JsonArray seats = reader.constituencies("S25");
    assertThat(seats).hasSize(294);
    JsonObject first = seats.getJsonObject(0);
    assertThat(first.fieldNames()).containsExactlyInAnyOrderElementsOf(SEAT_FIELDS);
    assertThat(first.getInteger("no")).isEqualTo(1);
    assertThat(first.getString("name")).isEqualTo("MEKLIGANJ");
    assertThat(first.getString("district")).isEqualTo("COOCH BEHAR");
    assertThat(first.getString("status")).isEqualTo("awaiting");
    assertThat(first.getValue("leader")).isNull();
    assertThat(first.getValue("margin")).isNull();
    assertThat(first.getValue("updatedAt")).isNull();
    assertThat(first.getJsonObject("past").fieldNames()).containsExactlyInAnyOrder("party", "candidate");
    assertThat(first.getJsonObject("past").getString("party")).isEqualTo("AITC");
    assertThat(seats.getJsonObject(293).getInteger("no")).isEqualTo(294);
  }

  @Test
  void summary_parties_carry_exactly_the_contract_fields_and_count_leads_and_wins() {
    countSeat12AndDeclareSeat1();
    JsonObject summary = reader.summary("S25");
    assertThat(summary.getJsonObject("seats"))
        .isEqualTo(new JsonObject().put("total", 294).put("declared", 1).put("counting", 1).put("awaiting", 292));
    assertThat(summary.getString("updatedAt")).isEqualTo(T0.plusSeconds(30).toString());
    JsonArray parties = summary.getJsonArray("parties");
    for (Object p : parties) {
      assertThat(((JsonObject) p).fieldNames()).containsExactlyInAnyOrder("party", "name", "color", "won", "leading",
          "votes", "voteShare", "change", "past");
    }
    JsonObject aitc = parties.getJsonObject(0);
    assertThat(aitc.getString("party")).isEqualTo("AITC");
    assertThat(aitc.getString("name")).isEqualTo("All India Trinamool Congress");
    assertThat(aitc.getString("color")).matches("#[0-9A-F]{6}");
    assertThat(aitc.getInteger("won")).isEqualTo(1);
    JsonObject bjp = parties.getJsonObject(1);
    assertThat(bjp.getString("party")).isEqualTo("BJP");
    assertThat(bjp.getInteger("won")).isZero();
    assertThat(bjp.getInteger("leading")).isEqualTo(1);
    long all = parties.stream().mapToLong(p -> ((JsonObject) p).getLong("votes")).sum();
    assertThat(bjp.getDouble("voteShare"))
        .isEqualTo(Math.round(bjp.getLong("votes") * 10000.0 / all) / 100.0);
  }

  @Test
  void a_seat_shows_leader_runner_up_margin_candidates_and_snapshot_count() {
    countSeat12AndDeclareSeat1();
    JsonObject seat = reader.constituency("S25", 12).orElseThrow();
    assertThat(seat.fieldNames()).containsAll(SEAT_FIELDS).contains("candidates", "snapshots")
        .hasSize(SEAT_FIELDS.size() + 2);
    assertThat(seat.getString("status")).isEqualTo("counting");
    assertThat(seat.getJsonObject("rounds")).isEqualTo(new JsonObject().put("done", 4).put("total", 18));
    assertThat(seat.getJsonObject("leader")).isEqualTo(new JsonObject().put("candidate", "SUMAN KANJILAL")
        .put("party", "BJP").put("votes", 7040L));
    assertThat(seat.getJsonObject("runnerUp").getString("party")).isEqualTo("AITC");
    assertThat(seat.getLong("margin")).isEqualTo(4080L);
    assertThat(seat.getString("updatedAt")).isEqualTo(T0.toString());
    assertThat(seat.getLong("snapshots")).isEqualTo(1L);
    JsonArray candidates = seat.getJsonArray("candidates");
    assertThat(candidates.getJsonObject(0).fieldNames())
        .containsExactlyInAnyOrder("candidate", "party", "evmVotes", "postalVotes", "votes", "voteShare");
    assertThat(candidates.getJsonObject(0).getLong("postalVotes")).isEqualTo(40L);
    assertThat(candidates.getJsonObject(0).getDouble("voteShare")).isEqualTo(70.4);
    assertThat(candidates.stream().map(c -> ((JsonObject) c).getLong("votes")).toList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(reader.constituency("S25", 999)).isEmpty();
    assertThat(reader.constituencies("S25").getJsonObject(11)).isEqualTo(seatWithout(seat));
  }

  private static JsonObject seatWithout(JsonObject seat) {
    JsonObject copy = seat.copy();
    copy.remove("candidates");
    copy.remove("snapshots");
    return copy;
  }

  @Test
  void events_are_the_result_events_json_filtered_by_id_and_type() {
    countSeat12AndDeclareSeat1();
    JsonArray all = reader.events(0, 100, Set.of());
    assertThat(all).hasSize(4); // seat.changed x2, seat.declared, tally.changed
    JsonObject declared = reader.events(0, 100, Set.of("seat.declared")).getJsonObject(0);
    assertThat(declared.fieldNames()).containsExactlyInAnyOrder("id", "type", "state", "seat", "at", "winner", "margin",
        "past", "result", "gainedFrom", "text");
    assertThat(declared.getString("text")).isEqualTo("AITC hold");
    JsonObject changed = all.getJsonObject(0);
    assertThat(changed.fieldNames()).containsExactlyInAnyOrder("id", "type", "state", "seat", "at", "before", "after");
    assertThat(changed.getJsonObject("after").fieldNames())
        .containsExactlyInAnyOrder("status", "roundsDone", "roundsTotal", "leader", "margin");
    long firstId = all.getJsonObject(0).getLong("id");
    assertThat(reader.events(firstId, 2, Set.of())).hasSize(2);
    assertThat(reader.events(firstId, 2, Set.of()).getJsonObject(0).getLong("id")).isGreaterThan(firstId);
    JsonObject tally = reader.events(0, 10, Set.of("tally.changed")).getJsonObject(0);
    assertThat(tally.getValue("seat")).isNull();
    assertThat(tally.getJsonObject("after").getJsonObject("BJP").getInteger("leading")).isEqualTo(1);
    assertThat(reader.lastEventId()).isEqualTo(all.getJsonObject(3).getLong("id"));
    assertThatThrownBy(() -> reader.events(0, 10, Set.of("seat.exploded")))
        .hasMessageContaining("seat.exploded");
  }

  @Test
  void the_cached_summary_follows_every_commit_and_callers_cannot_change_it() {
    JsonObject empty = reader.summary("S25");
    empty.put("majority", -1);
    assertThat(reader.summary("S25").getInteger("majority")).isEqualTo(148);
    countSeat12AndDeclareSeat1();
    assertThat(reader.summary("S25").getJsonObject("seats").getInteger("declared")).isEqualTo(1);
    assertThat(reader.constituencies("S25").getJsonObject(0).getString("status")).isEqualTo("declared");
  }

  @Test
  void a_reader_needs_the_store_to_have_created_the_database() {
    assertThatThrownBy(() -> ResultsReader.open(dir.resolve("nothing-here")))
        .hasMessageContaining("no results database").hasMessageContaining("nothing-here");
  }
}
