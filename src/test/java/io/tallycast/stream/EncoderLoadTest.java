package io.tallycast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the encoder steps down to cheaper settings and back up, fed made-up seconds of work. */
class EncoderLoadTest {
  private static final int FPS = 30;
  private static final long FRAME = 1_000_000_000L / FPS;

  /** Feeds whole seconds in which every frame's work took this share of the frame time; returns the level after. */
  private static int seconds(EncoderLoad load, int seconds, double share, long lateNanos) {
    int level = load.level();
    for (int i = 0; i < seconds * FPS; i++) {
      level = load.tick(Math.round(FRAME * share), lateNanos);
    }
    return level;
  }

  @Test
  void a_machine_that_keeps_up_stays_on_the_configured_settings() {
    EncoderLoad load = new EncoderLoad(FPS, 3);
    assertThat(seconds(load, 120, 0.6, FRAME / 4)).isZero();
  }

  @Test
  void two_busy_seconds_step_down_one_level_and_more_wait_for_the_new_level_to_settle() {
    EncoderLoad load = new EncoderLoad(FPS, 3);
    assertThat(seconds(load, 1, 0.95, 0)).isZero();
    assertThat(seconds(load, 1, 0.95, 0)).isEqualTo(1);
    assertThat(seconds(load, EncoderLoad.SETTLE_SECONDS - 1, 0.95, 0)).as("settling").isEqualTo(1);
    assertThat(seconds(load, 1, 0.95, 0)).isEqualTo(2);
    assertThat(seconds(load, 60, 0.95, 0)).as("never below the cheapest level").isEqualTo(3);
  }

  @Test
  void falling_behind_the_clock_steps_down_at_once_whatever_the_average() {
    EncoderLoad load = new EncoderLoad(FPS, 2);
    int level = 0;
    for (int i = 0; i < FPS; i++) {
      level = load.tick(FRAME / 10, i == 5 ? EncoderLoad.DOWN_LATE_NANOS + FRAME : 0);
    }
    assertThat(level).isEqualTo(1);
  }

  @Test
  void calm_seconds_bring_it_back_up_one_level_at_a_time_and_a_busy_second_restarts_the_wait() {
    EncoderLoad load = new EncoderLoad(FPS, 2);
    seconds(load, 2, 0.95, 0);
    seconds(load, EncoderLoad.SETTLE_SECONDS, 0.95, 0);
    assertThat(load.level()).isEqualTo(2);
    assertThat(seconds(load, EncoderLoad.UP_CALM_SECONDS - 1, 0.2, 0)).isEqualTo(2);
    seconds(load, 1, 0.5, 0); // between the thresholds: neither busy nor calm
    assertThat(seconds(load, EncoderLoad.UP_CALM_SECONDS - 1, 0.2, 0)).isEqualTo(2);
    assertThat(seconds(load, 1, 0.2, 0)).isEqualTo(1);
    assertThat(seconds(load, EncoderLoad.UP_CALM_SECONDS, 0.2, 0)).isZero();
  }

  @Test
  void load_between_the_thresholds_holds_the_level_it_has() {
    EncoderLoad load = new EncoderLoad(FPS, 3);
    seconds(load, 2, 0.9, 0);
    assertThat(seconds(load, 300, (EncoderLoad.UP_LOAD + EncoderLoad.DOWN_LOAD) / 2, 0)).isEqualTo(1);
  }

  @Test
  void a_ladder_that_turns_out_shorter_caps_the_level() {
    EncoderLoad load = new EncoderLoad(FPS, 3);
    seconds(load, 2, 0.95, 0);
    load.limit(0);
    assertThat(seconds(load, 10, 0.95, 0)).isZero();
  }
}
