package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.stream.capture.TestPatternSource;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.Ffmpeg;
import io.tallycast.support.SlowTier;
import io.tallycast.support.TlsProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RTMPS, as YouTube's rtmps://a.rtmps.youtube.com:443/live2 takes it: RTMP inside TLS, to a TLS-terminating ingest. */
@SlowTier
class RtmpsPushTest {
  @TempDir
  Path dir;

  @Test
  void the_stream_goes_through_tls_to_an_rtmps_ingest_and_arrives_whole() throws Exception {
    int seconds = 5;
    int plain = Ffmpeg.freePort();
    int tls = Ffmpeg.freePort();
    try (Ffmpeg.Peer peer = Ffmpeg.listen(plain, "live2", "secret-key", dir.resolve("received.flv"));
         TlsProxy ingest = TlsProxy.start(dir, tls, plain)) {
      StreamConfig config = StreamConfig.defaults(List.of(
          Destination.ingest("rtmps://127.0.0.1:" + tls + "/live2/secret-key")))
          .withSize(1280, 720).withDuration(Duration.ofSeconds(seconds));
      try (Streamer streamer = new Streamer(config, new TestPatternSource(1280, 720))) {
        streamer.start();
        assertThat(streamer.awaitFinished(seconds + 20, TimeUnit.SECONDS)).isTrue();
        assertThat(streamer.status().getString("lastError")).isNull();
      }
      assertThat(peer.awaitExit(10)).isTrue();
      Ffmpeg.Probe probe = Ffmpeg.probe(peer.out());
      assertThat(probe.videoCodec()).isEqualTo("h264");
      assertThat(probe.size()).isEqualTo("1280x720");
      assertThat(probe.frameCount()).isEqualTo(seconds * 30);
      assertThat(probe.audioCodec()).isEqualTo("aac");
    }
  }
}
