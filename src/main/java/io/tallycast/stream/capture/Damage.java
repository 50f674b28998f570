package io.tallycast.stream.capture;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Which bands of rows of a picture changed since the previous one. The overlay is mostly still (the ticker and the
 * clock move, a seat changes now and then), so knowing the changed bands lets the capture copy and the encoder
 * convert only those instead of a whole 8 MB picture per frame. A band is {@link #BAND_ROWS} rows: a macroblock row
 * of H.264, and even, so the 4:2:0 chroma rows of a band are its own.
 */
public final class Damage {
  public static final int BAND_ROWS = 16;

  private final int height;
  private final long[] bits;

  private Damage(int height, long[] bits) {
    this.height = height;
    this.bits = bits;
  }

  /** Nothing changed. */
  public static Damage none(int height) {
    return new Damage(height, new long[(bands(height) + 63) / 64]);
  }

  /** Every band changed: a first picture, or a source that cannot tell. */
  public static Damage all(int height) {
    Damage d = none(height);
    for (int b = 0; b < d.bands(); b++) {
      d.mark(b);
    }
    return d;
  }

  /**
   * The bands where two pictures of the same size and layout differ, compared row by row (ByteBuffer.mismatch is
   * vectorised by the JDK, so an unchanged 1080p picture costs well under a millisecond).
   */
  public static Damage between(ByteBuffer before, int beforeStride, ByteBuffer after, int afterStride,
                               int bytesPerRow, int height) {
    Damage d = none(height);
    boolean packed = beforeStride == bytesPerRow && afterStride == bytesPerRow;
    for (int band = 0; band < d.bands(); band++) {
      int last = Math.min(height, (band + 1) * BAND_ROWS);
      if (packed) { // rows without padding: the band is one run of bytes, compared at once
        int from = band * BAND_ROWS * bytesPerRow;
        int length = (last - band * BAND_ROWS) * bytesPerRow;
        if (before.slice(from, length).mismatch(after.slice(from, length)) >= 0) {
          d.mark(band);
        }
        continue;
      }
      for (int y = band * BAND_ROWS; y < last; y++) {
        ByteBuffer a = before.slice(y * beforeStride, bytesPerRow);
        ByteBuffer b = after.slice(y * afterStride, bytesPerRow);
        if (a.mismatch(b) >= 0) {
          d.mark(band);
          break;
        }
      }
    }
    return d;
  }

  public static int bands(int height) {
    return (height + BAND_ROWS - 1) / BAND_ROWS;
  }

  public int bands() {
    return bands(height);
  }

  public int height() {
    return height;
  }

  void mark(int band) {
    bits[band >>> 6] |= 1L << (band & 63);
  }

  public boolean changed(int band) {
    return (bits[band >>> 6] & (1L << (band & 63))) != 0;
  }

  public boolean isEmpty() {
    return Arrays.stream(bits).allMatch(b -> b == 0);
  }

  public int changedBands() {
    return Arrays.stream(bits).mapToInt(Long::bitCount).sum();
  }

  /** This damage and that one: what changed over two steps. */
  public Damage union(Damage other) {
    if (other == null) {
      return all(height);
    }
    long[] u = bits.clone();
    for (int i = 0; i < u.length; i++) {
      u[i] |= other.bits[i];
    }
    return new Damage(height, u);
  }

  /** First row of a band. */
  public static int firstRow(int band) {
    return band * BAND_ROWS;
  }

  /** Rows in a band (the last may be shorter). */
  public int rows(int band) {
    return Math.min(BAND_ROWS, height - band * BAND_ROWS);
  }

  @Override
  public String toString() {
    return changedBands() + "/" + bands() + " bands";
  }
}
