package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.election.ElectionData;
import io.tallycast.store.ResultsReader;
import io.tallycast.support.DemoProcess;
import io.tallycast.support.RealDay2026;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tallycast demo --speed 2000 --no-stream`, as a user runs it: West Bengal's real counting day of 4 May 2026 replayed
 * from its recorded timeline and scraped over HTTP. Everything expected is read here from the third-party files
 * themselves (results-2026.csv, the recorded list snapshots, results-2021.csv), never from the engine's own data.
 */
@SlowTier
class DemoRealDayTest {
  @TempDir
  Path dataDir;

  @Test
  void the_demo_ends_on_the_real_2026_result_with_every_real_lead_change_and_each_gain_or_hold_against_2021()
      throws Exception {
    RealDay2026 real = RealDay2026.read();
    Map<Integer, RealDay2026.FinalRow> winners = real.winners();
    ElectionData wb = ElectionData.westBengal2026(); // only to name parties by our codes
    try (DemoProcess demo = DemoProcess.start(dataDir, "--speed", "2000", "--port", "0", "--no-stream")) {
      await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
          .until(() -> declared() == winners.size());
      // nothing can change after the last declaration: Falta never counts, every other seat is final
      assertThat(demo.output()).anyMatch(line -> line.contains("the real counting day of 2026-05-04"));
    }
    try (ResultsReader reader = ResultsReader.open(dataDir)) {
      SoftAssertions soft = new SoftAssertions();
      // every seat with a result is declared with the real winner and every candidate's real votes
      for (Map.Entry<Integer, List<RealDay2026.FinalRow>> seat : real.finals.entrySet()) {
        JsonObject stored = reader.constituency("S25", seat.getKey()).orElseThrow();
        if (!winners.containsKey(seat.getKey())) {
          soft.assertThat(stored.getString("status")).as("seat %d (a repoll)", seat.getKey()).isEqualTo("awaiting");
          continue;
        }
        soft.assertThat(stored.getString("status")).as("seat %d", seat.getKey()).isEqualTo("declared");
        soft.assertThat(stored.getJsonObject("leader").getString("candidate")).as("seat %d winner", seat.getKey())
            .isEqualTo(winners.get(seat.getKey()).name());
        List<String> expected = new ArrayList<>();
        seat.getValue().forEach(f -> expected.add(f.name() + "|" + RealDay2026.code(wb.parties(), f.party()) + "|"
            + f.evm() + "|" + f.postal()));
        List<String> shown = new ArrayList<>();
        stored.getJsonArray("candidates").stream().map(JsonObject.class::cast).forEach(c -> shown.add(
            // namesake independents are told apart as "NAME (2)"; the file writes them alike
            c.getString("candidate").replaceAll(" \\(\\d\\)$", "") + "|" + c.getString("party") + "|"
                + c.getLong("evmVotes") + "|" + c.getLong("postalVotes")));
        soft.assertThat(shown).as("seat %d candidates", seat.getKey()).containsExactlyInAnyOrderElementsOf(expected);
      }
      // the tally is the one results-2026.csv gives
      Map<String, Integer> expectedWon = new TreeMap<>();
      winners.values().forEach(w -> expectedWon.merge(RealDay2026.code(wb.parties(), w.party()), 1, Integer::sum));
      Map<String, Integer> won = new TreeMap<>();
      reader.summary("S25").getJsonArray("parties").stream().map(JsonObject.class::cast)
          .filter(p -> p.getInteger("won") > 0).forEach(p -> won.put(p.getString("party"), p.getInteger("won")));
      soft.assertThat(won).isEqualTo(expectedWon);
      // as many lead changes, seat by seat, as the recorded day and the final result show
      JsonArray flips = reader.events(0, 1_000_000, Set.of("lead.flipped"));
      Map<Integer, Integer> flipsBySeat = new TreeMap<>();
      flips.stream().map(JsonObject.class::cast).forEach(e -> flipsBySeat.merge(e.getInteger("seat"), 1, Integer::sum));
      Map<Integer, Integer> expectedFlips = new TreeMap<>(real.leaderChanges());
      expectedFlips.values().removeIf(n -> n == 0);
      soft.assertThat(flipsBySeat).isEqualTo(expectedFlips);
      // each declaration says gain or hold against the 2021 winner, from results-2021.csv
      Map<Integer, String> past = RealDay2026.winners2021();
      JsonArray declarations = reader.events(0, 1_000_000, Set.of("seat.declared"));
      soft.assertThat(declarations).hasSize(winners.size());
      for (Object o : declarations) {
        JsonObject e = (JsonObject) o;
        int seat = e.getInteger("seat");
        String winner = RealDay2026.code(wb.parties(), winners.get(seat).party());
        String expected = winner.equals(past.get(seat)) ? winner + " hold" : winner + " gain from " + past.get(seat);
        soft.assertThat(e.getString("text")).as("seat %d", seat).isEqualTo(expected);
      }
      soft.assertAll();
      System.out.printf("demo 2026: %d declared, %d lead changes, tally %s%n", declarations.size(), flips.size(), won);
    }
  }

  private int declared() {
    if (!dataDir.resolve("tallycast.db").toFile().exists()) {
      return 0;
    }
    try (ResultsReader reader = ResultsReader.open(dataDir)) {
      return reader.summary("S25").getJsonObject("seats").getInteger("declared");
    } catch (Exception e) {
      return 0;
    }
  }
}
