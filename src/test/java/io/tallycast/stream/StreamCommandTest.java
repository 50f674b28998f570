package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.support.Ffmpeg;
import io.tallycast.support.SlowTier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tallycast stream} as an operator runs it, in its own JVM: everything it prints (its logs, and FFmpeg's own
 * stderr) is read back, and the stream key is nowhere in it, nor on its command line.
 */
@SlowTier
class StreamCommandTest {
  private static final String KEY = "yt-secret-key-9c41-abcd";

  @TempDir
  Path dir;

  @Test
  void streams_the_test_pattern_to_youtube_with_the_key_from_the_environment_and_never_prints_the_key()
      throws Exception {
    int port = Ffmpeg.freePort();
    try (Ffmpeg.Peer peer = Ffmpeg.listen(port, "live2", KEY, dir.resolve("youtube.flv"))) {
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "io.tallycast.Main", "stream", "--test-pattern",
          "--size", "1280x720", "--duration", "6s", "--youtube-ingest", "rtmp://127.0.0.1:" + port + "/live2",
          "--out", dir.resolve("rec.mkv").toString(), "--segment", "4s");
      assertThat(String.join(" ", command)).doesNotContain(KEY);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("stream.log").toFile());
      builder.environment().put("YOUTUBE_STREAM_KEY", KEY);
      Process process = builder.start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(dir.resolve("stream.log"), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(log).isZero();
      assertThat(log).doesNotContain(KEY).contains("rtmp://127.0.0.1:" + port + "/live2/****")
          .contains("\"encoded\" : 180");
      assertThat(peer.awaitExit(10)).isTrue();
      Ffmpeg.Probe probe = Ffmpeg.probe(peer.out());
      assertThat(probe.size()).isEqualTo("1280x720");
      assertThat(probe.frameCount()).isEqualTo(180);
      assertThat(probe.audioCodec()).isEqualTo("aac");
    }
    assertThat(dir.resolve("rec-000.mkv")).exists();
    assertThat(dir.resolve("rec-001.mkv")).exists();
  }
}
