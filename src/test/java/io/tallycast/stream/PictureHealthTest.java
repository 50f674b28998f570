package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.bus.HealthReport;
import io.tallycast.stream.capture.CapturedFrame;
import io.tallycast.stream.capture.TestPatternSource;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stream health looks at the picture on air: a frozen picture or a hole of dropped frames is never "ok". */
@SlowTier
class PictureHealthTest {
  @TempDir
  Path dir;

  @Test
  void a_picture_that_stops_changing_makes_the_stream_degraded_naming_it_and_ok_again_once_it_moves() throws Exception {
    FreezableSource source = new FreezableSource();
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("r.mkv"), null)))
        .withSize(640, 360).withHealthLimits(Duration.ofSeconds(2), Duration.ofSeconds(3));
    try (Streamer streamer = new Streamer(config, source)) {
      streamer.start();
      StreamHealth health = new StreamHealth(streamer);
      await().atMost(Duration.ofSeconds(10)).until(() -> health.report().status() == HealthReport.Status.OK);
      assertThat(details(health).getDouble("pictureAgeSeconds")).isLessThan(1.0);

      long frozenAt = System.nanoTime();
      source.frozen = true; // the screen still grabbed 30 times a second, showing the same picture
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
          .until(() -> health.report().status() == HealthReport.Status.DEGRADED);
      double detectSeconds = (System.nanoTime() - frozenAt) / 1e9;
      HealthReport frozen = health.report();
      assertThat(frozen.lastError()).startsWith("picture unchanged for ")
          .contains("the overlay browser may be frozen");
      double age = frozen.details().getDouble("pictureAgeSeconds");
      assertThat(age).isGreaterThan(2.0);
      await().atMost(Duration.ofSeconds(10)).until(() -> details(health).getDouble("pictureAgeSeconds") > age + 1);
      assertThat(streamer.status().getLong("repeated")).as("new frames kept coming: not repeats").isLessThan(15);

      long movingAt = System.nanoTime();
      source.frozen = false;
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
          .until(() -> health.report().status() == HealthReport.Status.OK);
      System.out.printf("frozen picture (limit 2 s): DEGRADED after %.2f s (\"%s\"); OK again %.2f s after it moved; "
              + "one picture comparison costs %.0f us at 640x360%n", detectSeconds, frozen.lastError(),
          (System.nanoTime() - movingAt) / 1e9, streamer.pictureCheckMicros());
      assertThat(detectSeconds).isBetween(1.9, 6.0);
      assertThat(health.report().lastError()).isNull();
    }
  }

  @Test
  void a_burst_of_dropped_frames_makes_the_stream_degraded_until_it_has_left_the_window() throws Exception {
    FreezableSource source = new FreezableSource();
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("r.mkv"), null)))
        .withSize(640, 360).withHealthLimits(Duration.ofSeconds(5), Duration.ofSeconds(4));
    try (Streamer streamer = new Streamer(config, source)) {
      streamer.start();
      StreamHealth health = new StreamHealth(streamer);
      await().atMost(Duration.ofSeconds(10)).until(() -> health.report().status() == HealthReport.Status.OK);

      source.stallClockNanos = TimeUnit.MILLISECONDS.toNanos(2500); // the clock thread held up, as by a busy machine
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
          .until(() -> health.report().status() == HealthReport.Status.DEGRADED);
      long degradedAt = System.nanoTime();
      HealthReport burst = health.report();
      assertThat(burst.details().getLong("recentDropped")).isGreaterThan(30);
      assertThat(burst.details().getLong("dropped")).isEqualTo(burst.details().getLong("recentDropped"));
      assertThat(burst.lastError()).contains("frames dropped in the last 4 s");

      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
          .until(() -> health.report().status() == HealthReport.Status.OK);
      double clearSeconds = (System.nanoTime() - degradedAt) / 1e9;
      HealthReport clean = health.report();
      System.out.printf("dropped burst: %d frames dropped, DEGRADED; OK again %.1f s later (window 4 s); %s%n",
          burst.details().getLong("recentDropped"), clearSeconds, clean.details().copy().put("destinations", "…"));
      assertThat(clean.details().getLong("recentDropped")).isZero();
      assertThat(clean.details().getLong("dropped")).as("the total stays counted").isGreaterThan(30);
      assertThat(clearSeconds).isBetween(2.0, 8.0);
    }
  }

  @Test
  void comparing_pictures_finds_a_change_of_a_few_pixels_and_costs_little_at_1080p() {
    TestPatternSource pattern = new TestPatternSource(1920, 1080);
    pattern.start();
    PictureAge age = new PictureAge(0);
    long t = 0;
    CapturedFrame first = pattern.newest();
    age.offer(first.frame(), t);
    for (int i = 1; i <= 50; i++) {
      t += PictureAge.SAMPLE_NANOS;
      age.offer(first.frame(), t); // the same picture again and again
    }
    assertThat(age.ageNanos(t)).isEqualTo(50 * PictureAge.SAMPLE_NANOS);
    for (int i = 1; i <= 50; i++) {
      t += PictureAge.SAMPLE_NANOS;
      age.offer(pattern.newest().frame(), t); // the bar moves a few columns, the counter ticks
      assertThat(age.ageNanos(t)).isZero();
    }
    System.out.printf("one picture comparison costs %.0f us at 1920x1080 (at most 5 a second)%n", age.costMicros());
    assertThat(age.costMicros()).isLessThan(10_000);
    pattern.close();
  }

  private static JsonObject details(StreamHealth health) {
    return health.report().details();
  }

  /** The test pattern, or while frozen its last picture handed out as new frames (a frozen screen still grabbed). */
  private static final class FreezableSource extends PatternWrapper {
    volatile boolean frozen;
    volatile long stallClockNanos;
    private CapturedFrame last;
    private long sequence;

    @Override
    public CapturedFrame newest() {
      long stall = stallClockNanos;
      if (stall > 0) {
        stallClockNanos = 0;
        LockSupport.parkNanos(stall); // the fault injected: the clock thread loses this much time once
      }
      if (!frozen || last == null) {
        last = pattern.newest();
      }
      return new CapturedFrame(last.frame(), ++sequence, System.nanoTime());
    }
  }
}
