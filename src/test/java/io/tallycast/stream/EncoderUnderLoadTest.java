package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.stream.capture.CapturedFrame;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine that stalls the clock: the encoder gives up quality, never a frame, and says so. */
@SlowTier
class EncoderUnderLoadTest {
  private static final int FPS = 30;
  private static final int SECONDS = 8;

  @TempDir
  Path dir;

  @Test
  void a_stalled_clock_steps_the_encoder_down_keeps_every_frame_of_the_timeline_and_health_says_so() throws Exception {
    // one 600 ms stall at the second second: later than the ladder tolerates, shorter than the clock's skip limit
    Stalling source = new Stalling(FPS * 2, 600);
    StreamConfig config = StreamConfig.defaults(List.of(Destination.recording(dir.resolve("r.mkv"), null)))
        .withSize(640, 360).withFps(FPS).withDuration(Duration.ofSeconds(SECONDS));
    JsonObject status;
    String health;
    try (Streamer streamer = new Streamer(config, source)) {
      streamer.start();
      assertThat(streamer.awaitFinished(60, TimeUnit.SECONDS)).isTrue();
      status = streamer.status();
      health = new StreamHealth(streamer).report().toJson().toString();
      assertThat(streamer.encoderLevel()).isGreaterThanOrEqualTo(1);
      assertThat(streamer.encoderChanges()).isGreaterThanOrEqualTo(1);
    }
    JsonObject encoder = status.getJsonObject("encoder");
    assertThat(encoder.getInteger("level")).isGreaterThanOrEqualTo(1);
    // cheaper: a faster preset, or the configured (fastest) one at a lower quality target
    assertThat(!encoder.getString("preset").equals(config.preset())
        || encoder.getDouble("crf") > config.encoder().crf()).isTrue();
    assertThat(encoder.getString("note")).startsWith("encoder under load: preset " + encoder.getString("preset"))
        .contains(" since ");
    assertThat(health).contains("encoder under load");
    assertThat(status.getLong("dropped")).isZero();
    assertThat(status.getLong("encoded")).isEqualTo((long) FPS * SECONDS);

    List<Long> frames = videoFrameNumbers(recording());
    assertThat(frames).hasSize(FPS * SECONDS);
    for (int i = 1; i < frames.size(); i++) {
      assertThat(frames.get(i)).as("frame %d follows the one before by one frame time", i)
          .isEqualTo(frames.get(i - 1) + 1);
    }
  }

  private Path recording() throws Exception {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".mkv")).findFirst().orElseThrow();
    }
  }

  /** Every video packet's time as a frame number at {@link #FPS} (the file keeps milliseconds), in file order. */
  private static List<Long> videoFrameNumbers(Path file) throws Exception {
    List<Long> frames = new ArrayList<>();
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
      g.start();
      int video = g.getVideoStream();
      AVRational base = g.getFormatContext().streams(video).time_base();
      AVPacket p;
      while ((p = g.grabPacket()) != null) {
        if (p.stream_index() == video) {
          frames.add(Math.round((double) p.pts() * base.num() * FPS / base.den()));
        }
      }
      g.stop();
    }
    return frames;
  }

  /** A test pattern whose n-th request blocks the clock thread, as a machine busy with something else does. */
  private static final class Stalling extends PatternWrapper {
    private final int stallAt;
    private final long stallMillis;
    private int calls;

    Stalling(int stallAt, long stallMillis) {
      this.stallAt = stallAt;
      this.stallMillis = stallMillis;
    }

    @Override
    public CapturedFrame newest() {
      if (++calls == stallAt) {
        try {
          Thread.sleep(stallMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return pattern.newest();
    }
  }
}
