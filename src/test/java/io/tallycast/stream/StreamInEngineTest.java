package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.Ffmpeg;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's own overlay captured in Chromium, encoded and recorded, started and stopped by the operator. */
@SlowTier
class StreamInEngineTest {
  @TempDir
  Path dir;
  Pipeline pipeline;

  @AfterEach
  void stop() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void the_operator_starts_the_overlay_stream_health_shows_it_live_and_stopping_leaves_a_playable_recording()
      throws Exception {
    Path recording = dir.resolve("rec").resolve("overlay.mkv");
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(recording, Duration.ofSeconds(4))))
        .withSize(1280, 720);
    pipeline = Pipeline.configured(MeteredVertx.of(Vertx.vertx()), dir.resolve("data"), 60,
        c -> c.withStream(new StreamVerticle.Settings(config, false)));
    assertThat(part().getString("status")).as("not started yet").isEqualTo("stopped");

    HttpResponse<Buffer> started = operator("/api/operator/stream/start");
    assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonObject stream = part();
      assertThat(stream.getString("status")).isEqualTo("ok");
      assertThat(stream.getJsonObject("details").getDouble("fps")).isGreaterThan(25.0);
    });
    // the console's still of what is on air: asking starts the stills, one a second
    pipeline.get("/api/stream/preview.jpg");
    await().atMost(Duration.ofSeconds(5)).until(() -> pipeline.get("/api/stream/preview.jpg").statusCode() == 200);
    HttpResponse<Buffer> preview = pipeline.get("/api/stream/preview.jpg");
    assertThat(preview.getHeader("Content-Type")).isEqualTo("image/jpeg");
    java.awt.image.BufferedImage still = javax.imageio.ImageIO.read(
        new java.io.ByteArrayInputStream(preview.body().getBytes()));
    assertThat(still.getWidth()).isEqualTo(384);
    assertThat(still.getHeight()).isEqualTo(216);
    Thread.sleep(5000); // some seconds of the overlay, counting on

    HttpResponse<Buffer> stopped = operator("/api/operator/stream/stop");
    assertThat(stopped.statusCode()).isEqualTo(200);
    assertThat(stopped.bodyAsJsonObject().getString("state")).isEqualTo("stopped");
    assertThat(part().getString("status")).isEqualTo("stopped");
    assertThat(pipeline.get("/api/stream/preview.jpg").statusCode()).as("nothing on air").isEqualTo(404);

    List<Path> segments;
    try (Stream<Path> files = Files.list(recording.getParent())) {
      segments = files.filter(p -> p.getFileName().toString().endsWith(".mkv")).sorted().toList();
    }
    assertThat(segments).isNotEmpty();
    int frames = 0;
    for (Path segment : segments) {
      Ffmpeg.Probe probe = Ffmpeg.probe(segment);
      assertThat(probe.videoCodec()).isEqualTo("h264");
      assertThat(probe.size()).isEqualTo("1280x720");
      assertThat(probe.frameRate()).isEqualTo("30/1");
      assertThat(probe.audioCodec()).isEqualTo("aac");
      frames += probe.frameCount();
    }
    assertThat(frames).as("at least the 6 s on air").isGreaterThan(6 * 30);
  }

  private JsonObject part() {
    return pipeline.health().getJsonObject("parts").getJsonObject("stream");
  }

  private HttpResponse<Buffer> operator(String path) {
    return pipeline.http.post(pipeline.engine.apiPort(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + pipeline.engine.operatorToken().value())
        .timeout(120_000).send().await();
  }
}
