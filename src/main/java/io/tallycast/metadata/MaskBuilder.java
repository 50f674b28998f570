package io.tallycast.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the ownership grid: seats claim pixels in the order the caller gives (seat-number order), a pixel already
 * owned stays with its first owner and the clash is counted, so every pixel ends with at most one seat. A seat left
 * without a pixel is given one at its anchor point ({@link #rescue}).
 */
public final class MaskBuilder {

  /** {@code pixels} pixels claimed by both seats went to {@code kept} rather than {@code lost} (seat numbers). */
  public record Conflict(int kept, int lost, long pixels) {
  }

  /** Seat {@code seat} had no pixel and got (x, y), taken from seat {@code from} (0: from the background). */
  public record Rescue(int seat, int x, int y, int from) {
  }

  private final int width;
  private final int height;
  private final int[] owner;
  private final List<SeatMeta> seats;
  private final long[] counts;
  private final boolean[] rescued;
  private final Map<Long, Long> clashes = new TreeMap<>();
  private final List<Rescue> rescues = new ArrayList<>();

  public MaskBuilder(int width, int height, List<SeatMeta> seats) {
    this.width = width;
    this.height = height;
    this.owner = new int[Math.multiplyExact(width, height)];
    this.seats = List.copyOf(seats);
    this.counts = new long[seats.size()];
    this.rescued = new boolean[seats.size()];
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Seat {@code seat} (an index) claims columns [from, to) of a row. */
  public void claim(int seat, int row, int from, int to) {
    int mark = seat + 1;
    int base = row * width;
    for (int p = base + from; p < base + to; p++) {
      int o = owner[p];
      if (o == 0) {
        owner[p] = mark;
        counts[seat]++;
      } else if (o != mark) {
        clashes.merge(((long) (o - 1) << 32) | seat, 1L, Long::sum);
      }
    }
  }

  /** Seat {@code seat} claims one pixel. */
  public void claim(int seat, int x, int y) {
    claim(seat, y, x, x + 1);
  }

  public long pixels(int seat) {
    return counts[seat];
  }

  /**
   * Gives seat {@code seat} (which has no pixel) the pixel under the map point (x, y), or the nearest one that is
   * background or belongs to a seat that keeps other pixels (and was not itself rescued).
   */
  public Rescue rescue(int seat, double x, double y) {
    int cx = (int) Math.min(width - 1, Math.max(0, Math.floor(x)));
    int cy = (int) Math.min(height - 1, Math.max(0, Math.floor(y)));
    int limit = Math.max(width, height);
    for (int r = 0; r <= limit; r++) {
      int best = -1;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int py = cy - r; py <= cy + r; py++) {
        if (py < 0 || py >= height) {
          continue;
        }
        boolean edgeRow = py == cy - r || py == cy + r;
        for (int px = cx - r; px <= cx + r; px += edgeRow || r == 0 ? 1 : 2 * r) {
          if (px < 0 || px >= width || !available(py * width + px)) {
            continue;
          }
          double d = (px + 0.5 - x) * (px + 0.5 - x) + (py + 0.5 - y) * (py + 0.5 - y);
          if (d < bestDistance) {
            bestDistance = d;
            best = py * width + px;
          }
        }
      }
      if (best >= 0) {
        int from = owner[best];
        if (from > 0) {
          counts[from - 1]--;
        }
        owner[best] = seat + 1;
        counts[seat]++;
        rescued[seat] = true;
        Rescue rescue = new Rescue(seats.get(seat).no(), best % width, best / width,
            from == 0 ? 0 : seats.get(from - 1).no());
        rescues.add(rescue);
        return rescue;
      }
    }
    throw new IllegalStateException("no pixel left for seat " + seats.get(seat).no() + " on a " + width + "x"
        + height + " map: more seats than pixels");
  }

  /**
   * Gives each enclosed patch of background of at most {@code maxSize} pixels (4-connected, not touching the map's
   * edge) to the seat owning most of the pixels around it (ties: the lower seat number). At pixel scale such a patch
   * is a notch of a boundary narrower than a pixel, and left alone it shows as a speck of background with a ring of
   * outline around it. Returns the number of pixels filled.
   */
  public int fillPinholes(int maxSize) {
    int[] queue = new int[owner.length];
    boolean[] seen = new boolean[owner.length];
    Map<Integer, Integer> around = new TreeMap<>();
    int filled = 0;
    for (int start = 0; start < owner.length; start++) {
      if (owner[start] != 0 || seen[start]) {
        continue;
      }
      int size = 0;
      boolean enclosed = true;
      around.clear();
      queue[size++] = start;
      seen[start] = true;
      for (int head = 0; head < size; head++) {
        int p = queue[head];
        int x = p % width;
        int y = p / width;
        enclosed &= x > 0 && y > 0 && x < width - 1 && y < height - 1;
        for (int d = 0; d < 4; d++) {
          int q = d == 0 ? (x > 0 ? p - 1 : -1) : d == 1 ? (x < width - 1 ? p + 1 : -1)
              : d == 2 ? (y > 0 ? p - width : -1) : (y < height - 1 ? p + width : -1);
          if (q < 0) {
            continue;
          }
          if (owner[q] != 0) {
            if (size <= maxSize) {
              around.merge(owner[q], 1, Integer::sum);
            }
          } else if (!seen[q]) {
            seen[q] = true;
            queue[size++] = q;
          }
        }
      }
      if (enclosed && size <= maxSize) {
        int seat = around.entrySet().stream().max((a, b) -> a.getValue().equals(b.getValue())
            ? Integer.compare(b.getKey(), a.getKey()) : Integer.compare(a.getValue(), b.getValue())).orElseThrow()
            .getKey();
        for (int i = 0; i < size; i++) {
          owner[queue[i]] = seat;
        }
        counts[seat - 1] += size;
        filled += size;
      }
    }
    return filled;
  }

  private boolean available(int p) {
    int o = owner[p];
    return o == 0 || counts[o - 1] > 1 && !rescued[o - 1];
  }

  public List<Rescue> rescues() {
    return List.copyOf(rescues);
  }

  /** Pixels two seats claimed, largest first. */
  public List<Conflict> conflicts() {
    List<Conflict> out = new ArrayList<>();
    clashes.forEach((key, pixels) -> out.add(new Conflict(seats.get((int) (key >>> 32)).no(),
        seats.get((int) (key & 0xFFFFFFFFL)).no(), pixels)));
    out.sort((a, b) -> Long.compare(b.pixels(), a.pixels()));
    return out;
  }

  public SeatRaster raster() {
    return new SeatRaster(width, height, owner.clone(), seats);
  }
}
