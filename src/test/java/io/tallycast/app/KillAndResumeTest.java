package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.store.ResultsReader;
import io.tallycast.support.DemoProcess;
import io.tallycast.support.RealDay2026;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the demo mid-replay, then a restart on the same data dir: nothing committed is lost and it resumes. */
@SlowTier
class KillAndResumeTest {
  @TempDir
  Path dataDir;

  @Test
  void a_killed_demo_loses_nothing_committed_and_resumes_to_the_real_result() throws Exception {
    JsonArray committed;
    try (DemoProcess first = DemoProcess.start(dataDir, "--election", "wb2021", "--speed", "1000", "--port", "0",
        "--no-stream")) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> declared() >= 40);
      first.kill9();
      assertThat(first.output()).noneMatch(line -> line.contains("stopping"));
    }
    try (ResultsReader reader = ResultsReader.open(dataDir)) {
      committed = reader.events(0, 1_000_000, java.util.Set.of());
      assertThat(reader.summary("S25").getJsonObject("seats").getInteger("declared")).isLessThan(294);
    }
    assertThat(committed).isNotEmpty();

    try (DemoProcess second = DemoProcess.start(dataDir, "--election", "wb2021", "--speed", "1000", "--port", "0",
        "--no-stream")) {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> declared() == 294);
      try (ResultsReader reader = ResultsReader.open(dataDir)) {
        JsonArray all = reader.events(0, 1_000_000, java.util.Set.of());
        assertThat(all.size()).isGreaterThan(committed.size());
        for (int i = 0; i < committed.size(); i++) {
          assertThat(all.getJsonObject(i)).isEqualTo(committed.getJsonObject(i));
        }
        Map<Integer, Integer> declarations = new HashMap<>();
        all.stream().map(JsonObject.class::cast).filter(e -> e.getString("type").equals("seat.declared"))
            .forEach(e -> declarations.merge(e.getInteger("seat"), 1, Integer::sum));
        assertThat(declarations).hasSize(294).allSatisfy((seat, count) -> assertThat(count).isOne());
        Map<String, Integer> won = new HashMap<>();
        reader.summary("S25").getJsonArray("parties").stream().map(JsonObject.class::cast)
            .filter(p -> p.getInteger("won") > 0).forEach(p -> won.put(p.getString("party"), p.getInteger("won")));
        // the 2021 result as the file has it: AITC 215, BJP 77, IND 1, RSSCMJP 1
        Map<String, Integer> expected = new HashMap<>();
        RealDay2026.winners2021().values().forEach(party -> expected.merge(party, 1, Integer::sum));
        assertThat(won).isEqualTo(expected);
      }
      // resumed, not restarted: the replay clock went on, so no figure ever went down
      assertThat(second.output()).noneMatch(line -> line.contains("went down"));
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
