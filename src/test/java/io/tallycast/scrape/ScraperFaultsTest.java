package io.tallycast.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.support.LogCapture;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each fault the replay site can inject: a clear log line, a visible entry in /api/health with the age of the last
 * good data, nothing stored changes, and scraping recovers by itself once the fault is off.
 */
@ExtendWith(VertxExtension.class)
@SlowTier
class ScraperFaultsTest {
  @TempDir
  Path dataDir;
  Pipeline pipeline;
  LogCapture log;

  @BeforeEach
  void countingIsUnderWay(Vertx vertx) {
    log = new LogCapture(StateScraper.class);
    pipeline = Pipeline.start(vertx, dataDir, 1, c -> c.withSlowThreshold(Duration.ofMillis(250)));
    clock(new JsonObject().put("paused", true));
    clock(new JsonObject().put("advanceSeconds", 3 * 3600));
    awaitHealthy();
  }

  @AfterEach
  void stop() throws Exception {
    log.close();
    pipeline.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", value = {
      "http-500 => (?s).*HTTP 5\\d\\d.*",
      "timeout => (?s).*timed out.*",
      "truncated => (?si).*(truncat|ends before|incomplete).*",
      "garbage => (?si).*(no results table|not a results page|no .*table).*",
      "wrong-seat => (?s).*but the page shows seat.*",
      "votes-down => (?s).*went down.*"})
  void a_fault_is_reported_stores_nothing_and_scraping_recovers_when_it_is_off(String fault, String message) {
    JsonArray before = pipeline.array("/api/constituencies");
    long snapshotsBefore = pipeline.engine.reader().snapshotCount();
    long lastEventBefore = lastEventId();

    switchFault(fault, true);
    clock(new JsonObject().put("advanceSeconds", 1800));

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(scraper.getString("status")).isIn("degraded", "down");
      assertThat(scraper.getString("lastError")).matches(message);
      assertThat(pipeline.health().getDouble("dataAgeSeconds")).isNotNull();
    });
    assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN").matches("WARN " + message));
    // a few more cycles under the fault still store nothing
    sleep(1000);
    assertThat(pipeline.array("/api/constituencies")).isEqualTo(before);
    assertThat(pipeline.engine.reader().snapshotCount()).isEqualTo(snapshotsBefore);
    assertThat(lastEventId()).isEqualTo(lastEventBefore);
    assertThat(pipeline.health().getDouble("dataAgeSeconds")).isGreaterThanOrEqualTo(1.0);

    switchFault(fault, false);
    awaitHealthy();
    assertThat(pipeline.engine.reader().snapshotCount()).isGreaterThan(snapshotsBefore);
    assertThat(pipeline.array("/api/constituencies")).isNotEqualTo(before);
    assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("readable again"));
  }

  @Test
  void slow_answers_are_reported_but_the_data_still_comes_in() {
    long snapshotsBefore = pipeline.engine.reader().snapshotCount();
    pipeline.http.put(pipeline.site.port(), "127.0.0.1", "/_replay/faults/slow")
        .sendJsonObject(new JsonObject().put("delayMs", 350)).await();
    clock(new JsonObject().put("advanceSeconds", 1800));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(pipeline.scraperHealth().getString("lastError")).contains("slow answers");
      assertThat(pipeline.engine.reader().snapshotCount()).isGreaterThan(snapshotsBefore);
    });
    assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("WARN").contains("slow answers"));
    switchFault("slow", false);
    awaitHealthy();
  }

  @Test
  void the_scraper_passes_a_site_that_refuses_clients_without_browser_headers() {
    switchFault("require-browser-headers", true);
    int bare = pipeline.http.getAbs(pipeline.site.baseUrl() + "statewiseS251.htm").send().await().statusCode();
    assertThat(bare).isEqualTo(403);
    long snapshotsBefore = pipeline.engine.reader().snapshotCount();
    clock(new JsonObject().put("advanceSeconds", 1800));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(
        () -> assertThat(pipeline.engine.reader().snapshotCount()).isGreaterThan(snapshotsBefore));
    assertThat(pipeline.scraperHealth().getString("status")).isEqualTo("ok");
  }

  private void awaitHealthy() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(scraper.getString("status")).isEqualTo("ok");
      assertThat(scraper.getJsonObject("details").getJsonObject("lastCycle").getInteger("snapshotsAccepted"))
          .isZero();
      assertThat(pipeline.summary().getJsonObject("seats").getInteger("counting")).isPositive();
    });
  }

  private long lastEventId() {
    JsonArray events = pipeline.array("/api/events?after=0");
    return events.isEmpty() ? 0 : events.getJsonObject(events.size() - 1).getLong("id");
  }

  private void switchFault(String fault, boolean on) {
    var request = on ? pipeline.http.put(pipeline.site.port(), "127.0.0.1", "/_replay/faults/" + fault)
        : pipeline.http.delete(pipeline.site.port(), "127.0.0.1", "/_replay/faults/" + fault);
    assertThat(request.send().await().statusCode()).isBetween(200, 204);
  }

  private void clock(JsonObject change) {
    assertThat(pipeline.http.post(pipeline.site.port(), "127.0.0.1", "/_replay/clock").sendJsonObject(change).await()
        .statusCode()).isBetween(200, 204);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
