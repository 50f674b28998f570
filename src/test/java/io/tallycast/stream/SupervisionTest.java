package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.stream.capture.TestPatternSource;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An ingest that accepts the connection and then never answers cannot hold the stream's start hostage. */
@ExtendWith(VertxExtension.class)
@SlowTier
class SupervisionTest {
  @TempDir
  Path dir;

  @Test
  void a_silent_ingest_fails_its_start_within_the_timeout_while_the_recording_runs_and_health_is_reported(Vertx vertx,
      VertxTestContext test) throws Exception {
    List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<JsonObject> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accept, never speak RTMP
          }
        } catch (Exception closed) {
          // test over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      StreamConfig config = StreamConfig.defaults(List.of(
              Destination.ingest("rtmp://127.0.0.1:" + silent.getLocalPort() + "/live/silent-key"),
              Destination.recording(dir.resolve("rec.mkv"), null)))
          .withSize(640, 360).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
          .withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5));
      Bus.of(vertx).subscribe(Contract.HEALTH, report -> {
        if (StreamHealth.PART.equals(report.part())) {
          reports.add(report.toJson());
        }
      });
      try (Streamer streamer = new Streamer(config, new TestPatternSource(640, 360))) {
        long t0 = System.nanoTime();
        streamer.start();
        long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(startMs).as("start bounded by the 2 s start timeout").isLessThan(4500);
        JsonObject rtmp = streamer.status().getJsonArray("destinations").getJsonObject(0);
        assertThat(rtmp.getString("state")).isEqualTo("reconnecting");
        assertThat(rtmp.getString("lastError")).contains("no answer within the start timeout")
            .doesNotContain("silent-key");
        assertThat(streamer.status().getJsonArray("destinations").getJsonObject(1).getString("state"))
            .isEqualTo("live");
        try (StreamHealth health = new StreamHealth(streamer).publish(vertx, 200)) {
          Thread.sleep(1500);
        }
        assertThat(streamer.status().getLong("encoded")).isGreaterThan(30);
      }
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
    Thread.sleep(300);
    test.verify(() -> {
      assertThat(reports).isNotEmpty();
      JsonObject running = reports.get(1);
      assertThat(running.getString("status")).isEqualTo("degraded");
      assertThat(running.getJsonObject("details").getJsonArray("destinations").encode())
          .contains("rtmp://127.0.0.1:").contains("/live/****").doesNotContain("silent-key");
      assertThat(running.getString("lastError")).doesNotContain("silent-key");
    });
    test.completeNow();
  }

  @Test
  void an_ingest_that_stops_reading_fails_the_write_after_the_timeout_instead_of_hanging_the_output(
      VertxTestContext test) throws Exception {
    int port = io.tallycast.support.Ffmpeg.freePort();
    StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest("rtmp://127.0.0.1:" + port + "/live/k"),
            Destination.recording(dir.resolve("rec.mkv"), null)))
        .withSize(640, 360).withBitrate(20_000_000, true).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2))
        .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1));
    try (io.tallycast.support.Ffmpeg.Peer peer = io.tallycast.support.Ffmpeg.listen(port, "live", "k",
        dir.resolve("frozen.flv"));
         Streamer streamer = new Streamer(config, new TestPatternSource(640, 360))) {
      streamer.start();
      assertThat(state(streamer, 0)).isEqualTo("live");
      new ProcessBuilder("kill", "-STOP", Long.toString(peer.process().pid())).start().waitFor();
      try {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> !state(streamer, 0).equals("live"));
        assertThat(streamer.status().getJsonArray("destinations").getJsonObject(0).getString("lastError"))
            .contains("nothing accepted for 2000 ms");
        assertThat(state(streamer, 1)).isEqualTo("live");
        long before = streamer.status().getLong("encoded");
        Thread.sleep(1000);
        assertThat(streamer.status().getLong("encoded")).as("the clock never waited").isGreaterThan(before + 20);
      } finally {
        new ProcessBuilder("kill", "-CONT", Long.toString(peer.process().pid())).start().waitFor();
      }
    }
    test.completeNow();
  }

  private static String state(Streamer streamer, int index) {
    return streamer.status().getJsonArray("destinations").getJsonObject(index).getString("state");
  }
}
