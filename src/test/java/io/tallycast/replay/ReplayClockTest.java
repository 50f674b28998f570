package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayClockTest {
  private final AtomicLong wall = new AtomicLong(1_700_000_000_000L);

  @Test
  void simulated_time_runs_at_the_asked_speed_and_stops_while_paused() {
    ReplayClock clock = ReplayClock.start(60, null, 36_000, wall::get);
    assertThat(clock.elapsedSeconds()).isZero();
    wall.addAndGet(10_000);
    assertThat(clock.elapsedSeconds()).isCloseTo(600, within(1e-6));
    clock.pause();
    wall.addAndGet(10_000);
    assertThat(clock.elapsedSeconds()).isCloseTo(600, within(1e-6));
    clock.resume();
    wall.addAndGet(1_000);
    assertThat(clock.elapsedSeconds()).isCloseTo(660, within(1e-6));
    clock.setSpeed(2);
    wall.addAndGet(1_000);
    assertThat(clock.elapsedSeconds()).isCloseTo(662, within(1e-6));
    clock.advance(3600);
    assertThat(clock.elapsedSeconds()).isCloseTo(4262, within(1e-6));
    assertThat(clock.toJson().getString("simulatedTime")).isEqualTo("2021-05-02T09:11:02+05:30");
  }

  @Test
  void it_is_finished_once_the_last_seat_is_declared() {
    ReplayClock clock = ReplayClock.start(1, null, 36_000, wall::get);
    assertThat(clock.finished()).isFalse();
    clock.advance(36_000);
    assertThat(clock.finished()).isTrue();
    assertThat(clock.toJson().getBoolean("finished")).isTrue();
  }

  @Test
  void time_never_goes_backwards_not_even_when_the_wall_clock_does() {
    ReplayClock clock = ReplayClock.start(10, null, 36_000, wall::get);
    wall.addAndGet(5_000);
    assertThat(clock.elapsedSeconds()).isCloseTo(50, within(1e-6));
    wall.addAndGet(-4_000);
    assertThat(clock.elapsedSeconds()).isCloseTo(50, within(1e-6));
    assertThatThrownBy(() -> clock.advance(-10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.setSpeed(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_restart_with_the_state_file_continues_where_the_replay_would_be(@TempDir Path dir) {
    Path state = dir.resolve("clock.json");
    ReplayClock first = ReplayClock.start(60, state, 36_000, wall::get);
    wall.addAndGet(30_000);
    first.advance(600);
    assertThat(first.elapsedSeconds()).isCloseTo(2400, within(1e-6));
    // kill -9: nothing more is written; 10 s of downtime pass
    wall.addAndGet(10_000);
    ReplayClock second = ReplayClock.start(60, state, 36_000, wall::get);
    assertThat(second.elapsedSeconds()).isCloseTo(3000, within(1e-6));
    assertThat(dir.toFile().list()).containsExactly("clock.json"); // no temp files left behind
  }

  @Test
  void a_paused_replay_stays_paused_across_a_restart(@TempDir Path dir) {
    Path state = dir.resolve("clock.json");
    ReplayClock first = ReplayClock.start(60, state, 36_000, wall::get);
    wall.addAndGet(10_000);
    first.pause();
    wall.addAndGet(50_000);
    ReplayClock second = ReplayClock.start(60, state, 36_000, wall::get);
    assertThat(second.paused()).isTrue();
    assertThat(second.elapsedSeconds()).isCloseTo(600, within(1e-6));
  }

  @Test
  void a_restart_at_another_speed_keeps_the_simulated_present(@TempDir Path dir) {
    Path state = dir.resolve("clock.json");
    ReplayClock.start(60, state, 36_000, wall::get);
    wall.addAndGet(10_000);
    ReplayClock faster = ReplayClock.start(120, state, 36_000, wall::get);
    assertThat(faster.elapsedSeconds()).isCloseTo(600, within(1e-6));
    assertThat(faster.speed()).isEqualTo(120);
    wall.addAndGet(1_000);
    assertThat(faster.elapsedSeconds()).isCloseTo(720, within(1e-6));
  }

  @Test
  void an_unreadable_state_file_is_refused_rather_than_restarted_from_eight_o_clock(@TempDir Path dir)
      throws Exception {
    Path state = dir.resolve("clock.json");
    Files.writeString(state, "{not json");
    assertThatThrownBy(() -> ReplayClock.start(60, state, 36_000, wall::get))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock.json");
  }
}
