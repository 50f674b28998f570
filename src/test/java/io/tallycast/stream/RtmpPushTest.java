package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.stream.capture.TestPatternSource;
import io.tallycast.stream.encode.VideoEncoder;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.Ffmpeg;
import io.tallycast.support.SlowTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder's output as a real RTMP server receives it (the ffmpeg in the FFmpeg jar, listening), read by ffprobe.
 */
@SlowTier
class RtmpPushTest {
  @TempDir
  Path dir;

  @Test
  void ten_seconds_of_test_pattern_arrive_as_1080p30_h264_with_a_keyframe_every_60_frames_and_silent_aac()
      throws Exception {
    int port = Ffmpeg.freePort();
    int seconds = 10;
    long dropped;
    try (Ffmpeg.Peer peer = Ffmpeg.listen(port, "live", "test-key", dir.resolve("received.flv"))) {
      StreamConfig config = StreamConfig.defaults(List.of(Destination.ingest("rtmp://127.0.0.1:"
          + port + "/live/test-key")))
          .withDuration(Duration.ofSeconds(seconds));
      try (Streamer streamer = new Streamer(config, new TestPatternSource(1920, 1080))) {
        streamer.start();
        assertThat(streamer.awaitFinished(seconds + 20, TimeUnit.SECONDS)).isTrue();
        // a 2-core machine under a busy neighbour can starve the encoder for a moment (issue 13 is about that);
        // what this test checks is the format, so a few skipped frames are allowed, and they show in the count
        dropped = streamer.status().getLong("dropped");
        assertThat(dropped).as("frames dropped").isLessThanOrEqualTo(30 * seconds / 20);
        assertThat(streamer.status().getLong("repeated")).isZero();
      }
      assertThat(peer.awaitExit(10)).as("the peer ends its file when the stream ends").isTrue();
      Ffmpeg.Probe probe = Ffmpeg.probe(peer.out());
      assertThat(probe.videoCodec()).isEqualTo("h264");
      assertThat(probe.size()).isEqualTo("1920x1080");
      assertThat(probe.frameRate()).isEqualTo("30/1");
      assertThat(probe.frameCount()).isBetween((int) ((30 * seconds - dropped) * 0.99),
          (int) Math.ceil(30 * seconds * 1.01));
      List<Integer> keys = probe.keyframePositions();
      assertThat(keys).hasSize((probe.frameCount() + 59) / 60);
      for (int i = 0; i < keys.size(); i++) {
        assertThat(keys.get(i)).as("keyframe %d", i).isEqualTo(i * 60);
      }
      assertThat(probe.audioCodec()).isEqualTo("aac");
      assertThat(probe.audioRate()).isEqualTo(48_000);
      assertThat(probe.audioChannels()).isEqualTo(2);
    }
  }

  @Test
  void refuses_to_start_with_a_clear_message_when_the_h264_encoder_is_missing() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VideoEncoder.require("libx264-not-in-this-build"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("libx264-not-in-this-build is missing")
        .hasMessageContaining("linux-x86_64-gpl");
    assertThat(VideoEncoder.require(VideoEncoder.ENCODER)).isNotNull();
  }
}
