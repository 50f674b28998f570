package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.stream.capture.TestPatternSource;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.Ffmpeg;
import io.tallycast.support.SlowTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest that stops reading (its process frozen: the connection stays open, nothing is taken) is noticed within a
 * few seconds, and an ingest that comes back is live again within the reconnect cap plus a connection.
 */
@SlowTier
class StalledIngestTest {
  private static final String KEY = "stall-secret-key-91c2";

  @TempDir
  Path dir;

  @Test
  void an_ingest_that_stops_reading_is_noticed_within_a_few_seconds_and_is_live_again_soon_after_it_returns()
      throws Exception {
    int port = Ffmpeg.freePort();
    // YouTube's recommended constant bitrate (720p); the defaults otherwise: 3 s stall limit, reconnects 1 s .. 5 s
    StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest("rtmp://127.0.0.1:" + port
        + "/live/" + KEY)))
        .withSize(1280, 720).withBitrate(2_500_000, true);
    assertThat(config.rwTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.backoffMax()).isEqualTo(Duration.ofSeconds(5));
    try (Streamer streamer = new Streamer(config, new TestPatternSource(1280, 720))) {
      double stallSeconds;
      try (Ffmpeg.Peer first = Ffmpeg.listen(port, "live", KEY, dir.resolve("first.flv"))) {
        streamer.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> state(streamer).equals("live"));
        await().atMost(Duration.ofSeconds(10)).until(() -> streamer.status().getLong("encoded") > 90);
        signal("STOP", first.process().pid());
        long stoppedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> !state(streamer).equals("live"));
        stallSeconds = (System.nanoTime() - stoppedAt) / 1e9;
        String error = destination(streamer).getString("lastError");
        System.out.printf("stalled ingest (2.5 Mbps CBR, stall limit 3 s): noticed after %.2f s: %s%n", stallSeconds,
            error);
        assertThat(error).contains("nothing accepted for 3000 ms").doesNotContain(KEY);
        assertThat(stallSeconds).as("noticed well within the old 17 s").isLessThan(10.0);
        first.kill(); // SIGKILL ends a stopped process too: the ingest is now gone
      }
      // gone long enough for the reconnect delay to reach its cap (1, 2, 4, then 5 s steps with jitter)
      await().atMost(Duration.ofSeconds(40)).until(() -> destination(streamer).getLong("reconnects") >= 4);
      try (Ffmpeg.Peer second = Ffmpeg.listen(port, "live", KEY, dir.resolve("second.flv"))) {
        long returnedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
            .until(() -> state(streamer).equals("live"));
        double backSeconds = (System.nanoTime() - returnedAt) / 1e9;
        System.out.printf("returning ingest live again %.2f s after it listened (reconnect cap 5 s, %d reconnects)%n",
            backSeconds, destination(streamer).getLong("reconnects"));
        assertThat(backSeconds).as("within the 5 s cap plus a connection").isLessThan(10.0);
        assertThat(streamer.state()).isEqualTo(Streamer.State.RUNNING);
      }
    }
  }

  private static void signal(String signal, long pid) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
  }

  private static io.vertx.core.json.JsonObject destination(Streamer streamer) {
    return streamer.status().getJsonArray("destinations").getJsonObject(0);
  }

  private static String state(Streamer streamer) {
    return destination(streamer).getString("state");
  }
}
