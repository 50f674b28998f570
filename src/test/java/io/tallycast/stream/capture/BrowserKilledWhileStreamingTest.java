package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.stream.Destination;
import io.tallycast.stream.StreamConfig;
import io.tallycast.stream.Streamer;
import io.tallycast.support.Ffmpeg;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture's browser dies on air: the output never stops (the last picture is repeated) and the page comes back. */
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
    List<Long> perSecond = new ArrayList<>();
    try (Streamer streamer = new Streamer(config, capture)) {
      streamer.start();
      Thread.sleep(3000);
      long repeatedBefore = status(streamer).getLong("repeated");
      long startedAt = System.nanoTime();
      new ProcessBuilder("kill", "-9", Long.toString(capture.browserPid())).inheritIO().start().waitFor();
      long killedAt = System.nanoTime();
      long last = status(streamer).getLong("encoded");
      Double backAfter = null;
      long sequenceAtKill = capture.newest().sequence();
      for (int s = 0; s < 12; s++) {
        Thread.sleep(1000);
        long now = status(streamer).getLong("encoded");
        perSecond.add(now - last);
        last = now;
        if (backAfter == null && capture.status().getInteger("restarts") >= 1
            && capture.status().getLong("frameAgeMs") < 500 && capture.newest().sequence() > sequenceAtKill + 30) {
          backAfter = (System.nanoTime() - killedAt) / 1e9;
        }
      }
      JsonObject end = status(streamer);
      System.out.printf("frames encoded per second after the kill %s; page back after %s s; %s%n", perSecond, backAfter,
          end.encode());
      assertThat(backAfter).as("the page is captured again within 10 s").isNotNull().isLessThanOrEqualTo(10.0);
      assertThat(perSecond).as("the output never stops").allMatch(n -> n >= 27 && n <= 33);
      assertThat(end.getLong("repeated") - repeatedBefore).as("the outage is filled with repeats, counted")
          .isGreaterThanOrEqualTo(15);
      assertThat(end.getLong("dropped")).isZero();
      assertThat(capture.status().getInteger("restarts")).isEqualTo(1);
      streamer.close();
      encoded = streamer.status().getLong("encoded");
      seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
    }
    List<Path> segments;
    try (Stream<Path> files = Files.list(dir)) {
      segments = files.filter(p -> p.getFileName().toString().startsWith("air-")).sorted().toList();
    }
    int recorded = 0;
    for (Path segment : segments) {
      recorded += Ffmpeg.probe(segment).frameCount();
    }
    assertThat(recorded).as("every frame on air is in the recording").isEqualTo((int) encoded);
    assertThat(recorded).isGreaterThanOrEqualTo((int) (seconds + 3) * 30 - 15);
  }

  private static JsonObject status(Streamer streamer) {
    return streamer.status();
  }
}
