package io.tallycast.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rehearsals: with the replay site's controls behind the operator API (as the demo wires them), the console shows the
 * fault switches; switching one on breaks the results site for real, and the console's health wall shows it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTier
class ConsoleFaultsTest {
  @TempDir
  static Path dataDir;
  Pipeline pipeline;
  String token;

  @BeforeAll
  void demoWired() throws Exception {
    pipeline = Pipeline.start(MeteredVertx.create(), dataDir, 1, c -> c);
    token = Files.readString(dataDir.resolve("operator.token")).strip();
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  private JsonArray activeFaults() {
    return pipeline.http.get(pipeline.site.port(), "127.0.0.1", "/_replay/faults").send().await().bodyAsJsonArray();
  }

  @Test
  void a_fault_switched_on_from_the_console_breaks_the_results_site_and_the_health_wall_shows_the_scraper_down() {
    try (ConsolePage page = ConsolePage.open(pipeline.engine.apiPort())) {
      assertThat(page.browser.js("return document.getElementById('faults').hidden"))
          .as("the switches need the operator token").isEqualTo(true);
      page.unlock(token);
      page.until(d -> !Boolean.TRUE.equals(page.browser.js("return document.getElementById('faults').hidden")));
      assertThat(page.all("#faults [data-fault]")).hasSize(io.tallycast.replay.Fault.NAMES.size());
      page.until(d -> "ok".equals(page.attribute("#health [data-part='scraper']", "data-status")));

      page.find("#faults [data-fault='http-500']").click();
      page.until(d -> "true".equals(page.attribute("#faults [data-fault='http-500']", "aria-pressed")));
      assertThat(activeFaults().getJsonObject(0).getString("name")).isEqualTo("http-500");
      page.until(d -> "down".equals(page.attribute("#health [data-part='scraper']", "data-status")));
      assertThat(page.attribute("#overall", "data-status")).isEqualTo("down");
      assertThat(page.text("#health [data-part='scraper'] [data-field='lastError']")).contains("HTTP 5");
      // every seat goes stale with the site: the card counts them and names the oldest
      page.until(d -> page.text("#health [data-part='scraper'] [data-field='staleSeats']").startsWith("294 · "));
      page.screenshot("console-fault-rehearsal");

      page.find("#clear-faults").click();
      page.until(d -> "false".equals(page.attribute("#faults [data-fault='http-500']", "aria-pressed")));
      assertThat(activeFaults()).isEmpty();
      page.until(d -> "ok".equals(page.attribute("#health [data-part='scraper']", "data-status")));
      page.until(d -> "none".equals(page.text("#health [data-part='scraper'] [data-field='staleSeats']")));
      await().atMost(Duration.ofSeconds(5)).until(() -> "ok".equals(page.attribute("#overall", "data-status")));
    }
  }
}
