package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tallycast.stream.capture.TestPatternSource;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.Ffmpeg;
import io.tallycast.support.SlowTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Faults on one destination never reach the others, and the recording is cut into segments of the asked length. */
@SlowTier
class ReconnectAndRecordingTest {
  private static final String KEY = "reconnect-secret-key-5f3a";

  @TempDir
  Path dir;

  @Test
  void an_ingest_that_dies_for_twenty_seconds_is_reconnected_while_the_recording_goes_on_without_a_gap()
      throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    int port = Ffmpeg.freePort();
    String url = "rtmp://127.0.0.1:" + port + "/live/" + KEY;
    StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest(url),
            Destination.recording(dir.resolve("rec.mkv"), Duration.ofSeconds(4))))
        .withSize(1280, 720).withBackoff(Duration.ofMillis(250), Duration.ofSeconds(2))
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2));
    long encoded;
    try (Ffmpeg.Peer first = Ffmpeg.listen(port, "live", KEY, dir.resolve("first.flv"));
         Streamer streamer = new Streamer(config, new TestPatternSource(1280, 720))) {
      streamer.start();
      StreamHealth health = new StreamHealth(streamer);
      await().atMost(Duration.ofSeconds(5)).until(() -> destination(streamer, 0).equals("live"));
      Thread.sleep(3000);
      first.kill();
      await().atMost(Duration.ofSeconds(5)).until(() -> !destination(streamer, 0).equals("live"));
      assertThat(health.report().status().name()).isEqualTo("DEGRADED");
      Thread.sleep(20_000); // the outage: 20 s without the ingest
      assertThat(streamer.state()).isEqualTo(Streamer.State.RUNNING);
      assertThat(destination(streamer, 1)).as("the recording never noticed").isEqualTo("live");
      try (Ffmpeg.Peer second = Ffmpeg.listen(port, "live", KEY, dir.resolve("second.flv"))) {
        await().atMost(Duration.ofSeconds(6)).until(() -> destination(streamer, 0).equals("live"));
        assertThat(health.report().status().name()).isEqualTo("OK");
        Thread.sleep(4000);
        assertThat(streamer.reconnects()).isGreaterThanOrEqualTo(1);
        assertThat(streamer.status().getJsonArray("destinations").getJsonObject(0).getLong("reconnects"))
            .isGreaterThanOrEqualTo(1);
        assertThat(streamer.status().getJsonArray("destinations").getJsonObject(1).getLong("reconnects")).isZero();
        streamer.close();
        encoded = streamer.status().getLong("encoded");
        assertThat(second.awaitExit(10)).isTrue();
        Ffmpeg.Probe resumed = Ffmpeg.probe(second.out());
        assertThat(resumed.videoCodec()).isEqualTo("h264");
        assertThat(resumed.keyframePositions()).startsWith(0);
        // 4 s after reconnecting, less up to one GOP (2 s) waiting for the keyframe it resumes on
        assertThat(resumed.frameCount()).isGreaterThanOrEqualTo(2 * 30 - 5);
        assertThat(resumed.audioCodec()).isEqualTo("aac");
      }
    } finally {
      root.detachAppender(log);
    }
    int recorded = 0;
    for (Path segment : segments()) {
      recorded += Ffmpeg.probe(segment).frameCount();
    }
    assertThat(recorded).as("every encoded frame is in the recording").isEqualTo((int) encoded);
    List<String> lines;
    synchronized (log.list) {
      lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
    assertThat(lines).anyMatch(l -> l.contains("live again"));
    assertThat(String.join("\n", lines)).doesNotContain(KEY).contains("/live/****");
  }

  @Test
  void the_recording_is_cut_into_segments_of_the_configured_length() throws Exception {
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("rec.mp4"),
            Duration.ofSeconds(4))))
        .withSize(1280, 720).withDuration(Duration.ofSeconds(12));
    try (Streamer streamer = new Streamer(config, new TestPatternSource(1280, 720))) {
      streamer.start();
      assertThat(streamer.awaitFinished(40, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    List<Path> segments = segments();
    assertThat(segments).extracting(p -> p.getFileName().toString())
        .containsExactly("rec-000.mp4", "rec-001.mp4", "rec-002.mp4");
    for (Path segment : segments) {
      Ffmpeg.Probe probe = Ffmpeg.probe(segment);
      assertThat(probe.frameCount()).as(segment.toString()).isEqualTo(120);
      assertThat(probe.durationSeconds()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.1));
      assertThat(probe.keyframePositions()).containsExactly(0, 60);
      assertThat(probe.audioCodec()).isEqualTo("aac");
    }
  }

  private List<Path> segments() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("rec-")).sorted().toList();
    }
  }

  private static String destination(Streamer streamer, int index) {
    return streamer.status().getJsonArray("destinations").getJsonObject(index).getString("state");
  }
}
