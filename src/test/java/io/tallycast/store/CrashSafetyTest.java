package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.WB;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.ApplyResult;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A kill -9 of the writer's process loses nothing it had committed. */
@SlowTier
class CrashSafetyTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void a_writer_killed_mid_run_loses_no_committed_event_and_the_store_reopens_and_goes_on() throws Exception {
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<Long> committed = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while (committed.size() < 40 && (line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          committed.add(Long.parseLong(line.substring("committed ".length())));
        }
      }
      writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close, probably mid-transaction
      writer.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(committed).hasSize(40);

    Set<Long> stored = new HashSet<>();
    try (ResultsStore store = ResultsStore.open(dir, WB); ResultsReader reader = ResultsReader.open(dir)) {
      reader.events(0, 1_000_000, Set.of()).forEach(e -> stored.add(((JsonObject) e).getLong("id")));
      assertThat(stored).containsAll(committed);
      long last = store.lastEventId();
      assertThat(last).isGreaterThanOrEqualTo(committed.get(committed.size() - 1));

      ApplyResult more = store.apply(StoreFixtures.batch(StoreFixtures.finalResult(200,
          StoreFixtures.T0.plusSeconds(99_999))));
      assertThat(more.events()).isNotEmpty();
      assertThat(more.events().get(0).id()).isGreaterThan(last);
    }
  }
}
