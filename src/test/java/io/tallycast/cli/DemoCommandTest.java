package io.tallycast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {
  @Test
  void the_scrape_interval_shrinks_with_the_replay_speed_within_polite_bounds() {
    assertThat(DemoCommand.intervalFor(1)).isEqualTo(Duration.ofSeconds(20));
    assertThat(DemoCommand.intervalFor(60)).isEqualTo(Duration.ofMillis(2500));
    assertThat(DemoCommand.intervalFor(2000)).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void each_recorded_moment_stays_on_the_replay_site_for_two_scrape_intervals_and_a_slow_cycle() {
    assertThat(DemoCommand.dwellFor(DemoCommand.intervalFor(2000))).isEqualTo(2000);
    assertThat(DemoCommand.dwellFor(DemoCommand.intervalFor(60))).isEqualTo(5500);
  }

  @Test
  void the_banner_names_the_recording_files_as_they_are_written_and_no_stream_key() throws Exception {
    DemoCommand demo = new DemoCommand();
    new CommandLine(demo).parseArgs("--rtmp", "rtmp://ingest.example/live/secret-key");
    demo.dataDir = Path.of("data", "wb2026");
    String line = DemoCommand.streamLine(demo.streamSettings());
    assertThat(line).contains(Path.of("data", "wb2026", "recordings", "overlay-000.mkv")
        + ", -001.mkv ... every 10 min")
        .doesNotContain("overlay.mkv").doesNotContain("secret-key").contains("rtmp://ingest.example/live/****");
  }
}
