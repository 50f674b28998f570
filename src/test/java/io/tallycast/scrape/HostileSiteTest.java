package io.tallycast.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.support.HostileServers;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results site that misbehaves on purpose, over real HTTP: it cannot hold the scraper (a page trickled byte by byte,
 * a server that says nothing), flood it (a huge page) or lead it elsewhere (a redirect to another host).
 */
@ExtendWith(VertxExtension.class)
@SlowTier
class HostileSiteTest {
  @TempDir
  Path dataDir;

  private static PageFetcher fetcher(Vertx vertx, int port) {
    return new PageFetcher(vertx, ScrapeConfig.forSite("http://127.0.0.1:" + port + "/r/", "S25")
        .withRequestTimeout(Duration.ofSeconds(1)));
  }

  private static Throwable failure(Future<Fetched> fetched) {
    return fetched.transform(ar -> Future.succeededFuture(ar.failed() ? ar.cause() : null)).await();
  }

  @Test
  void a_page_trickled_a_byte_at_a_time_is_given_up_on_at_the_deadline_for_the_whole_answer(Vertx vertx) {
    HttpServer trickle = HostileServers.trickle(vertx);
    Throwable e = failure(fetcher(vertx, trickle.actualPort()).get("http://127.0.0.1:" + trickle.actualPort()
        + "/r/statewiseS251.htm"));
    assertThat(e).isInstanceOf(ScrapeException.class).hasMessageContaining("no whole answer within 1000 ms");
  }

  @Test
  void a_server_that_never_answers_is_given_up_on_too(Vertx vertx) {
    HttpServer silent = HostileServers.silent(vertx);
    Throwable e = failure(fetcher(vertx, silent.actualPort()).get("http://127.0.0.1:" + silent.actualPort() + "/r/x.htm"));
    assertThat(e).hasMessageContaining("timed out");
  }

  @Test
  void a_page_larger_than_the_cap_is_not_read(Vertx vertx) {
    Buffer huge = Buffer.buffer(new byte[PageFetcher.MAX_PAGE_BYTES + 1024 * 1024]);
    HttpServer flood = vertx.createHttpServer().requestHandler(request -> request.response()
        .putHeader("Content-Type", "text/html").end(huge)).listen(0, "127.0.0.1").await();
    Throwable e = failure(fetcher(vertx, flood.actualPort()).get("http://127.0.0.1:" + flood.actualPort() + "/r/x.htm"));
    assertThat(e).hasMessageContaining("page larger than 8 MB");
  }

  @Test
  void a_redirect_to_a_host_not_allowed_is_refused_before_any_request_reaches_it(Vertx vertx) {
    AtomicInteger elsewhere = new AtomicInteger();
    HttpServer other = vertx.createHttpServer().requestHandler(request -> {
      elsewhere.incrementAndGet();
      request.response().end("<html>not results</html>");
    }).listen(0, "127.0.0.1").await();
    HttpServer site = vertx.createHttpServer().requestHandler(request -> request.response().setStatusCode(302)
        .putHeader("Location", "http://localhost:" + other.actualPort() + "/evil.htm").end())
        .listen(0, "127.0.0.1").await();
    Throwable e = failure(fetcher(vertx, site.actualPort()).get("http://127.0.0.1:" + site.actualPort()
        + "/r/statewiseS251.htm"));
    assertThat(e).hasMessageContaining("redirected").hasMessageContaining("localhost")
        .hasMessageContaining("not among the configured hosts");
    assertThat(elsewhere).hasValue(0);
  }

  @Test
  void a_redirect_within_the_allowed_host_is_followed_and_the_page_is_known_by_where_it_came_from(Vertx vertx) {
    HttpServer site = vertx.createHttpServer().requestHandler(request -> {
      if (request.path().equals("/r/old.htm")) {
        request.response().setStatusCode(301).putHeader("Location", "/r/new.htm").end();
      } else {
        request.response().end("<html>the page</html>");
      }
    }).listen(0, "127.0.0.1").await();
    Fetched fetched = fetcher(vertx, site.actualPort()).get("http://127.0.0.1:" + site.actualPort() + "/r/old.htm")
        .await();
    assertThat(fetched.body()).contains("the page");
    assertThat(fetched.url()).endsWith("/r/new.htm");
  }

  @Test
  void while_a_cycle_is_stuck_on_a_silent_site_health_says_so_with_the_true_age_of_the_data(Vertx vertx)
      throws Exception {
    try (Pipeline pipeline = Pipeline.start(vertx, dataDir, 1, c -> c.withRequestTimeout(Duration.ofSeconds(2)))) {
      pipeline.clock(new JsonObject().put("paused", true));
      pipeline.clock(new JsonObject().put("advanceSeconds", 3 * 3600));
      await().atMost(Duration.ofSeconds(30)).until(() -> "ok".equals(pipeline.scraperHealth().getString("status")));
      // every page is held unanswered: 15 list pages at 6 at a time take three deadlines, past twice the timeout
      pipeline.fault("timeout", new JsonObject());
      long silentFrom = System.nanoTime();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        JsonObject scraper = pipeline.scraperHealth();
        assertThat(scraper.getString("status")).isNotEqualTo("ok");
        assertThat(scraper.getString("lastError")).contains("scrape cycle running for");
        assertThat(scraper.getJsonObject("details").getDouble("dataAgeSeconds")).isGreaterThan(3.0);
      });
      System.out.printf("a silent site (2 s request timeout): health said so %.1f s after it fell silent%n",
          (System.nanoTime() - silentFrom) / 1e9);
    }
  }

  @Test
  void on_a_fresh_start_one_seat_page_that_never_answers_holds_back_that_seat_only_and_is_named(Vertx vertx)
      throws Exception {
    try (Pipeline pipeline = Pipeline.start(vertx, dataDir, 1, c -> c.withRequestTimeout(Duration.ofSeconds(2)))) {
      int held = 12;
      pipeline.fault("timeout", new JsonObject().put("pages", "seat").put("seats", new JsonArray().add(held)));
      pipeline.clock(new JsonObject().put("paused", true));
      pipeline.clock(new JsonObject().put("advanceSeconds", 3 * 3600));
      int seats = pipeline.array("/api/constituencies").size();
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        List<Integer> awaiting = pipeline.array("/api/constituencies").stream().map(JsonObject.class::cast)
            .filter(seat -> "awaiting".equals(seat.getString("status"))).map(seat -> seat.getInteger("no")).toList();
        assertThat(awaiting).as("of %d seats, those with nothing stored", seats).containsOnly(held);
        JsonObject scraper = pipeline.scraperHealth();
        assertThat(scraper.getString("status")).isEqualTo("degraded");
        assertThat(scraper.getJsonObject("details").getJsonArray("failingSeatList")).singleElement()
            .satisfies(f -> assertThat(((JsonObject) f).getInteger("no")).isEqualTo(held));
      });
    }
  }

  @Test
  void a_long_cycle_on_a_slow_site_that_still_answers_is_slow_not_stuck(Vertx vertx) throws Exception {
    try (Pipeline pipeline = Pipeline.start(vertx, dataDir, 1, c -> c.withRequestTimeout(Duration.ofSeconds(2)))) {
      pipeline.clock(new JsonObject().put("paused", true));
      pipeline.clock(new JsonObject().put("advanceSeconds", 3 * 3600));
      await().atMost(Duration.ofSeconds(30)).until(() -> "ok".equals(pipeline.scraperHealth().getString("status")));
      // every list page answered whole after 1.5 s, inside the 2 s deadline: 15 of them, a few at a time, take well
      // past twice the timeout, yet a page comes in every 1.5 s
      pipeline.fault("slow", new JsonObject().put("delayMs", 1500).put("pages", "list"));
      long cyclesBefore = pipeline.scraperHealth().getJsonObject("details").getLong("cycles");
      Callable<Boolean> notCalledStuck = () ->
          !String.valueOf(pipeline.scraperHealth().getString("lastError")).contains("scrape cycle running for");
      await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20)).until(notCalledStuck);
      // and the long cycle does end, with the site's pages
      await().atMost(Duration.ofSeconds(90)).until(() ->
          pipeline.scraperHealth().getJsonObject("details").getLong("cycles") > cyclesBefore);
      assertThat(notCalledStuck.call()).isTrue();
    }
  }

  @Test
  void a_redirect_loop_is_named_not_followed_forever(Vertx vertx) {
    HttpServer loop = HostileServers.redirectLoop(vertx, "/r/");
    Throwable e = failure(fetcher(vertx, loop.actualPort()).get("http://127.0.0.1:" + loop.actualPort() + "/r/a.htm"));
    assertThat(e).hasMessageContaining("redirect loop").hasMessageContaining("/r/b.htm");
  }
}
