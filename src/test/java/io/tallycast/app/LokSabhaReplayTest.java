package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.support.LiveEvents;
import io.tallycast.support.LokSabha2024Results;
import io.tallycast.support.LokSabha2024Results.Winner;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lok Sabha 2024 replayed on one site (36 states, 543 seats, the 2024 page structure) and followed by one engine
 * to the end of the day: every one of the 543 seats is declared for the winner results-2024.csv names (most votes,
 * NOTA aside; Surat's one candidate, elected unopposed, declared from the start with no vote), with the file's votes
 * and margin; every state's tally and the national seats per party are the file's (BJP 240), and so is
 * {@code /api/national}, the states added up (majority 272), as the live channel last pushed it.
 */
@SlowTier
class LokSabhaReplayTest {
  @TempDir
  Path dataDir;

  private static Map<String, Integer> won(JsonObject summary) {
    Map<String, Integer> won = new TreeMap<>();
    summary.getJsonArray("parties").stream().map(JsonObject.class::cast).filter(p -> p.getInteger("won") > 0)
        .forEach(p -> won.put(p.getString("party"), p.getInteger("won")));
    return won;
  }

  @Test
  void replayed_to_the_end_every_seat_every_states_tally_and_the_national_seats_per_party_are_the_files()
      throws Exception {
    Election ls = Election.embedded("ls2024");
    Map<String, Winner> real = LokSabha2024Results.winners(ls.main().parties());
    assertThat(real).hasSize(ls.seatCount());
    long started = System.nanoTime();
    Vertx vertx = Vertx.vertx();
    try (Pipeline pipeline = Pipeline.election(MeteredVertx.of(vertx), dataDir, 1, ls);
         LiveEvents live = new LiveEvents(vertx, pipeline.engine.apiPort())) {
      pipeline.clock(new JsonObject().put("paused", true));
      pipeline.clock(new JsonObject().put("advanceSeconds", 12 * 3600));
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> ls.states().stream()
          .mapToInt(s -> pipeline.json("/api/states/" + s.stateCode() + "/summary").getJsonObject("seats")
              .getInteger("declared")).sum() == real.size());

      Map<String, Winner> stored = new TreeMap<>();
      Map<String, Integer> national = new TreeMap<>();
      for (ElectionData state : ls.states()) {
        for (Object o : pipeline.array("/api/states/" + state.stateCode() + "/constituencies")) {
          JsonObject seat = (JsonObject) o;
          JsonObject leader = seat.getJsonObject("leader");
          assertThat(seat.getString("status")).as("%s %d", state.state(), seat.getInteger("no")).isEqualTo("declared");
          stored.put(state.stateCode() + seat.getInteger("no"), new Winner(state.stateCode(), seat.getInteger("no"),
              leader.getString("party"), leader.getString("candidate"), leader.getLong("votes"),
              seat.getLong("margin")));
        }
        Map<String, Integer> tally = won(pipeline.json("/api/states/" + state.stateCode() + "/summary"));
        Map<String, Integer> realTally = new TreeMap<>();
        real.values().stream().filter(w -> w.state().equals(state.stateCode()))
            .forEach(w -> realTally.merge(w.party(), 1, Integer::sum));
        assertThat(tally).as(state.state()).isEqualTo(realTally);
        tally.forEach((p, n) -> national.merge(p, n, Integer::sum));
      }
      assertThat(stored).isEqualTo(real);

      Map<String, Integer> realNational = LokSabha2024Results.seatsByParty(real);
      assertThat(national).isEqualTo(realNational);

      // the national view adds the states up: the file's winners by party, all declared, majority 272; and the live
      // channel pushed it as it changed, ending on the same figures
      JsonObject whole = pipeline.json("/api/national");
      assertThat(whole.getInteger("majority")).isEqualTo(ls.seatCount() / 2 + 1).isEqualTo(272);
      assertThat(whole.getJsonObject("seats")).isEqualTo(new JsonObject().put("total", real.size())
          .put("declared", real.size()).put("counting", 0).put("awaiting", 0));
      Map<String, Integer> nationalWon = new TreeMap<>();
      whole.getJsonArray("parties").stream().map(JsonObject.class::cast).forEach(p -> {
        assertThat(p.getInteger("leading")).as(p.getString("party")).isZero();
        assertThat(p.getInteger("total")).isEqualTo(p.getInteger("won"));
        nationalWon.put(p.getString("party"), p.getInteger("won"));
      });
      assertThat(nationalWon).isEqualTo(realNational);
      assertThat(whole.getJsonArray("parties").getJsonObject(0).getString("party")).isEqualTo("BJP");
      assertThat(whole.getJsonArray("states")).hasSize(ls.states().size());
      await().atMost(Duration.ofSeconds(30)).until(() -> !live.named("national").isEmpty()
          && live.named("national").get(live.named("national").size() - 1).equals(whole));
      Winner surat = real.values().stream().filter(w -> w.margin() == null).findFirst().orElseThrow();
      System.out.printf("ls2024 replayed in %d s: all %d seats as the file, %s %d (uncontested: %s %d %s); %s; "
              + "/api/national majority %d, pushed %d times%n", (System.nanoTime() - started) / 1_000_000_000L,
          stored.size(), surat.party(), realNational.get(surat.party()), surat.state(), surat.seat(),
          surat.candidate(), national, whole.getInteger("majority"), live.named("national").size());
    }
  }
}
