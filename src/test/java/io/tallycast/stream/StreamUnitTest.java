package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small parts: redaction, the test pattern, and the clock's counting of new, repeated and skipped pictures. */
@SlowTier
class StreamUnitTest {
  @TempDir
  Path dir;

  @Test
  void a_destination_is_shown_with_its_key_masked() {
    assertThat(Redact.url("rtmps://a.rtmps.youtube.com:443/live2/abcd-efgh-ijkl"))
        .isEqualTo("rtmps://a.rtmps.youtube.com/live2/****");
    assertThat(Redact.url("rtmp://user:pw@127.0.0.1:1936/live/x?token=1")).isEqualTo("rtmp://127.0.0.1:1936/live/****");
    assertThat(Redact.url("rtmp://a.rtmp.youtube.com/live2/k")).isEqualTo("rtmp://a.rtmp.youtube.com/live2/****");
    assertThat(Destination.parse("/var/rec/out.mkv", null).shown()).isEqualTo("/var/rec/out.mkv");
    assertThatThrownBy(() -> Destination.ingest("http://x/live/secret")).hasMessageNotContaining("secret");
    assertThatThrownBy(() -> Destination.parse("http://x/live/secret", null)).hasMessageNotContaining("secret");
  }

  @Test
  void a_recording_names_its_segment_files_as_the_muxer_writes_them() {
    Destination mkv = Destination.recording(Path.of("rec", "overlay.mkv"), null);
    assertThat(mkv.segmentPattern()).isEqualTo(Path.of("rec", "overlay-%03d.mkv").toString());
    assertThat(mkv.segmentNames()).isEqualTo(Path.of("rec", "overlay-000.mkv") + ", -001.mkv ... every 10 min");
    assertThat(Destination.recording(Path.of("night.mp4"), java.time.Duration.ofSeconds(90)).segmentNames())
        .isEqualTo("night-000.mp4, -001.mp4 ... every 90 s");
  }

  @Test
  void the_test_pattern_changes_every_frame_in_one_reused_buffer() {
    TestPatternSource source = new TestPatternSource(1280, 720);
    assertThat(source.newest()).isNull();
    source.start();
    CapturedFrame first = source.newest();
    CapturedFrame second = source.newest();
    assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
    assertThat(second.frame()).isSameAs(first.frame());
    assertThat(source.pixelFormat()).isEqualTo(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0);
  }

  @Test
  void a_source_that_stalls_is_repeated_and_pictures_the_clock_never_took_are_counted_apart() throws Exception {
    Stalling source = new Stalling();
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("r.mkv"), null)))
        .withSize(640, 360).withDuration(java.time.Duration.ofSeconds(2));
    try (Streamer streamer = new Streamer(config, source)) {
      streamer.start();
      assertThat(streamer.awaitFinished(20, TimeUnit.SECONDS)).isTrue();
      JsonObject status = streamer.status();
      assertThat(status.getLong("encoded")).isEqualTo(60);
      // the source gives a new picture on every third tick, 5 sequence numbers ahead
      assertThat(status.getLong("repeated")).isEqualTo(40);
      assertThat(status.getLong("droppedByPacer")).isEqualTo(19 * 4);
      assertThat(status.getLong("dropped")).isZero();
      assertThat(new StreamHealth(streamer).report().toJson().getJsonObject("details").fieldNames())
          .contains("state", "fps", "bitrate", "dropped", "repeated", "reconnects", "uptimeSeconds", "destinations");
    }
  }

  /** New picture every third call, skipping sequence numbers as a capture faster than the clock would. */
  private static final class Stalling implements FrameSource {
    private final TestPatternSource pattern = new TestPatternSource(640, 360);
    private int calls;
    private CapturedFrame current;

    @Override
    public int width() {
      return 640;
    }

    @Override
    public int height() {
      return 360;
    }

    @Override
    public int pixelFormat() {
      return pattern.pixelFormat();
    }

    @Override
    public void start() {
      pattern.start();
    }

    @Override
    public CapturedFrame newest() {
      if (calls++ % 3 == 0) {
        CapturedFrame f = pattern.newest();
        current = new CapturedFrame(f.frame(), f.sequence() * 5, f.capturedAtNanos());
      }
      return current;
    }

    @Override
    public JsonObject status() {
      return new JsonObject();
    }

    @Override
    public void close() {
    }
  }
}
