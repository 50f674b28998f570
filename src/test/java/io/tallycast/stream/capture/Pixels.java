package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.Frame;

/** Reads pixels of captured frames (BGR0 or BGR24) as {r, g, b}. */
final class Pixels {
  private Pixels() {
  }

  static int[] rgb(Frame f, int pixelFormat, int x, int y) {
    int bpp = pixelFormat == avutil.AV_PIX_FMT_BGR24 ? 3 : 4;
    ByteBuffer b = (ByteBuffer) f.image[0];
    int i = y * f.imageStride + x * bpp;
    return new int[] {b.get(i + 2) & 0xff, b.get(i + 1) & 0xff, b.get(i) & 0xff};
  }

  static boolean near(int[] actual, int[] expected, int tolerance) {
    for (int c = 0; c < 3; c++) {
      if (Math.abs(actual[c] - expected[c]) > tolerance) {
        return false;
      }
    }
    return true;
  }

  /** The page's colours at its corners and just inside them: catches borders, scrollbars and 1-pixel offsets. */
  static void assertShowsTestPage(Frame f, int pixelFormat, int w, int h, int tolerance) {
    int m = TestPages.MARK;
    int[][] probes = {
        {0, 0}, {m - 1, m - 1}, {m, m}, {w / 2, h / 2}, {w - m - 1, h - m - 1}, {w - m, h - m}, {w - 1, h - 1},
        {w - 1, 0}, {0, h - 1}, {m, 0}, {0, m}};
    int[][] expected = {
        TestPages.TOP_LEFT, TestPages.TOP_LEFT, TestPages.BACKGROUND, TestPages.BACKGROUND, TestPages.BACKGROUND,
        TestPages.BOTTOM_RIGHT, TestPages.BOTTOM_RIGHT, TestPages.BACKGROUND, TestPages.BACKGROUND,
        TestPages.BACKGROUND, TestPages.BACKGROUND};
    for (int i = 0; i < probes.length; i++) {
      int[] got = rgb(f, pixelFormat, probes[i][0], probes[i][1]);
      assertThat(near(got, expected[i], tolerance))
          .as("pixel %d,%d is %s, expected %s", probes[i][0], probes[i][1], java.util.Arrays.toString(got),
              java.util.Arrays.toString(expected[i]))
          .isTrue();
    }
  }
}
