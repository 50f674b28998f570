package io.tallycast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void the_scrape_interval_shrinks_with_the_replay_speed_within_polite_bounds() {
    assertThat(DemoCommand.intervalFor(1)).isEqualTo(Duration.ofSeconds(20));
    assertThat(DemoCommand.intervalFor(60)).isEqualTo(Duration.ofMillis(2500));
    assertThat(DemoCommand.intervalFor(2000)).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void each_recorded_moment_stays_on_the_replay_site_for_two_scrape_intervals_and_a_slow_cycle() {
    assertThat(DemoCommand.dwellFor(DemoCommand.intervalFor(2000))).isEqualTo(1500);
    assertThat(DemoCommand.dwellFor(DemoCommand.intervalFor(60))).isEqualTo(5500);
  }
}
