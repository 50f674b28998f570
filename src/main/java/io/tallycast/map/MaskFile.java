package io.tallycast.map;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The mask file format ({@code seats.mask}), version 1: gzip of
 * <pre>
 *   magic  "TCMASK" (6 bytes ASCII)
 *   u8     version = 1
 *   u32    width, u32 height (pixels)
 *   u32    seat count
 *   per seat, in seat-number order:
 *     u32  seat number
 *     u32  run count
 *     per run: u16 row, u16 start column, u16 length   (sorted by row then start; no overlaps)
 * </pre>
 * Big-endian (DataOutputStream). u16 limits a map to 65535 pixels a side, far beyond any broadcast map.
 * A reader refuses another magic, a newer version, runs outside the map, or unsorted runs: a damaged file never
 * paints garbage.
 */
public final class MaskFile {
  public static final String FILE_NAME = "seats.mask";
  static final byte[] MAGIC = "TCMASK".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;

  private MaskFile() {
  }

  public record Contents(int width, int height, List<SeatMask> seats) {
  }

  public static void write(OutputStream target, int width, int height, List<SeatMask> seats) throws IOException {
    if (width > 0xFFFF || height > 0xFFFF) {
      throw new IllegalArgumentException("a map of " + width + "x" + height + " is larger than the format's 65535");
    }
    GZIPOutputStream gz = new GZIPOutputStream(target);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz));
    out.write(MAGIC);
    out.writeByte(VERSION);
    out.writeInt(width);
    out.writeInt(height);
    List<SeatMask> sorted = new ArrayList<>(seats);
    sorted.sort((a, b) -> Integer.compare(a.seat(), b.seat()));
    out.writeInt(sorted.size());
    for (SeatMask s : sorted) {
      out.writeInt(s.seat());
      out.writeInt(s.runCount());
      for (int i = 0; i < s.runCount(); i++) {
        out.writeShort(s.rows()[i]);
        out.writeShort(s.starts()[i]);
        out.writeShort(s.lengths()[i]);
      }
    }
    out.flush();
    gz.finish();
  }

  public static Contents read(InputStream source) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source)));
    try {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException("not a tallycast mask file (no TCMASK header)");
      }
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IOException("mask file version " + version + " is not supported (this build reads " + VERSION + ")");
      }
      int width = in.readInt();
      int height = in.readInt();
      int count = in.readInt();
      List<SeatMask> seats = new ArrayList<>(count);
      for (int s = 0; s < count; s++) {
        int seat = in.readInt();
        int runs = in.readInt();
        int[] rows = new int[runs];
        int[] starts = new int[runs];
        int[] lengths = new int[runs];
        for (int i = 0; i < runs; i++) {
          rows[i] = in.readUnsignedShort();
          starts[i] = in.readUnsignedShort();
          lengths[i] = in.readUnsignedShort();
          if (rows[i] >= height || lengths[i] == 0 || starts[i] + lengths[i] > width) {
            throw new IOException("seat " + seat + ": run " + i + " lies outside the " + width + "x" + height + " map");
          }
          if (i > 0 && (rows[i] < rows[i - 1]
              || rows[i] == rows[i - 1] && starts[i] < starts[i - 1] + lengths[i - 1])) {
            throw new IOException("seat " + seat + ": runs are not sorted or overlap at run " + i);
          }
        }
        seats.add(new SeatMask(seat, rows, starts, lengths));
      }
      return new Contents(width, height, seats);
    } catch (EOFException e) {
      throw new IOException("mask file ends early (truncated?)", e);
    }
  }
}
