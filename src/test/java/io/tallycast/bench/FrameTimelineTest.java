package io.tallycast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check of what a peer received: an FLV-like timeline (milliseconds) with and without a hole. */
class FrameTimelineTest {
  private static final int FPS = 30;

  /** Frames 0..count-1 at the given rate, rounded to milliseconds as FLV stores them, skipping [holeFrom, holeTo). */
  private static List<Double> flv(int count, int holeFrom, int holeTo) {
    List<Double> ts = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      if (n < holeFrom || n >= holeTo) {
        ts.add(Math.round(n * 1000.0 / FPS) / 1000.0);
      }
    }
    return ts;
  }

  @Test
  void an_exact_timeline_passes() {
    int seconds = 20;
    double from = 5;
    List<Double> ts = flv((int) ((from + seconds + 5) * FPS), 0, 0);

    FrameTimeline t = FrameTimeline.of(ts, from, seconds, FPS);

    long inWindow = ts.stream().filter(x -> x >= from && x < from + seconds).count();
    assertThat(t.frames()).isEqualTo(inWindow);
    assertThat(t.expected()).isEqualTo(seconds * FPS);
    assertThat(t.maxGapSeconds()).isLessThanOrEqualTo(Math.ceil(1000.0 / FPS) / 1000 + 1e-9);
    assertThat(t.hasHole()).isFalse();
    assertThat(t.exact()).isTrue();
    assertThat(t.receivedFps()).isCloseTo(FPS, org.assertj.core.data.Offset.offset(1.0 / seconds));
  }

  @Test
  void a_hole_is_found_and_counted() {
    int seconds = 20;
    double from = 5;
    int holeFrom = (int) ((from + 7) * FPS);
    int missing = 9;
    List<Double> ts = flv((int) ((from + seconds + 5) * FPS), holeFrom, holeFrom + missing);

    FrameTimeline t = FrameTimeline.of(ts, from, seconds, FPS);

    assertThat(t.frames()).isEqualTo(seconds * FPS - missing);
    double gap = ts.get(holeFrom) - ts.get(holeFrom - 1); // the frames on either side of the hole
    assertThat(t.maxGapSeconds()).isEqualTo(gap);
    assertThat(t.hasHole()).isTrue();
    assertThat(t.exact()).isFalse();
    assertThat(t.summary()).contains("HOLE");
  }

  @Test
  void one_frame_too_few_without_a_hole_is_still_exact_but_two_are_not() {
    int seconds = 10;
    List<Double> ts = flv(seconds * FPS, 0, 0);

    assertThat(FrameTimeline.of(ts.subList(1, ts.size()), 0, seconds, FPS).exact()).isTrue();
    FrameTimeline twoShort = FrameTimeline.of(ts.subList(2, ts.size()), 0, seconds, FPS);
    assertThat(twoShort.frames()).isEqualTo(seconds * FPS - 2);
    assertThat(twoShort.hasHole()).isFalse();
    assertThat(twoShort.exact()).isFalse();
  }

  @Test
  void order_does_not_matter_and_an_empty_window_is_not_exact() {
    List<Double> ts = new ArrayList<>(flv(3 * FPS, 0, 0));
    java.util.Collections.reverse(ts);

    assertThat(FrameTimeline.of(ts, 0, 3, FPS).exact()).isTrue();
    assertThat(FrameTimeline.of(ts, 10, 3, FPS).frames()).isZero();
    assertThat(FrameTimeline.of(ts, 10, 3, FPS).exact()).isFalse();
  }
}
