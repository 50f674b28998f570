package io.tallycast.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.election.Election;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Five states followed at once still ask the results site for no more pages at a time than the configured concurrency:
 * the host sees one polite client, not one per state.
 */
@ExtendWith(VertxExtension.class)
@SlowTier
class OnePolitenessBudgetTest {
  private static final Pattern STATE = Pattern.compile("(S\\d\\d|U\\d\\d)");

  @Test
  void every_state_is_asked_for_but_never_more_pages_at_once_than_the_concurrency(Vertx vertx) {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Set<String> statesAsked = ConcurrentHashMap.newKeySet();
    // a slow site that answers every page after 400 ms with a 503: each state's scraper keeps asking
    HttpServer site = vertx.createHttpServer().requestHandler(req -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      Matcher m = STATE.matcher(req.path());
      if (m.find()) {
        statesAsked.add(m.group(1));
      }
      vertx.setTimer(400, id -> {
        inFlight.decrementAndGet();
        req.response().setStatusCode(503).end("busy");
      });
    }).listen(0, "127.0.0.1").await();
    Election may2021 = Election.embedded("may2021");
    ScrapeConfig config = ScrapeConfig.forSite("http://127.0.0.1:" + site.actualPort() + "/r/", "S25")
        .withInterval(Duration.ofMillis(100)).withRequestTimeout(Duration.ofSeconds(2));
    config = new ScrapeConfig(config.baseUrl(), config.stateCode(), 1, config.interval(), config.requestTimeout(),
        config.slowThreshold(), 2, Duration.ofMillis(300), config.allowedHosts());
    String id = vertx.deployVerticle(new ScraperVerticle(config, may2021)).await();
    await().atMost(Duration.ofSeconds(20)).until(() -> statesAsked.containsAll(may2021.codes()));
    vertx.undeploy(id).await();
    assertThat(most.get()).as("pages in flight at once, five states together").isEqualTo(2);
  }
}
