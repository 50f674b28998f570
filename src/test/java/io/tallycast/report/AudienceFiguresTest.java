package io.tallycast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tallycast.bus.ViewerReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audience figures against hand-made readings whose answers are worked out here, independently. */
class AudienceFiguresTest {
  private static final Instant T0 = Instant.parse("2026-05-04T03:00:00Z");

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  private static List<ViewerReading> flat(String platform, int viewers, int everySeconds, int fromSeconds,
                                          int untilSeconds) {
    List<ViewerReading> out = new ArrayList<>();
    for (int t = fromSeconds; t < untilSeconds; t += everySeconds) {
      out.add(ViewerReading.live(platform, at(t), viewers));
    }
    return out;
  }

  @Test
  void a_flat_thousand_viewers_for_ten_minutes_read_every_30_s_is_ten_thousand_minutes_watched() {
    AudienceFigures.Audience a = AudienceFigures.of(flat("youtube", 1000, 30, 0, 600), T0, at(600));

    Summary.Platform youtube = a.platforms().get(0);
    assertThat(youtube.minutesWatched()).isCloseTo(1000 * 10.0, within(1e-6));
    assertThat(youtube.minutesCovered()).isCloseTo(10.0, within(1e-6));
    assertThat(youtube.average()).isCloseTo(1000.0, within(1e-6));
    assertThat(youtube.peak()).isEqualTo(1000);
    assertThat(youtube.samples()).isEqualTo(20);
    assertThat(a.total().peak()).isEqualTo(1000);
    assertThat(a.total().minutesWatched()).isCloseTo(10_000.0, within(1e-6));
    assertThat(a.total().average()).isCloseTo(1000.0, within(1e-6));
  }

  @Test
  void a_hidden_count_holds_nothing_and_the_average_is_over_the_minutes_with_a_figure() {
    List<ViewerReading> readings = new ArrayList<>(flat("youtube", 1000, 30, 0, 300));
    for (int t = 300; t < 600; t += 30) {
      readings.add(ViewerReading.without("youtube", at(t), ViewerReading.Kind.HIDDEN, "the owner hides the count"));
    }
    readings.addAll(flat("youtube", 3000, 30, 600, 900));

    AudienceFigures.Audience a = AudienceFigures.of(readings, T0, at(900));

    Summary.Platform youtube = a.platforms().get(0);
    // 5 minutes of 1000, 5 hidden minutes, 5 minutes of 3000
    assertThat(youtube.minutesWatched()).isCloseTo(5 * 1000 + 5 * 3000, within(1e-6));
    assertThat(youtube.minutesCovered()).isCloseTo(10.0, within(1e-6));
    assertThat(youtube.average()).isCloseTo(2000.0, within(1e-6));
    assertThat(youtube.peak()).isEqualTo(3000);
    assertThat(a.total().average()).isCloseTo(2000.0, within(1e-6));
    assertThat(Charts.valueAt(a.totalSteps(), at(450))).isZero();
  }

  @Test
  void a_reading_holds_at_most_twice_the_usual_interval_when_the_next_one_is_late() {
    List<ViewerReading> readings = new ArrayList<>(flat("youtube", 600, 30, 0, 300)); // 10 readings, 0..270 s
    readings.add(ViewerReading.live("youtube", at(900), 600)); // the collector came back 10 minutes later

    AudienceFigures.Audience a = AudienceFigures.of(readings, T0, at(960));

    // 9 readings hold 30 s each, the one at 270 s holds 60 s (2 x 30 s), the last one 60 s up to the window's end
    double minutes = (9 * 30 + 60 + 60) / 60.0;
    assertThat(a.platforms().get(0).minutesCovered()).isCloseTo(minutes, within(1e-6));
    assertThat(a.platforms().get(0).minutesWatched()).isCloseTo(600 * minutes, within(1e-6));
  }

  @Test
  void two_platforms_read_at_different_times_add_up_as_each_ones_held_figure() {
    List<ViewerReading> readings = new ArrayList<>(flat("youtube", 1000, 30, 0, 600));
    readings.addAll(flat("facebook", 600, 45, 10, 600)); // 10, 55, ... 595 s
    readings.add(ViewerReading.without("facebook", at(600), ViewerReading.Kind.ENDED, "over"));

    AudienceFigures.Audience a = AudienceFigures.of(readings, T0, at(600));

    Summary.Platform facebook = a.platforms().get(0);
    Summary.Platform youtube = a.platforms().get(1);
    assertThat(facebook.platform()).isEqualTo("facebook");
    assertThat(facebook.minutesWatched()).isCloseTo(600 * (590 / 60.0), within(1e-6));
    assertThat(youtube.minutesWatched()).isCloseTo(10_000.0, within(1e-6));
    assertThat(a.total().peak()).isEqualTo(1600);
    assertThat(a.total().minutesWatched()).isCloseTo(10_000 + 600 * (590 / 60.0), within(1e-6));
    // someone held a figure the whole 10 minutes
    assertThat(a.total().minutesCovered()).isCloseTo(10.0, within(1e-6));
    assertThat(a.total().average()).isCloseTo(a.total().minutesWatched() / 10.0, within(1e-6));
    assertThat(Charts.valueAt(a.totalSteps(), at(5))).isEqualTo(1000);
    assertThat(Charts.valueAt(a.totalSteps(), at(20))).isEqualTo(1600);
  }

  @Test
  void readings_outside_the_window_do_not_count_and_nothing_read_is_no_audience() {
    AudienceFigures.Audience none = AudienceFigures.of(flat("youtube", 1000, 30, 0, 600), at(3600), at(7200));

    assertThat(none.platforms()).isEmpty();
    assertThat(none.total()).isEqualTo(Summary.Total.NONE);
    assertThat(none.totalSteps()).isEmpty();
  }
}
