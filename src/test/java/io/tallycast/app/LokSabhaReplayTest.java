package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.PartyRegistry;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SharedData;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lok Sabha 2024 replayed on one site (36 states, 543 seats, the 2024 page structure) and followed by one engine
 * to the end of the day: every state's tally, and the national seats won per party, are the ones computed here from
 * results-2024.csv (winners by votes). Surat, uncontested, has no votes to count: see the README.
 */
@SlowTier
class LokSabhaReplayTest {
  @TempDir
  Path dataDir;

  /** Seats won per state and party, from the file: most votes wins, NOTA aside; a seat without votes is left out. */
  private static Map<String, Map<String, Integer>> realTallies(PartyRegistry parties) throws Exception {
    Map<String, String[]> best = new TreeMap<>();
    for (String line : Files.readAllLines(SharedData.file("lok-sabha-2024/results-2024.csv"), StandardCharsets.UTF_8)) {
      String[] cells = line.replace("\uFEFF", "").split(",", -1);
      if (cells[6].equals("None of the Above") || cells[9].equals("-")) {
        continue;
      }
      best.merge(cells[1], cells, (a, b) -> Long.parseLong(b[9]) > Long.parseLong(a[9]) ? b : a);
    }
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    best.values().forEach(c -> out.computeIfAbsent(c[1].substring(0, 3), k -> new TreeMap<>())
        .merge(parties.require(c[6]).code(), 1, Integer::sum));
    return out;
  }

  private static Map<String, Integer> won(JsonObject summary) {
    Map<String, Integer> won = new TreeMap<>();
    summary.getJsonArray("parties").stream().map(JsonObject.class::cast).filter(p -> p.getInteger("won") > 0)
        .forEach(p -> won.put(p.getString("party"), p.getInteger("won")));
    return won;
  }

  @Test
  void replayed_to_the_end_every_states_tally_and_the_national_seats_per_party_are_the_files() throws Exception {
    Election ls = Election.embedded("ls2024");
    Map<String, Map<String, Integer>> real = realTallies(ls.main().parties());
    int seats = real.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    long started = System.nanoTime();
    try (Pipeline pipeline = Pipeline.election(MeteredVertx.of(Vertx.vertx()), dataDir, 1, ls)) {
      pipeline.clock(new JsonObject().put("paused", true));
      pipeline.clock(new JsonObject().put("advanceSeconds", 12 * 3600));
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> ls.states().stream()
          .mapToInt(s -> pipeline.json("/api/states/" + s.stateCode() + "/summary").getJsonObject("seats")
              .getInteger("declared")).sum() == seats);
      Map<String, Integer> national = new TreeMap<>();
      Map<String, Integer> realNational = new TreeMap<>();
      for (ElectionData state : ls.states()) {
        Map<String, Integer> tally = won(pipeline.json("/api/states/" + state.stateCode() + "/summary"));
        assertThat(tally).as(state.state()).isEqualTo(real.get(state.stateCode()));
        tally.forEach((p, n) -> national.merge(p, n, Integer::sum));
        real.get(state.stateCode()).forEach((p, n) -> realNational.merge(p, n, Integer::sum));
      }
      assertThat(national).isEqualTo(realNational);
      System.out.printf("ls2024 replayed in %d s: %s%n", (System.nanoTime() - started) / 1_000_000_000L, national);
    }
  }
}
