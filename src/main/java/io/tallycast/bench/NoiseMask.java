package io.tallycast.bench;

/**
 * The pixels of a page that change on their own, learnt from pictures of a quiet spell (nothing changed by the bench):
 * each pixel's range of luma over the spell. Grown wide sideways, because the clock's seconds move within the spell
 * but its minutes only later, a few digits to the left.
 */
public final class NoiseMask {
  /** Luma moving more than this within the quiet spell is the page's own motion (x264 noise stays below). */
  static final int NOISE_DELTA = 10;

  private final int width;
  private final int height;
  private final int[] min;
  private final int[] max;
  private int pictures;

  public NoiseMask(int width, int height) {
    this.width = width;
    this.height = height;
    this.min = new int[width * height];
    this.max = new int[width * height];
    java.util.Arrays.fill(min, 255);
  }

  public void add(byte[] picture) {
    for (int p = 0; p < min.length; p++) {
      int v = picture[p] & 0xff;
      min[p] = Math.min(min[p], v);
      max[p] = Math.max(max[p], v);
    }
    pictures++;
  }

  public int pictures() {
    return pictures;
  }

  /** Pixels that moved in the spell, grown by {@code rows} up and down and {@code cols} left and right. */
  public boolean[] mask(int rows, int cols) {
    boolean[] moved = new boolean[min.length];
    for (int p = 0; p < min.length; p++) {
      moved[p] = max[p] - min[p] > NOISE_DELTA;
    }
    boolean[] wide = new boolean[moved.length];
    for (int y = 0; y < height; y++) {
      int last = Integer.MIN_VALUE / 2; // column of the latest moved pixel seen, scanning both ways
      for (int x = 0; x < width; x++) {
        last = moved[y * width + x] ? x : last;
        wide[y * width + x] = x - last <= cols;
      }
      last = Integer.MAX_VALUE / 2;
      for (int x = width - 1; x >= 0; x--) {
        last = moved[y * width + x] ? x : last;
        wide[y * width + x] |= last - x <= cols;
      }
    }
    boolean[] out = new boolean[moved.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int dy = Math.max(0, y - rows); dy <= Math.min(height - 1, y + rows) && !out[y * width + x]; dy++) {
          out[y * width + x] = wide[dy * width + x];
        }
      }
    }
    return out;
  }

  /** Share of the picture masked: a page that moves everywhere leaves nothing to measure. */
  public static double share(boolean[] mask) {
    int n = 0;
    for (boolean b : mask) {
      n += b ? 1 : 0;
    }
    return (double) n / mask.length;
  }
}
