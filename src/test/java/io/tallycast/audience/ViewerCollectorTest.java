package io.tallycast.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.ViewerReading;
import io.tallycast.util.Secret;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The collector's loop: health per platform, backoff after failures, and readings handed on. */
class ViewerCollectorTest {
  private static final String TOKEN = "twitch-token-never-logged";
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void a_refusing_platform_is_asked_after_a_growing_backoff_is_down_in_health_and_recovers_to_ok() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger refuseUntil = new AtomicInteger(Integer.MAX_VALUE);
    HttpServer server = vertx.createHttpServer().requestHandler(request -> {
      int n = calls.incrementAndGet();
      boolean refuse = n <= refuseUntil.get();
      request.response().setStatusCode(refuse ? 401 : 200).end(refuse
          ? new JsonObject().put("error", "Unauthorized").put("status", 401).put("message", "Invalid OAuth token")
              .encode()
          : new JsonObject().put("data", new JsonArray().add(new JsonObject().put("viewer_count", 640))).encode());
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    List<HealthReport> health = new CopyOnWriteArrayList<>();
    Bus.of(vertx).subscribe(Contract.HEALTH, health::add);
    List<ViewerReading> readings = new CopyOnWriteArrayList<>();
    ViewerSource twitch = ViewerSource.twitch(WebClient.create(vertx), "http://127.0.0.1:" + server.actualPort(),
        "client", Secret.of(TOKEN), "newsroom", Clock.systemUTC());
    // ticks of 50 ms when well; failures back off from 200 ms doubling to 1.6 s
    ViewerCollector.Timing timing = new ViewerCollector.Timing(Duration.ofMillis(50), Duration.ofMillis(200),
        Duration.ofMillis(1600));
    vertx.deployVerticle(new ViewerCollector(List.of(twitch), timing, readings::add)).toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS);

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> readings.size() >= 5);
    // the waits the collector chose, as health says them: each at least the one before, the fourth at least twice the
    // first (at the 50 ms interval every wait would be 50 ms); no clock is read, so a loaded machine cannot fail it
    List<Long> waits = health.stream().filter(h -> h.part().equals("audience twitch"))
        .map(h -> h.details().getLong("nextAskMs")).toList();
    assertThat(waits).hasSizeGreaterThanOrEqualTo(4);
    for (int i = 1; i < 4; i++) {
      assertThat(waits.get(i)).as("wait %d", i + 1).isGreaterThanOrEqualTo(waits.get(i - 1));
    }
    assertThat(waits.get(3)).isGreaterThanOrEqualTo(2 * waits.get(0));
    assertThat(waits.get(0)).isGreaterThan(50);
    assertThat(readings).allMatch(r -> r.kind() == ViewerReading.Kind.FAILED);
    HealthReport down = health.stream().filter(h -> h.part().equals("audience twitch")).reduce((a, b) -> b)
        .orElseThrow();
    assertThat(down.status()).isEqualTo(HealthReport.Status.DOWN);
    assertThat(down.lastError()).startsWith("credentials refused (401)");
    assertThat(down.details().getInteger("failuresInARow")).isGreaterThanOrEqualTo(4);

    refuseUntil.set(calls.get());
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> readings.get(readings.size() - 1).kind() == ViewerReading.Kind.LIVE);
    assertThat(readings.get(readings.size() - 1).viewers()).isEqualTo(640);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> health.get(health.size() - 1).status()
        == HealthReport.Status.OK);
    assertThat(health.toString() + readings).doesNotContain(TOKEN);
  }
}
