package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.stream.capture.CapturedFrame;
import io.tallycast.stream.output.Destination;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clock's counting of new, repeated and skipped pictures. */
@SlowTier
class PacerTest {
  @TempDir
  Path dir;

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
  private static final class Stalling extends PatternWrapper {
    private int calls;
    private CapturedFrame current;

    @Override
    public CapturedFrame newest() {
      if (calls++ % 3 == 0) {
        CapturedFrame f = pattern.newest();
        current = new CapturedFrame(f.frame(), f.sequence() * 5, f.capturedAtNanos());
      }
      return current;
    }
  }
}
