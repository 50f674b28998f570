package io.tallycast.store;

import static io.tallycast.store.StoreFixtures.T0;
import static io.tallycast.store.StoreFixtures.WB;
import static io.tallycast.store.StoreFixtures.batch;
import static io.tallycast.store.StoreFixtures.finalResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.BroadcastEnded;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.PlatformTotals;
import io.tallycast.bus.SeatDeclared;
import io.tallycast.bus.ViewerReading;
import io.tallycast.support.StreamHealthSample;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The night's record beside the results: viewers, the stream's health, its broadcasts, events with commit times. */
class NightRecordTest {
  @TempDir
  Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }


  @Test
  void viewer_readings_stream_health_and_a_stopped_broadcast_are_kept_and_the_stop_is_announced() throws Exception {
    StoreVerticle.deploy(vertx, dir, WB).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Bus bus = Bus.of(vertx);
    List<BroadcastEnded> ended = new CopyOnWriteArrayList<>();
    bus.subscribe(Contract.BROADCAST_ENDED, ended::add);
    Instant at = Instant.parse("2026-05-04T05:00:00Z");

    bus.publish(Contract.VIEWERS, ViewerReading.live("youtube", at, 18_250));
    bus.publish(Contract.VIEWERS, ViewerReading.without("twitch", at, ViewerReading.Kind.HIDDEN, "hidden"));
    bus.publish(Contract.PLATFORM_TOTALS, new PlatformTotals("youtube", "v1", at, 9_000.5, 18_250L, 2_000_000L));
    StreamHealthSample.of("running", 0, 0).publish(vertx);
    StreamHealthSample.of("running", 0, 0).publish(vertx); // within 5 s of the last: not kept
    StreamHealthSample.of("stopped", 2, 1).publish(vertx); // a change of state: kept at once, and the broadcast ends
    bus.request(Contract.STORE_APPLY, batch(finalResult(26, T0)), 30_000).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ended.size() == 1);
    try (NightRecord night = NightRecord.open(dir)) {
      assertThat(night.latestViewers()).extracting(ViewerReading::platform, ViewerReading::viewers)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("twitch", null),
              org.assertj.core.groups.Tuple.tuple("youtube", 18_250));
      assertThat(night.viewers(at, at)).hasSize(2);
      List<NightRecord.StreamSample> samples = night.streamSamples(Instant.EPOCH, Instant.now());
      assertThat(samples).extracting(NightRecord.StreamSample::state).containsExactly("running", "stopped");
      NightRecord.StreamSample last = samples.get(1);
      assertThat(last.dropped()).isEqualTo(2);
      assertThat(last.browserRestarts()).isEqualTo(1);
      assertThat(last.encoderChanges()).isEqualTo(2);
      assertThat(last.destinations().getJsonObject(0).getLong("reconnects")).isEqualTo(1);
      assertThat(last.destinations().encode()).doesNotContain("live2/k");
      List<NightRecord.Broadcast> broadcasts = night.broadcasts();
      assertThat(broadcasts).hasSize(1);
      assertThat(broadcasts.get(0).open()).isFalse();
      assertThat(broadcasts.get(0).id()).isEqualTo(ended.get(0).id());
      assertThat(broadcasts.get(0).ended()).isEqualTo(ended.get(0).ended());
      assertThat(night.platformTotals()).singleElement().extracting(PlatformTotals::peakConcurrent)
          .isEqualTo(18_250L);
      List<NightRecord.TimedEvent> events = night.events();
      assertThat(events).extracting(e -> e.event().getClass().getSimpleName()).contains("SeatDeclared");
      NightRecord.TimedEvent declared = events.stream().filter(e -> e.event() instanceof SeatDeclared).findFirst()
          .orElseThrow();
      assertThat(declared.event().at()).isEqualTo(T0);
      assertThat(declared.committed()).isAfter(Instant.now().minusSeconds(60));
    }
  }

  @Test
  void a_broadcast_left_on_air_by_a_killed_engine_ends_at_its_last_sample_when_the_store_opens_again()
      throws Exception {
    String first = StoreVerticle.deploy(vertx, dir, WB).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    StreamHealthSample.of("running", 0, 0).publish(vertx);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
      try (NightRecord night = NightRecord.open(dir)) {
        return night.broadcasts().size() == 1;
      }
    });
    vertx.undeploy(first).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try (NightRecord night = NightRecord.open(dir)) {
      assertThat(night.broadcasts().get(0).open()).isTrue();
    }
    StoreVerticle.deploy(vertx, dir, WB).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try (NightRecord night = NightRecord.open(dir)) {
      NightRecord.Broadcast b = night.broadcasts().get(0);
      assertThat(b.open()).isFalse();
      assertThat(b.ended()).isEqualTo(night.streamSamples(Instant.EPOCH, Instant.now()).get(0).at());
    }
  }

  @Test
  void a_reading_the_schema_refuses_changes_nothing_and_the_store_says_so_in_health() throws Exception {
    StoreVerticle.deploy(vertx, dir, WB).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    List<HealthReport> health = new CopyOnWriteArrayList<>();
    Bus.of(vertx).subscribe(Contract.HEALTH, h -> {
      if (h.part().equals(StoreVerticle.PART)) {
        health.add(h);
      }
    });
    Instant at = Instant.parse("2026-05-04T05:00:00Z");
    Bus.of(vertx).publish(Contract.VIEWERS, ViewerReading.live("youtube", at, -5));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> health.stream()
        .anyMatch(h -> h.lastError() != null && h.lastError().contains("viewer")));
    try (NightRecord night = NightRecord.open(dir)) {
      assertThat(night.latestViewers()).isEmpty();
    }
  }
}
