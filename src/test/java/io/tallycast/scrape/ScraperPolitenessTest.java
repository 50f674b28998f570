package io.tallycast.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The scraper asks only for what changed, and only of the hosts it is allowed to ask. */
@ExtendWith(VertxExtension.class)
@SlowTier
class ScraperPolitenessTest {
  @TempDir
  Path dataDir;

  @Test
  void an_unchanged_site_costs_304s_on_the_list_pages_and_no_constituency_page(Vertx vertx) throws Exception {
    try (Pipeline pipeline = Pipeline.start(vertx, dataDir, 1)) {
      pipeline.clock(new JsonObject().put("paused", true));
      pipeline.clock(new JsonObject().put("advanceSeconds", 4 * 3600));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        JsonObject last = lastCycle(pipeline);
        assertThat(last.getInteger("listPagesUnchanged")).isEqualTo(15);
        assertThat(last.getInteger("listPagesFetched")).isZero();
        assertThat(last.getInteger("seatPagesFetched")).isZero();
      });
      assertThat(pipeline.summary().getJsonObject("seats").getInteger("counting")).isPositive();
    }
  }

  @Test
  void after_one_round_only_the_seats_whose_row_changed_are_fetched(Vertx vertx) throws Exception {
    try (Pipeline pipeline = Pipeline.start(vertx, dataDir, 1)) {
      pipeline.clock(new JsonObject().put("paused", true));
      pipeline.clock(new JsonObject().put("advanceSeconds", 4 * 3600));
      await().atMost(Duration.ofSeconds(20))
          .until(() -> lastCycle(pipeline).getInteger("listPagesUnchanged") == 15);
      long before = pipeline.engine.reader().snapshotCount();
      pipeline.clock(new JsonObject().put("advanceSeconds", 120));
      await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.engine.reader().snapshotCount() > before);
      long changedSeats = pipeline.engine.reader().snapshotCount() - before;
      assertThat(changedSeats).isBetween(1L, 293L);
    }
  }

  @Test
  void a_host_that_is_not_configured_is_never_contacted(Vertx vertx) throws Exception {
    try (Pipeline pipeline = Pipeline.start(vertx, dataDir, 1, c -> c.withAllowedHosts(Set.of("results.eci.gov.in")))) {
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        JsonObject scraper = pipeline.scraperHealth();
        assertThat(scraper.getString("status")).isEqualTo("down");
        assertThat(scraper.getString("lastError")).contains("not among the configured hosts");
      });
      assertThat(pipeline.engine.reader().snapshotCount()).isZero();
    }
  }

  private static JsonObject lastCycle(Pipeline pipeline) {
    return pipeline.scraperHealth().getJsonObject("details", new JsonObject())
        .getJsonObject("lastCycle", new JsonObject().put("listPagesUnchanged", -1));
  }
}
