package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.cli.DemoCommand;
import io.tallycast.election.SeatResult;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The demo's acceptance: a whole counting day replayed at 2000x is followed seat by seat to the real result. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTier
class DemoReplayTest {
  @TempDir
  static Path dataDir;
  Pipeline pipeline;

  @BeforeAll
  void replayTheWholeCountingDay(Vertx vertx) {
    pipeline = Pipeline.start(vertx, dataDir, 2000, c -> c.withInterval(DemoCommand.intervalFor(2000)));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("declared") == 294);
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  @Test
  void the_summary_shows_all_294_declared_with_the_real_seat_counts() {
    JsonObject summary = pipeline.summary();
    assertThat(summary.getJsonObject("seats").getMap()).containsEntry("total", 294).containsEntry("declared", 294)
        .containsEntry("counting", 0).containsEntry("awaiting", 0);
    assertThat(summary.getInteger("majority")).isEqualTo(148);
    Map<String, Integer> won = new HashMap<>();
    summary.getJsonArray("parties").forEach(p -> won.put(((JsonObject) p).getString("party"),
        ((JsonObject) p).getInteger("won")));
    assertThat(won).containsEntry("AITC", 215).containsEntry("BJP", 77).containsEntry("IND", 1)
        .containsEntry("RSSCMJP", 1);
    JsonObject aitc = party(summary, "AITC");
    assertThat(aitc.getString("name")).isEqualTo("All India Trinamool Congress");
    assertThat(aitc.getInteger("change")).isEqualTo(215 - 211);
    assertThat(aitc.getString("color")).matches("#[0-9A-F]{6}");
  }

  @Test
  void every_seat_is_led_by_its_real_winner_with_the_real_votes() {
    JsonArray seats = pipeline.array("/api/constituencies");
    assertThat(seats).hasSize(294);
    for (Object o : seats) {
      JsonObject seat = (JsonObject) o;
      SeatResult real = Pipeline.WEST_BENGAL.finals().get(seat.getInteger("no"));
      JsonObject leader = seat.getJsonObject("leader");
      assertThat(leader.getString("candidate")).as("seat %d", seat.getInteger("no"))
          .isEqualTo(real.winner().candidate());
      assertThat(leader.getString("party")).isEqualTo(real.winner().party());
      assertThat(leader.getLong("votes")).isEqualTo(real.winner().votes());
      assertThat(seat.getLong("margin")).isEqualTo(real.margin());
      assertThat(seat.getString("status")).isEqualTo("declared");
    }
  }

  @Test
  void the_event_log_holds_lead_flips_and_one_declaration_per_seat() {
    JsonArray events = pipeline.array("/api/events?after=0");
    Set<Integer> declared = new HashSet<>();
    int flips = 0;
    long lastId = 0;
    for (Object o : events) {
      JsonObject e = (JsonObject) o;
      assertThat(e.getLong("id")).isGreaterThan(lastId);
      lastId = e.getLong("id");
      switch (e.getString("type")) {
        case "lead.flipped" -> {
          flips++;
          assertThat(e.getString("from")).isNotEqualTo(e.getString("to"));
        }
        case "seat.declared" -> assertThat(declared.add(e.getInteger("seat"))).isTrue();
        default -> { }
      }
    }
    assertThat(declared).hasSize(294);
    assertThat(flips).isGreaterThan(10);
  }

  @Test
  void the_store_keeps_the_history_of_every_seat() {
    long snapshots = pipeline.engine.reader().snapshotCount();
    assertThat(snapshots).isGreaterThan(294L * 3);
    JsonObject close = pipeline.json("/api/constituencies/1");
    assertThat(close.getInteger("snapshots")).isGreaterThan(3);
  }

  private static JsonObject party(JsonObject summary, String code) {
    return summary.getJsonArray("parties").stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("party").equals(code)).findFirst().orElseThrow();
  }
}
