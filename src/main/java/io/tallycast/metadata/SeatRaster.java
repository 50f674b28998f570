package io.tallycast.metadata;

import io.tallycast.map.SeatMask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A map as an ownership grid: {@code owner[y * width + x]} is 0 for background or 1 + the index of the seat (in
 * {@link #seats()}, which is in seat-number order) that owns the pixel. One int per pixel, so a pixel can never belong
 * to two seats.
 */
public record SeatRaster(int width, int height, int[] owner, List<SeatMeta> seats) {

  public SeatRaster {
    if (owner.length != width * height) {
      throw new IllegalArgumentException("owner grid of " + owner.length + " for a " + width + "x" + height + " map");
    }
    for (int i = 1; i < seats.size(); i++) {
      if (seats.get(i).no() <= seats.get(i - 1).no()) {
        throw new IllegalArgumentException("seats must be in increasing seat-number order");
      }
    }
    seats = List.copyOf(seats);
  }

  /** Pixels per seat, by seat index. */
  public long[] pixelCounts() {
    long[] counts = new long[seats.size()];
    for (int o : owner) {
      if (o > 0) {
        counts[o - 1]++;
      }
    }
    return counts;
  }

  /** Each seat's runs (row, start, length), in seat order, sorted by row then start as MaskFile requires. */
  public List<SeatMask> masks() {
    int count = seats.size();
    int[][] rows = new int[count][16];
    int[][] starts = new int[count][16];
    int[][] lengths = new int[count][16];
    int[] runs = new int[count];
    for (int y = 0; y < height; y++) {
      int base = y * width;
      int x = 0;
      while (x < width) {
        int o = owner[base + x];
        int start = x;
        while (x < width && owner[base + x] == o) {
          x++;
        }
        if (o == 0) {
          continue;
        }
        int s = o - 1;
        if (runs[s] == rows[s].length) {
          rows[s] = Arrays.copyOf(rows[s], runs[s] * 2);
          starts[s] = Arrays.copyOf(starts[s], runs[s] * 2);
          lengths[s] = Arrays.copyOf(lengths[s], runs[s] * 2);
        }
        rows[s][runs[s]] = y;
        starts[s][runs[s]] = start;
        lengths[s][runs[s]] = x - start;
        runs[s]++;
      }
    }
    List<SeatMask> masks = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      masks.add(new SeatMask(seats.get(s).no(), Arrays.copyOf(rows[s], runs[s]), Arrays.copyOf(starts[s], runs[s]),
          Arrays.copyOf(lengths[s], runs[s])));
    }
    return masks;
  }

  /** Index of the seat with this number, or -1. */
  public int indexOf(int no) {
    int lo = 0;
    int hi = seats.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int at = seats.get(mid).no();
      if (at == no) {
        return mid;
      }
      if (at < no) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }
}
