package io.tallycast.map;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * An 8-bit RGB PNG kept ready to re-encode after a change to a few rows: the image is cut into horizontal bands of
 * {@link #DEFAULT_BAND_ROWS} rows and each band keeps its own filtered and deflated bytes, so repainting one seat
 * re-filters and re-deflates only the bands its rows touch. Hand-written because no PNG library (ImageIO, pngencoder)
 * re-encodes part of an image: they all filter and deflate the whole picture every time, which at 1080 pixels wide
 * costs tens of milliseconds per publish.
 *
 * <p>How the pieces make one valid PNG: each band is its own raw deflate stream, started fresh (no dictionary). All
 * but the last end with a SYNC_FLUSH (byte-aligned, no final-block bit), the last with FINISH; raw deflate streams of
 * that kind concatenate into one stream a zlib reader decodes in one go (a fresh stream never refers back before its
 * own start). The zlib wrapper is a 2-byte header before band 0 and the Adler-32 of all filtered bytes after the last
 * band, combined from the per-band Adler-32s with zlib's adler32_combine arithmetic. Each band is written as its own
 * IDAT chunk (PNG allows the zlib stream to be split across consecutive IDATs at any byte), so its chunk CRC is
 * computed once when the band changes, not over the whole image on every publish.
 *
 * <p>Filters: the first row of each band uses Sub and the others Up, so no band's filtered bytes depend on another
 * band's pixels (Up looks at the row above). Maps are flat areas with thin borders: Up turns most rows into zeros.
 *
 * <p>Not thread-safe: one thread at a time owns an instance (the renderer's painter thread). {@link #close()} frees the
 * native deflate state.
 */
public final class BandedPng implements AutoCloseable {
  public static final int DEFAULT_BAND_ROWS = 16;
  /** Deflate level 1: the map is mostly zeros after filtering, so higher levels cost time for a few percent of size. */
  public static final int DEFAULT_LEVEL = 1;
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] IDAT = "IDAT".getBytes(StandardCharsets.US_ASCII);
  /** zlib header: deflate, 32 KB window, no preset dictionary, "fastest" level hint (0x7801 is a multiple of 31). */
  private static final byte[] ZLIB_HEADER = {0x78, 0x01};
  private static final byte[] IEND = chunk("IEND", new byte[0]);
  private static final int FILTER_SUB = 1;
  private static final int FILTER_UP = 2;
  private static final int ADLER_BASE = 65521;

  private final int width;
  private final int height;
  private final int bandRows;
  private final int stride;
  private final byte[] rgb;
  private final byte[][] bandChunks;
  private final int[] bandAdler;
  private final int[] bandRawLength;
  private final boolean[] dirty;
  /** Signature, IHDR and the 2-byte zlib header in an IDAT chunk of its own: the same for every snapshot. */
  private final byte[] head;
  private final Deflater deflater;
  /**
   * The whole image filtered, row by row ({@code stride + 1} bytes each): kept, so only changed rows are re-filtered.
   */
  private final byte[] filtered;
  /** Rows whose filtered bytes are out of date: the repainted rows and, within a band, the row below each. */
  private final BitSet dirtyRows = new BitSet();
  private byte[] deflated;
  private boolean anyDirty = true;

  public BandedPng(int width, int height) {
    this(width, height, DEFAULT_BAND_ROWS, DEFAULT_LEVEL);
  }

  public BandedPng(int width, int height, int bandRows, int level) {
    if (width <= 0 || height <= 0 || bandRows <= 0) {
      throw new IllegalArgumentException("bad PNG geometry " + width + "x" + height + " / " + bandRows);
    }
    this.width = width;
    this.height = height;
    this.bandRows = bandRows;
    this.stride = width * 3;
    this.rgb = new byte[stride * height];
    int bands = (height + bandRows - 1) / bandRows;
    this.bandChunks = new byte[bands][];
    this.bandAdler = new int[bands];
    this.bandRawLength = new int[bands];
    this.dirty = new boolean[bands];
    Arrays.fill(dirty, true);
    this.deflater = new Deflater(level, true);
    this.filtered = new byte[(stride + 1) * height];
    this.dirtyRows.set(0, height);
    this.deflated = new byte[(stride + 1) * Math.min(bandRows, height) / 4 + 64];
    this.head = concat(SIGNATURE, concat(ihdr(width, height), chunk(ZLIB_HEADER)));
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int bandCount() {
    return bandChunks.length;
  }

  public int bandOf(int row) {
    return row / bandRows;
  }

  /** The pixels, row-major, 3 bytes (R, G, B) per pixel: write into it, then {@link #touchRows} what changed. */
  public byte[] pixels() {
    return rgb;
  }

  /**
   * Marks rows {@code fromRow..toRow} (inclusive) as changed: their bands are re-encoded by the next {@link #encode}.
   */
  public void touchRows(int fromRow, int toRow) {
    if (toRow < fromRow) {
      return;
    }
    int from = Math.max(0, fromRow);
    int to = Math.min(height - 1, toRow);
    // the row below the last one is filtered against it (Up), unless it starts the next band (Sub)
    dirtyRows.set(from, to + 1 < height && (to + 1) % bandRows != 0 ? to + 2 : to + 1);
    int first = from / bandRows;
    int last = to / bandRows;
    for (int b = first; b <= last; b++) {
      dirty[b] = true;
      anyDirty = true;
    }
  }

  /** A copy of one band's IDAT chunk as last encoded (tests compare them to prove untouched bands were kept). */
  public byte[] bandChunk(int band) {
    return bandChunks[band] == null ? null : bandChunks[band].clone();
  }

  /** How many bands the next {@link #encode} will re-deflate. */
  public int dirtyBands() {
    int n = 0;
    for (boolean d : dirty) {
      n += d ? 1 : 0;
    }
    return n;
  }

  /** The whole PNG file as one array (tests and tools; the renderer publishes {@link #snapshot()}). */
  public byte[] encode() {
    return snapshot().bytes();
  }

  /**
   * The current picture as an immutable {@link EncodedPng}: re-deflates the changed bands and shares the others'
   * chunks, so its cost follows the rows repainted, not the size of the image.
   */
  public EncodedPng snapshot() {
    if (anyDirty) {
      for (int b = 0; b < bandChunks.length; b++) {
        if (dirty[b]) {
          encodeBand(b);
          dirty[b] = false;
        }
      }
      anyDirty = false;
    }
    byte[][] parts = new byte[bandChunks.length + 2][];
    parts[0] = head;
    System.arraycopy(bandChunks, 0, parts, 1, bandChunks.length);
    parts[parts.length - 1] = trailer();
    return new EncodedPng(parts);
  }

  private void encodeBand(int band) {
    int y0 = band * bandRows;
    int y1 = Math.min(height, y0 + bandRows);
    for (int y = dirtyRows.nextSetBit(y0); y >= 0 && y < y1; y = dirtyRows.nextSetBit(y + 1)) {
      filterRow(y, y == y0);
    }
    dirtyRows.clear(y0, y1);
    int offset = y0 * (stride + 1);
    int n = (y1 - y0) * (stride + 1);
    Adler32 adler = new Adler32();
    adler.update(filtered, offset, n);
    bandAdler[band] = (int) adler.getValue();
    bandRawLength[band] = n;
    bandChunks[band] = chunk(deflate(offset, n, band == bandChunks.length - 1));
  }

  private void filterRow(int y, boolean firstOfBand) {
    int row = y * stride;
    int n = y * (stride + 1);
    if (firstOfBand) {
      filtered[n++] = FILTER_SUB;
      System.arraycopy(rgb, row, filtered, n, Math.min(3, stride));
      for (int i = 3; i < stride; i++) {
        filtered[n + i] = (byte) (rgb[row + i] - rgb[row + i - 3]);
      }
    } else {
      filtered[n++] = FILTER_UP;
      int above = row - stride;
      for (int i = 0; i < stride; i++) {
        filtered[n + i] = (byte) (rgb[row + i] - rgb[above + i]);
      }
    }
  }

  /**
   * One band as a raw deflate stream: SYNC_FLUSH keeps the stream open for the next band; the last band FINISHes it.
   */
  private byte[] deflate(int offset, int length, boolean last) {
    deflater.reset();
    deflater.setInput(filtered, offset, length);
    if (last) {
      deflater.finish();
    }
    int size = 0;
    while (true) {
      int room = deflated.length - size;
      int wrote = deflater.deflate(deflated, size, room, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
      size += wrote;
      // a flush is complete when it did not fill the space given (Deflater's contract); FINISH when finished() says so
      boolean done = last ? deflater.finished() : wrote < room;
      if (done) {
        return Arrays.copyOf(deflated, size);
      }
      if (size == deflated.length) {
        deflated = Arrays.copyOf(deflated, deflated.length * 2);
      }
    }
  }

  /** The zlib stream's Adler-32 (combined from the bands') in its own IDAT chunk, then IEND. */
  private byte[] trailer() {
    int adler = 1;
    for (int b = 0; b < bandChunks.length; b++) {
      adler = adler32Combine(adler, bandAdler[b], bandRawLength[b]);
    }
    byte[] check = chunk(new byte[] {(byte) (adler >>> 24), (byte) (adler >>> 16), (byte) (adler >>> 8), (byte) adler});
    return concat(check, IEND);
  }

  /** zlib's adler32_combine: the Adler-32 of A followed by B, from adler(A), adler(B) and B's length. */
  static int adler32Combine(int adler1, int adler2, long length2) {
    long rem = length2 % ADLER_BASE;
    long sum1 = adler1 & 0xFFFFL;
    long sum2 = (rem * sum1) % ADLER_BASE;
    sum1 += (adler2 & 0xFFFFL) + ADLER_BASE - 1;
    sum2 += ((adler1 >>> 16) & 0xFFFFL) + ((adler2 >>> 16) & 0xFFFFL) + ADLER_BASE - rem;
    if (sum1 >= ADLER_BASE) {
      sum1 -= ADLER_BASE;
    }
    if (sum1 >= ADLER_BASE) {
      sum1 -= ADLER_BASE;
    }
    if (sum2 >= 2L * ADLER_BASE) {
      sum2 -= 2L * ADLER_BASE;
    }
    if (sum2 >= ADLER_BASE) {
      sum2 -= ADLER_BASE;
    }
    return (int) (sum1 | (sum2 << 16));
  }

  private static byte[] ihdr(int width, int height) {
    byte[] data = new byte[13];
    putInt(data, 0, width);
    putInt(data, 4, height);
    data[8] = 8; // bits per channel
    data[9] = 2; // colour type: RGB
    // compression 0 (deflate), filter method 0 (adaptive, per-row type byte), interlace 0: already zero
    return chunk("IHDR", data);
  }

  private static byte[] chunk(byte[] idatData) {
    return chunk("IDAT", idatData);
  }

  /** length, type, data, CRC-32 of type and data. */
  private static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.equals("IDAT") ? IDAT : type.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[12 + data.length];
    putInt(out, 0, data.length);
    System.arraycopy(typeBytes, 0, out, 4, 4);
    System.arraycopy(data, 0, out, 8, data.length);
    CRC32 crc = new CRC32();
    crc.update(out, 4, 4 + data.length);
    putInt(out, 8 + data.length, (int) crc.getValue());
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void putInt(byte[] target, int at, int value) {
    target[at] = (byte) (value >>> 24);
    target[at + 1] = (byte) (value >>> 16);
    target[at + 2] = (byte) (value >>> 8);
    target[at + 3] = (byte) value;
  }

  @Override
  public void close() {
    deflater.end();
  }
}
