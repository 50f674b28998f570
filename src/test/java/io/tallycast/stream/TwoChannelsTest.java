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

/**
 * Two channels from one engine: each its own browser, encoder and recording, its own health part, started, previewed
 * and stopped on its own. The bounds are generous: two Chromiums and two encoders share a loaded 2-core machine.
 */
@SlowTier
class TwoChannelsTest {
  private static final Duration START_BOUND = Duration.ofSeconds(120);

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
  void two_channels_record_their_own_size_report_their_own_health_and_stopping_one_leaves_the_other_on_air()
      throws Exception {
    Path mainRecording = dir.resolve("rec-main").resolve("main.mkv");
    Path smallRecording = dir.resolve("rec-small").resolve("small.mkv");
    StreamVerticle.Settings main = new StreamVerticle.Settings(StreamConfig.defaults(
        List.of(Destination.recording(mainRecording, Duration.ofSeconds(4)))).withSize(1280, 720), false);
    StreamVerticle.Settings small = new StreamVerticle.Settings("small", "tally", null, StreamConfig.defaults(
        List.of(Destination.recording(smallRecording, Duration.ofSeconds(4)))).withSize(640, 360).withBitrate(800_000,
        false), true);
    pipeline = Pipeline.configured(MeteredVertx.of(Vertx.vertx()), dir.resolve("data"), 60,
        c -> c.withChannels(List.of(main, small)));

    // the second channel starts with the engine; the first waits for the operator, on the route of the one stream
    HttpResponse<Buffer> started = operator("/api/operator/stream/start");
    assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
    assertThat(started.bodyAsJsonObject().getString("channel")).isEqualTo("main");
    await().atMost(START_BOUND).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      assertOnAir(part("stream"), "main", 1280, 720);
      assertOnAir(part("stream small"), "small", 640, 360);
    });

    // each channel's still, the first's also at the old address; a channel the run does not have is a 404
    pipeline.get("/api/streams/small/preview.jpg");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> pipeline.get("/api/streams/small/preview.jpg").statusCode() == 200);
    assertThat(pipeline.get("/api/streams/small/preview.jpg").getHeader("Content-Type")).isEqualTo("image/jpeg");
    pipeline.get("/api/stream/preview.jpg");
    await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.get("/api/stream/preview.jpg").statusCode() == 200);
    assertThat(pipeline.get("/api/streams/nope/preview.jpg").statusCode()).isEqualTo(404);
    HttpResponse<Buffer> unknown = operator("/api/operator/streams/nope/start");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsString()).contains("no channel 'nope'").contains("main, small");

    HttpResponse<Buffer> stopped = operator("/api/operator/streams/small/stop");
    assertThat(stopped.statusCode()).as(stopped.bodyAsString()).isEqualTo(200);
    assertThat(stopped.bodyAsJsonObject().getString("state")).isEqualTo("stopped");
    assertThat(stopped.bodyAsJsonObject().getString("channel")).isEqualTo("small");
    await().atMost(Duration.ofSeconds(10))
        .until(() -> "stopped".equals(part("stream small").getString("status")));
    assertThat(pipeline.get("/api/streams/small/preview.jpg").statusCode()).as("nothing on air").isEqualTo(404);
    long encoded = part("stream").getJsonObject("details").getLong("encoded");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      JsonObject first = part("stream");
      assertThat(first.getString("status")).as("the first channel goes on").isIn("ok", "degraded");
      assertThat(first.getJsonObject("details").getLong("encoded")).isGreaterThan(encoded + 60);
    });
    assertThat(operator("/api/operator/streams/main/stop").statusCode()).isEqualTo(200);
    assertThat(part("stream").getString("status")).isEqualTo("stopped");

    assertRecorded(mainRecording, "1280x720");
    assertRecorded(smallRecording, "640x360");
  }

  private static void assertOnAir(JsonObject part, String channel, int width, int height) {
    assertThat(part.getString("status")).isIn("ok", "degraded");
    JsonObject details = part.getJsonObject("details");
    assertThat(details.getString("channel")).isEqualTo(channel);
    assertThat(details.getInteger("width")).isEqualTo(width);
    assertThat(details.getInteger("height")).isEqualTo(height);
    assertThat(details.getLong("encoded")).as("a few seconds on air").isGreaterThan(90);
  }

  private static void assertRecorded(Path recording, String size) throws Exception {
    List<Path> segments;
    try (Stream<Path> files = Files.list(recording.getParent())) {
      segments = files.filter(p -> p.getFileName().toString().endsWith(".mkv")).sorted().toList();
    }
    assertThat(segments).as(recording.toString()).isNotEmpty();
    int frames = 0;
    for (Path segment : segments) {
      Ffmpeg.Probe probe = Ffmpeg.probe(segment);
      assertThat(probe.videoCodec()).isEqualTo("h264");
      assertThat(probe.size()).as(segment.toString()).isEqualTo(size);
      frames += probe.frameCount();
    }
    assertThat(frames).as("the seconds on air of " + recording).isGreaterThan(90);
  }

  private JsonObject part(String name) {
    return pipeline.health().getJsonObject("parts").getJsonObject(name);
  }

  private HttpResponse<Buffer> operator(String path) {
    return pipeline.http.post(pipeline.engine.apiPort(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + pipeline.engine.operatorToken().value())
        .timeout(150_000).send().await();
  }
}
