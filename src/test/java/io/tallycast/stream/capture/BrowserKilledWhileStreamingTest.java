package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.Streamer;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.Ffmpeg;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture's browser dies on air: the output never stops (the last picture is repeated) and the page comes back. */
@SlowTier
class BrowserKilledWhileStreamingTest {
  @TempDir
  Path dir;
  private TestPages pages;

  @BeforeEach
  void serve() throws Exception {
    pages = new TestPages();
  }

  @AfterEach
  void stop() {
    pages.close();
  }

  @Test
  void a_killed_chromium_is_back_within_ten_seconds_and_the_stream_keeps_its_thirty_frames_a_second_meanwhile()
      throws Exception {
    Path recording = dir.resolve("air.mkv");
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(recording, Duration.ofMinutes(10))))
        .withSize(1280, 720);
    X11Capture capture = new X11Capture(CaptureConfig.of(pages.url("animated.html"), 1280, 720, 30)
        .withStallTimeout(Duration.ofSeconds(2)));
    long encoded;
    long seconds;
    try (Streamer streamer = new Streamer(config, capture)) {
      streamer.start();
      long startedAt = System.nanoTime();
      await().atMost(Duration.ofSeconds(10)).until(() -> status(streamer).getLong("encoded") >= 60);
      long repeatedBefore = status(streamer).getLong("repeated");
      long sequenceAtKill = capture.newest().sequence();
      long encodedAtKill = status(streamer).getLong("encoded");
      new ProcessBuilder("kill", "-9", Long.toString(capture.browserPid())).inheritIO().start().waitFor();
      long killedAt = System.nanoTime();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> capture.status().getInteger("restarts") >= 1 && capture.status().getLong("frameAgeMs") < 500
              && capture.newest().sequence() > sequenceAtKill + 30);
      double backAfter = (System.nanoTime() - killedAt) / 1e9;
      // then at least ten seconds of output counted since the kill, the outage included
      await().atMost(Duration.ofSeconds(40)).until(() -> System.nanoTime() - killedAt > 10_000_000_000L
          && status(streamer).getLong("encoded") >= encodedAtKill + 10 * 30);
      double window = (System.nanoTime() - killedAt) / 1e9;
      JsonObject end = status(streamer);
      long frames = end.getLong("encoded") - encodedAtKill;
      System.out.printf("browser killed: page back after %.2f s; %d frames encoded in the %.2f s since (%.1f fps); "
          + "%s%n", backAfter, frames, window, frames / window, end.copy().put("destinations", "…").encode());
      assertThat(backAfter).as("the page is captured again within 10 s").isLessThanOrEqualTo(10.0);
      // the clock is absolute: on a busy machine a second may run late and be caught up, never lost
      assertThat((double) frames).as("thirty frames a second over the window, the outage included")
          .isBetween(30 * window - 40, 30 * window + 5);
      assertThat(end.getLong("dropped")).as("no hole in the output timeline").isZero();
      assertThat(end.getLong("repeated") - repeatedBefore).as("the outage is filled with repeats, counted")
          .isGreaterThanOrEqualTo(15);
      assertThat(capture.status().getInteger("restarts")).as("one restart, no restart loop").isEqualTo(1);
      streamer.close();
      encoded = streamer.status().getLong("encoded");
      seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
    }
    List<Path> segments;
    try (Stream<Path> files = Files.list(dir)) {
      segments = files.filter(p -> p.getFileName().toString().startsWith("air-")).sorted().toList();
    }
    int recorded = 0;
    double recordedSeconds = 0;
    for (Path segment : segments) {
      Ffmpeg.Probe probe = Ffmpeg.probe(segment);
      recorded += probe.frameCount();
      recordedSeconds += probe.durationSeconds();
    }
    assertThat(recorded).as("every frame on air is in the recording").isEqualTo((int) encoded);
    assertThat(recordedSeconds).as("the recording's timeline has no gap: frames x 1/30 s")
        .isCloseTo(recorded / 30.0, org.assertj.core.data.Offset.offset(0.2));
    assertThat(recorded).isGreaterThanOrEqualTo((int) (seconds - 1) * 30);
  }

  private static JsonObject status(Streamer streamer) {
    return streamer.status();
  }
}
