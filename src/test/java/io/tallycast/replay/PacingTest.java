package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacingTest {
  private static final long[] MOMENTS = {3600, 3650, 3700, 7200};

  @Test
  void without_a_dwell_simulated_time_runs_at_the_speed() {
    assertThat(new Pacing(MOMENTS, 0).advance(0, 1000, 2000)).isEqualTo(2000);
    assertThat(Pacing.NONE.advance(100, 500, 60)).isEqualTo(130);
  }

  @Test
  void moments_fifty_seconds_apart_stay_on_the_site_for_the_whole_dwell_even_at_2000x() {
    Pacing pacing = new Pacing(MOMENTS, 500);
    // at 2000x, 50 simulated seconds would pass in 25 ms; with a 500 ms dwell they take 500 ms
    assertThat(pacing.advance(3600, 250, 2000)).isCloseTo(3625, within(1e-9));
    assertThat(pacing.advance(3600, 500, 2000)).isCloseTo(3650, within(1e-9));
    assertThat(pacing.advance(3650, 499, 2000)).isLessThan(3700);
  }

  @Test
  void before_the_first_moment_and_between_moments_far_apart_the_clock_keeps_its_full_speed() {
    Pacing pacing = new Pacing(MOMENTS, 500);
    assertThat(pacing.advance(0, 1000, 2000)).isEqualTo(2000);
    // 3700 -> 7200 is 3500 simulated seconds: 1750 ms at 2000x, longer than the dwell, so full speed
    assertThat(pacing.advance(3700, 1000, 2000)).isCloseTo(5700, within(1e-9));
    // after the last moment: full speed again
    assertThat(pacing.advance(7200, 1000, 2000)).isCloseTo(9200, within(1e-9));
  }

  @Test
  void a_long_stretch_of_wall_time_crosses_slow_and_fast_segments_in_order() {
    Pacing pacing = new Pacing(MOMENTS, 500);
    // 3000 -> 3600 at 2000x takes 300 ms, then two dwells of 500 ms, then 3500 s at 2000x takes 1750 ms
    assertThat(pacing.advance(3000, 300 + 500 + 500 + 1750, 2000)).isCloseTo(7200, within(1e-6));
  }

  @Test
  void the_replay_clock_follows_the_pacing_and_never_goes_back() {
    AtomicLong wall = new AtomicLong(1_000_000);
    ReplayClock clock = ReplayClock.start(2000, null, 7200, CountingDay.on(java.time.LocalDate.of(2026, 5, 4)),
        new Pacing(MOMENTS, 500), wall::get);
    clock.advance(3600);
    wall.addAndGet(500);
    assertThat(clock.elapsedSeconds()).isCloseTo(3650, within(1e-6));
    wall.addAndGet(500);
    assertThat(clock.elapsedSeconds()).isCloseTo(3700, within(1e-6));
    wall.addAndGet(-10_000); // a wall clock stepping back
    assertThat(clock.elapsedSeconds()).isCloseTo(3700, within(1e-6));
  }
}
