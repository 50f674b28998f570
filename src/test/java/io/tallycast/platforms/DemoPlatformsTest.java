package io.tallycast.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.audience.ViewerCollector;
import io.tallycast.bus.ViewerReading;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's platforms: the real clients, asking the stand-ins over HTTP, read the scripted curves. */
class DemoPlatformsTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void each_platform_reads_its_curve_at_the_counting_days_hour_and_an_ended_broadcast_reads_as_ended()
      throws Exception {
    double hours = 3.7;
    DemoPlatforms.Started started = DemoPlatforms.start(vertx, () -> hours, Duration.ofSeconds(1))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    List<ViewerReading> readings = new CopyOnWriteArrayList<>();
    ViewerCollector.Timing timing = new ViewerCollector.Timing(Duration.ofMillis(200), Duration.ofMillis(200),
        Duration.ofSeconds(1));
    vertx.deployVerticle(new ViewerCollector(started.config().sources(WebClient.create(vertx), Clock.systemUTC()),
        timing, readings::add)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> platforms(readings, ViewerReading.Kind.LIVE)
        .size() == 4);
    Map<String, Integer> live = platforms(readings, ViewerReading.Kind.LIVE);
    assertThat(live).containsEntry("youtube", ViewerCurve.countingDay(1.0, 0.0).at(hours))
        .containsEntry("facebook", ViewerCurve.countingDay(0.42, 1.3).at(hours))
        .containsEntry("twitch", ViewerCurve.countingDay(0.06, 0.7).at(hours))
        .containsEntry("website", ViewerCurve.countingDay(0.27, 2.1).at(hours));
    assertThat(live.get("youtube")).isGreaterThan(live.get("facebook")).isGreaterThan(live.get("twitch"));

    started.standIns().end();
    // each platform's newest reading says ended, as each documents it (a video's actualEndTime, an empty stream
    // list, a live video no longer LIVE)
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> platforms(readings, ViewerReading.Kind.ENDED)
        .keySet().containsAll(List.of("youtube", "twitch", "facebook")) && List.of("youtube", "twitch", "facebook")
        .stream().allMatch(p -> last(readings, p).kind() == ViewerReading.Kind.ENDED));
  }

  private static ViewerReading last(List<ViewerReading> readings, String platform) {
    return readings.stream().filter(r -> r.platform().equals(platform)).reduce((a, b) -> b).orElseThrow();
  }

  private static Map<String, Integer> platforms(List<ViewerReading> readings, ViewerReading.Kind kind) {
    return readings.stream().filter(r -> r.kind() == kind)
        .collect(Collectors.toMap(ViewerReading::platform, r -> r.viewers() == null ? -1 : r.viewers(), (a, b) -> b));
  }
}
