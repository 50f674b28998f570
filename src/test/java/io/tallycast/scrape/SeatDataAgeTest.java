package io.tallycast.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, finding 7: the data age is each seat's own. One seat page that keeps failing is named in health with its
 * growing age, while the state's and the other seats' ages stay those of the last cycle; a site that fails as a whole
 * is down with the true age growing. The real replay site over real HTTP, the real store.
 */
@ExtendWith(VertxExtension.class)
@SlowTier
class SeatDataAgeTest {
  /** A seat not read for longer is stale; the fast test scraper cycles about every 100-300 ms. */
  static final Duration STALE_AFTER = Duration.ofSeconds(2);

  @TempDir
  Path dataDir;
  Pipeline pipeline;

  @BeforeEach
  void countingIsUnderWay(Vertx vertx) {
    pipeline = Pipeline.start(vertx, dataDir, 1, c -> c.withStaleAfter(STALE_AFTER));
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 3 * 3600));
    awaitAllFresh();
  }

  @AfterEach
  void stop() throws Exception {
    pipeline.close();
  }

  @Test
  void one_seat_page_failing_is_degraded_naming_that_seat_while_the_other_seats_stay_fresh() {
    JsonObject seat = aSeatStillCounting();
    int no = seat.getInteger("no");
    String name = seat.getString("name");
    pipeline.fault("http-500", new JsonObject().put("pages", "seat").put("seats", new JsonArray().add(no)));
    // counting moves on: the seat's list row changes, so its page must be read, and it keeps failing
    pipeline.clock(new JsonObject().put("advanceSeconds", 1800));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(scraper.getString("status")).isEqualTo("degraded");
      assertThat(scraper.getString("lastError")).contains(no + " " + name).containsPattern("HTTP 5\\d\\d");
      assertThat(details(scraper).getJsonArray("failingSeatList")).singleElement()
          .satisfies(f -> assertThat(((JsonObject) f).getInteger("no")).isEqualTo(no));
    });
    AtomicReference<JsonObject> flagged = new AtomicReference<>();
    AtomicReference<Double> stateAge = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonObject d = details(pipeline.scraperHealth());
      // the bug: the state's age was held back by the one seat; now it is that of the last cycle's list read
      stateAge.set(pipeline.health().getDouble("dataAgeSeconds"));
      assertThat(stateAge.get()).isLessThan(STALE_AFTER.toMillis() / 1000.0);
      assertThat(d.getInteger("staleSeats")).isEqualTo(1);
      JsonObject stale = d.getJsonArray("staleSeatList").getJsonObject(0);
      assertThat(stale.getInteger("no")).isEqualTo(no);
      assertThat(stale.getString("name")).isEqualTo(name);
      assertThat(stale.getDouble("ageSeconds")).isGreaterThan(STALE_AFTER.toMillis() / 1000.0);
      assertThat(stale.getString("error")).containsPattern("HTTP 5\\d\\d");
      flagged.set(d);
    });
    JsonObject d = flagged.get();
    double badAge = d.getJsonArray("staleSeatList").getJsonObject(0).getDouble("ageSeconds");
    assertThat(d.getDouble("oldestSeatAgeSeconds")).isEqualTo(badAge);
    assertThat(pipeline.scraperHealth().getString("status")).isEqualTo("degraded");

    // every other seat was read from the site within the threshold, as fresh as the state
    double othersMax = d.getDouble("oldestFreshSeatAgeSeconds");
    assertThat(othersMax).isLessThan(STALE_AFTER.toMillis() / 1000.0);
    System.out.printf("finding 7: seat %d %s flagged stale at %.1f s (threshold %.1f s); state data age %.2f s; "
            + "other 293 seats' max age %.2f s%n",
        no, name, badAge, STALE_AFTER.toMillis() / 1000.0, stateAge.get(), othersMax);

    pipeline.http.delete(pipeline.site.port(), "127.0.0.1", "/_replay/faults/http-500").send().await();
    awaitAllFresh();
    assertThat(details(pipeline.scraperHealth()).getDouble("oldestSeatAgeSeconds"))
        .isLessThan(STALE_AFTER.toMillis() / 1000.0);
  }

  @Test
  void a_site_that_fails_as_a_whole_is_down_with_the_true_age_growing_and_every_seat_stale() {
    pipeline.fault("http-500", new JsonObject());
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(scraper.getString("status")).isEqualTo("down");
      assertThat(details(scraper).getInteger("staleSeats")).isEqualTo(Pipeline.WEST_BENGAL.seats().size());
      assertThat(pipeline.health().getDouble("dataAgeSeconds")).isGreaterThan(STALE_AFTER.toMillis() / 1000.0);
    });
    JsonObject d = details(pipeline.scraperHealth());
    assertThat(d.getJsonArray("staleSeatList")).hasSize(SeatFreshness.LISTED);
    double age = pipeline.health().getDouble("dataAgeSeconds");
    // the age keeps growing with the outage, by the wall clock, not by cycles
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(pipeline.scraperHealth().getString("status")).isEqualTo("down");
      assertThat(pipeline.health().getDouble("dataAgeSeconds")).isGreaterThan(age + 1.0);
    });
    System.out.printf("finding 7: whole site failing: down, state data age %.1f s then growing, oldest seat %.1f s, "
        + "%d seats stale%n", age, d.getDouble("oldestSeatAgeSeconds"), d.getInteger("staleSeats"));

    pipeline.http.delete(pipeline.site.port(), "127.0.0.1", "/_replay/faults/http-500").send().await();
    awaitAllFresh();
  }

  private void awaitAllFresh() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(scraper.getString("status")).isEqualTo("ok");
      JsonObject d = details(scraper);
      assertThat(d.getInteger("staleSeats")).isZero();
      assertThat(d.getInteger("failingSeats")).isZero();
      assertThat(pipeline.summary().getJsonObject("seats").getInteger("counting")).isPositive();
    });
  }

  /** A seat with most of its rounds to go, so its list row changes when counting moves on. */
  private JsonObject aSeatStillCounting() {
    return pipeline.array("/api/constituencies").stream().map(JsonObject.class::cast)
        .filter(s -> "counting".equals(s.getString("status")))
        .filter(s -> 2 * s.getJsonObject("rounds").getInteger("done") < s.getJsonObject("rounds").getInteger("total"))
        .findFirst().orElseThrow();
  }

  private static JsonObject details(JsonObject part) {
    return part.getJsonObject("details");
  }
}
