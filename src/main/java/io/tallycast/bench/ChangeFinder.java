package io.tallycast.bench;

import java.util.List;

/**
 * Finds the first decoded picture that shows a change. All pictures are small luma images of one size (one byte per
 * pixel). The change's "known region" is what differs between a picture from just before the change and one after it
 * has settled, less the pixels that move on their own (the clock, the ticker: learnt from a quiet spell by
 * {@link NoiseMask}); the first picture in which a good part of that region has left its old value shows the change.
 * Thresholds sit well above what x264 re-encoding a still picture moves (a few levels, more at a keyframe).
 */
public final class ChangeFinder {
  /** A pixel has changed when its luma moved more than this. */
  static final int PIXEL_DELTA = 20;
  /** Fewer changed pixels than this in the region: nothing visible changed. */
  static final int MIN_REGION = 6;

  private ChangeFinder() {
  }

  /**
   * @param index   the position in {@code after} of the first picture that shows the change, or -1 when the region is
   *                too small to see (nothing visible changed)
   * @param region  pixels in the change's region
   */
  public record Found(int index, int region) {
    public boolean visible() {
      return index >= 0;
    }
  }

  /**
   * @param before pixels on air just before the change
   * @param after  the pictures aired after it, in order; the last one is the settled picture
   * @param noise  pixels that change on their own ({@link NoiseMask#mask}), never part of a region
   */
  public static Found first(byte[] before, List<byte[]> after, boolean[] noise) {
    if (after.isEmpty()) {
      return new Found(-1, 0);
    }
    byte[] settled = after.get(after.size() - 1);
    int[] region = region(before, settled, noise);
    if (region.length < MIN_REGION) {
      return new Found(-1, region.length);
    }
    // a tenth of the region (at least 3, at most 20 pixels): a panel sliding in shows only part of itself at first
    int needed = Math.max(3, Math.min(20, region.length / 10));
    for (int i = 0; i < after.size(); i++) {
      if (changedIn(region, before, after.get(i), needed)) {
        return new Found(i, region.length);
      }
    }
    return new Found(after.size() - 1, region.length); // not reached: the settled picture differs everywhere there
  }

  static int[] region(byte[] before, byte[] settled, boolean[] noise) {
    int n = 0;
    int[] out = new int[before.length];
    for (int p = 0; p < before.length; p++) {
      if (!noise[p] && differs(before[p], settled[p])) {
        out[n++] = p;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static boolean changedIn(int[] region, byte[] before, byte[] picture, int needed) {
    int changed = 0;
    for (int p : region) {
      if (differs(before[p], picture[p]) && ++changed >= needed) {
        return true;
      }
    }
    return false;
  }

  static boolean differs(byte a, byte b) {
    return Math.abs((a & 0xff) - (b & 0xff)) > PIXEL_DELTA;
  }
}
