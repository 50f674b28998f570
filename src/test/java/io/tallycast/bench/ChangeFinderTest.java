package io.tallycast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The change finder on synthetic pictures: a still page with encoder-like noise everywhere, a "clock" that ticks on its
 * own, and a panel that changes at a known picture.
 */
class ChangeFinderTest {
  private static final int W = 96;
  private static final int H = 54;
  /** The clock's seconds digit: ticks every picture of the quiet spell and after. */
  private static final int[] SECONDS = {80, 4, 84, 8};
  /** Its minutes digit, a few columns left (within the mask's sideways growth): changes once, after the quiet. */
  private static final int[] MINUTES = {75, 4, 79, 8};
  /** The panel the change repaints. */
  private static final int[] PANEL = {20, 20, 40, 34};

  private final Random random = new Random(13);

  @Test
  void findsTheFirstPictureShowingAChangeAndIgnoresTheClock() {
    NoiseMask noise = new NoiseMask(W, H);
    for (int i = 0; i < 30; i++) {
      noise.add(picture(i, false, false));
    }
    boolean[] mask = noise.mask(2, W / 16);
    byte[] before = picture(30, false, false);
    int changedAt = 7;
    // the minutes change before the panel does: were they searched, they would be found first
    int minutesAt = 3;
    List<byte[]> after = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      after.add(picture(31 + i, i >= changedAt, i >= minutesAt));
    }

    ChangeFinder.Found found = ChangeFinder.first(before, after, mask);

    int panelPixels = (PANEL[2] - PANEL[0]) * (PANEL[3] - PANEL[1]);
    assertThat(found.visible()).isTrue();
    assertThat(found.index()).isEqualTo(changedAt);
    assertThat(found.region()).isEqualTo(panelPixels);
  }

  @Test
  void aChangeOnlyOfWhatMovesOnItsOwnIsNotVisible() {
    NoiseMask noise = new NoiseMask(W, H);
    for (int i = 0; i < 30; i++) {
      noise.add(picture(i, false, false));
    }
    List<byte[]> after = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      after.add(picture(31 + i, false, i >= 5));
    }

    ChangeFinder.Found found = ChangeFinder.first(picture(30, false, false), after, noise.mask(2, W / 16));

    assertThat(found.visible()).isFalse();
  }

  @Test
  void percentilesCountAMissingChangeAsNever() {
    double[] millis = {100, 300, 200, Double.NaN};

    assertThat(LatencyReport.median(millis)).isEqualTo((200 + 300) / 2.0);
    assertThat(LatencyReport.percentile(millis, 95)).isInfinite();
    assertThat(LatencyReport.percentile(new double[] {100, 300, 200}, 50)).isEqualTo(200);
  }

  /** Grey 128 with x264-like noise of a few levels; bright boxes where the clock and the panel are drawn. */
  private byte[] picture(int index, boolean panelChanged, boolean minutesChanged) {
    byte[] p = new byte[W * H];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) (128 + random.nextInt(7) - 3);
    }
    fill(p, SECONDS, index % 2 == 0 ? 40 : 220);
    fill(p, MINUTES, minutesChanged ? 220 : 40);
    if (panelChanged) {
      fill(p, PANEL, 200);
    }
    return p;
  }

  private static void fill(byte[] p, int[] box, int value) {
    for (int y = box[1]; y < box[3]; y++) {
      for (int x = box[0]; x < box[2]; x++) {
        p[y * W + x] = (byte) value;
      }
    }
  }
}
