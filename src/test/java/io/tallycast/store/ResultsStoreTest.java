package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.T0;
import static io.tallycast.store.StoreFixtures.WB;
import static io.tallycast.store.StoreFixtures.allFinals;
import static io.tallycast.store.StoreFixtures.batch;
import static io.tallycast.store.StoreFixtures.cand;
import static io.tallycast.store.StoreFixtures.dump;
import static io.tallycast.store.StoreFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.ArchivedPage;
import io.tallycast.bus.EventType;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.Wire;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatStatus;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
  @TempDir
  Path dir;

  private static List<ResultEvent> ofType(ApplyResult r, EventType type) {
    return r.events().stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void replaying_the_2021_finals_gives_the_real_tally_and_gain_or_hold_against_2016() {
    ApplyResult r;
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      r = store.apply(allFinals(T0));
    }
    assertThat(r.rejections()).isEmpty();
    assertThat(r.acceptedSeats()).hasSize(294);
    Map<Integer, JsonObject> declared = ofType(r, EventType.SEAT_DECLARED).stream()
        .collect(Collectors.toMap(ResultEvent::seat, Wire::json));
    assertThat(declared).hasSize(294);
    assertThat(declared.get(1).getString("text")).isEqualTo("AITC hold"); // MEKLIGANJ
    assertThat(declared.get(26).getString("text")).isEqualTo("BJP gain from CPM"); // SILIGURI
    assertThat(declared.get(25).getString("text")).isEqualTo("BJP gain from INC"); // MATIGARA NAXALBARI
    assertThat(declared.get(210).getString("text")).isEqualTo("BJP gain from AITC"); // NANDIGRAM
    assertThat(declared.get(23).getString("gainedFrom")).isEqualTo("GJM"); // DARJEELING
    assertThat(declared.get(150).getString("text")).isEqualTo("AITC gain from CPM"); // JADAVPUR
    assertThat(declared.get(210).getJsonObject("winner").getString("candidate")).isEqualTo("ADHIKARI SUVENDU");
    // every seat's verdict agrees with the 2016 winner
    declared.forEach((seat, body) -> {
      String past = WB.past().get(seat).winner().party();
      String now = WB.finals().get(seat).winner().party();
      assertThat(body.getString("past")).isEqualTo(past);
      assertThat(body.getString("result")).as("seat %d", seat).isEqualTo(past.equals(now) ? "hold" : "gain");
      assertThat(body.getLong("margin")).isEqualTo(WB.finals().get(seat).margin());
    });
    assertThat(ofType(r, EventType.SEAT_CHANGED)).hasSize(294);
    assertThat(ofType(r, EventType.LEAD_FLIPPED)).isEmpty();
    List<ResultEvent> tally = ofType(r, EventType.TALLY_CHANGED);
    assertThat(tally).hasSize(1);
    assertThat(Wire.json(tally.get(0)).getJsonObject("after").getJsonObject("AITC").getInteger("won")).isEqualTo(215);
    assertThat(tally.get(0).at()).isEqualTo(T0.plusSeconds(294)); // the newest source time in the batch

    try (ResultsReader reader = ResultsReader.open(dir)) {
      JsonObject summary = reader.summary("S25");
      Map<String, JsonObject> parties = summary.getJsonArray("parties").stream().map(JsonObject.class::cast)
          .collect(Collectors.toMap(p -> p.getString("party"), Function.identity()));
      assertThat(parties.get("AITC").getInteger("won")).isEqualTo(215);
      assertThat(parties.get("BJP").getInteger("won")).isEqualTo(77);
      assertThat(parties.get("IND").getInteger("won")).isEqualTo(1);
      assertThat(parties.get("RSSCMJP").getInteger("won")).isEqualTo(1);
      assertThat(parties.get("AITC").getInteger("change")).isEqualTo(215 - 211);
      assertThat(parties.get("INC").getInteger("change")).isEqualTo(-44);
      assertThat(parties.get("INC").getInteger("past")).isEqualTo(44);
      assertThat(summary.getJsonObject("seats"))
          .isEqualTo(new JsonObject().put("total", 294).put("declared", 294).put("counting", 0).put("awaiting", 0));
      assertThat(summary.getInteger("majority")).isEqualTo(148);
      assertThat(summary.getJsonArray("parties").getJsonObject(0).getString("party")).isEqualTo("AITC");
    }
  }

  @Test
  void a_lead_change_between_two_snapshots_gives_exactly_one_flip_and_a_first_lead_none() {
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      ApplyResult first = store.apply(batch(snapshot(12, SeatStatus.COUNTING, 1, 18, T0,
          cand("SUMAN KANJILAL", "BJP", 4000), cand("SOURAV CHAKRABORTY", "AITC", 3500))));
      assertThat(ofType(first, EventType.LEAD_FLIPPED)).isEmpty();
      ApplyResult second = store.apply(batch(snapshot(12, SeatStatus.COUNTING, 2, 18, T0.plusSeconds(60),
          cand("SUMAN KANJILAL", "BJP", 7000), cand("SOURAV CHAKRABORTY", "AITC", 7400))));
      List<ResultEvent> flips = ofType(second, EventType.LEAD_FLIPPED);
      assertThat(flips).hasSize(1);
      assertThat(flips.get(0).seat()).isEqualTo(12);
      assertThat(flips.get(0).at()).isEqualTo(T0.plusSeconds(60));
      assertThat(Wire.json(flips.get(0)).getString("from")).isEqualTo("BJP");
      assertThat(Wire.json(flips.get(0)).getString("to")).isEqualTo("AITC");
      assertThat(Wire.json(flips.get(0)).getString("toCandidate")).isEqualTo("SOURAV CHAKRABORTY");
      assertThat(Wire.json(flips.get(0)).getLong("margin")).isEqualTo(400L);
      // a flip in the leading count moves the tally too
      assertThat(ofType(second, EventType.TALLY_CHANGED)).hasSize(1);
    }
  }

  @Test
  void an_identical_repeat_is_accepted_but_writes_nothing_and_makes_no_event() throws Exception {
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      Snapshot s = snapshot(7, SeatStatus.COUNTING, 3, 20, T0, cand("A", "BJP", 100), cand("B", "AITC", 90));
      store.apply(batch(s));
      List<String> before = dump(dir);
      // a later source time with the same figures is still the same reading
      Snapshot repeat = snapshot(7, SeatStatus.COUNTING, 3, 20, T0.plusSeconds(30), cand("B", "AITC", 90),
          cand("A", "BJP", 100));
      ApplyResult r = store.apply(batch(repeat));
      assertThat(r.acceptedSeats()).containsExactly(7);
      assertThat(r.rejections()).isEmpty();
      assertThat(r.events()).isEmpty();
      assertThat(dump(dir)).isEqualTo(before);
    }
  }

  @Test
  void every_accepted_snapshot_is_kept_as_the_history_of_its_seat() {
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      for (int round = 1; round <= 5; round++) {
        store.apply(batch(snapshot(33, SeatStatus.COUNTING, round, 5, T0.plusSeconds(round),
            cand("A", "BJP", 100L * round), cand("B", "AITC", 90L * round))));
      }
      store.apply(batch(snapshot(33, SeatStatus.DECLARED, 5, 5, T0.plusSeconds(9), cand("A", "BJP", 500),
          cand("B", "AITC", 450))));
      assertThat(store.snapshotCount()).isEqualTo(6);
    }
    try (ResultsReader reader = ResultsReader.open(dir)) {
      var history = reader.snapshots("S25", 33);
      assertThat(history).hasSize(6);
      assertThat(history.getJsonObject(0).getJsonObject("rounds").getInteger("done")).isEqualTo(1);
      assertThat(history.getJsonObject(5).getString("status")).isEqualTo("declared");
      assertThat(history.getJsonObject(2).getJsonArray("candidates").getJsonObject(0).getLong("votes")).isEqualTo(300L);
      assertThat(reader.snapshotCount()).isEqualTo(6);
      assertThat(reader.constituency("S25", 33).orElseThrow().getLong("snapshots")).isEqualTo(6L);
    }
  }

  @Test
  void event_ids_strictly_increase_across_batches_and_across_close_and_reopen() {
    List<Long> ids = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      try (ResultsStore store = ResultsStore.open(dir, WB)) {
        assertThat(store.lastEventId()).isEqualTo(ids.isEmpty() ? 0 : ids.get(ids.size() - 1));
        for (int i = 1; i <= 3; i++) {
          int votes = run * 1000 + i * 10;
          ApplyResult r = store.apply(batch(snapshot(40 + run, SeatStatus.COUNTING, i, 9, T0.plusSeconds(votes),
              cand("A", "BJP", votes), cand("B", "CPM", votes / 2))));
          r.events().forEach(e -> ids.add(e.id()));
          assertThat(store.lastEventId()).isEqualTo(ids.get(ids.size() - 1));
        }
      }
    }
    assertThat(ids).hasSizeGreaterThan(9).isSorted().doesNotHaveDuplicates();
    try (ResultsReader reader = ResultsReader.open(dir)) {
      assertThat(reader.events(0, 1000, java.util.Set.of()).stream()
          .map(o -> ((JsonObject) o).getLong("id")).toList()).isEqualTo(ids);
    }
  }

  @Test
  void reopening_keeps_everything_and_another_election_is_refused_with_a_clear_message() throws Exception {
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      store.apply(allFinals(T0));
    }
    List<String> before = dump(dir);
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      assertThat(store.snapshotCount()).isEqualTo(294);
    }
    assertThat(dump(dir)).isEqualTo(before);

    var fewer = new java.util.TreeMap<>(WB.seats());
    fewer.remove(294);
    ElectionData other = new ElectionData(WB.state(), WB.stateCode(), WB.parties(), fewer, WB.past(), WB.pastYear(),
        WB.finals());
    assertThatThrownBy(() -> ResultsStore.open(dir, other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another election")
        .hasMessageContaining("seat S25 294 is 'MURARAI' there and absent here")
        .hasMessageContaining("fresh data dir");
    assertThat(dump(dir)).isEqualTo(before);
  }

  @Test
  void a_second_writer_on_the_same_data_dir_is_refused() {
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      assertThatThrownBy(() -> ResultsStore.open(dir, WB)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already writing");
    }
  }

  @Test
  void an_sql_error_rolls_back_the_whole_batch_and_the_store_keeps_working() throws Exception {
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      List<String> before = dump(dir);
      ScrapeBatch broken = new ScrapeBatch("S25", List.of(StoreFixtures.finalResult(1, T0)),
          List.of(new ArchivedPage("https://results.example/1", T0, "abc", null)));
      assertThatThrownBy(() -> store.apply(broken)).isInstanceOf(StoreException.class)
          .hasMessageContaining("rolled back").hasMessageContaining("NOT NULL");
      assertThat(dump(dir)).isEqualTo(before);
      assertThat(store.lastEventId()).isZero();
      assertThat(store.apply(batch(StoreFixtures.finalResult(1, T0))).events()).hasSize(3);
    }
  }

  @Test
  void archived_pages_are_kept_once_per_content() throws Exception {
    byte[] gz = {31, -117, 8, 0};
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      store.apply(new ScrapeBatch("S25", List.of(), List.of(new ArchivedPage("u1", T0, "sha-1", gz))));
      store.apply(new ScrapeBatch("S25", List.of(), List.of(new ArchivedPage("u1", T0.plusSeconds(5), "sha-1", gz),
          new ArchivedPage("u2", T0, "sha-2", gz))));
    }
    assertThat(dump(dir).stream().filter(l -> l.contains("|sha-")).toList()).hasSize(2);
  }

  @Test
  void times_are_kept_to_the_millisecond() {
    try (ResultsStore store = ResultsStore.open(dir, WB)) {
      Instant precise = Instant.parse("2021-05-02T10:00:00.123456789Z");
      ApplyResult r = store.apply(batch(snapshot(3, SeatStatus.COUNTING, 1, 9, precise, cand("A", "BJP", 5))));
      assertThat(r.events().get(0).at()).isEqualTo(Instant.parse("2021-05-02T10:00:00.123Z"));
    }
  }
}
