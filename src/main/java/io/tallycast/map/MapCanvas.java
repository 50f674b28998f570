package io.tallycast.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One map's current picture and how to repaint each seat. A seat's pixel takes the fill only where base.png is
 * transparent; where base.png is opaque (borders, background) the base pixel stays; a partly transparent base pixel
 * (anti-aliased edge) is blended over the fill. The base image is turned into per-seat paint plans at build time and
 * then dropped, so a repaint touches exactly the seat's fillable pixels. Owned by one thread at a time (the painter).
 */
public final class MapCanvas implements AutoCloseable {
  private final String name;
  private final BandedPng png;
  private final Map<Integer, SeatPaint> seats = new HashMap<>();
  private final Map<Integer, Integer> painted = new HashMap<>();
  private final TreeSet<Integer> repainted = new TreeSet<>();
  /** The picture has changed since the last successful publish (true at first: nothing published yet). */
  boolean needsPublish = true;

  /** Pixel offsets to fill (runs where the base is transparent) and partly transparent pixels to blend. */
  private record SeatPaint(int firstRow, int lastRow, int[] fillStart, int[] fillLength, int[] blendAt,
      int[] blendArgb) {
  }

  private MapCanvas(String name, BandedPng png) {
    this.name = name;
    this.png = png;
  }

  /** The base over neutral grey everywhere, with every seat neutral. */
  static MapCanvas build(MapDefinition map, int bandRows, int level) {
    MapCanvas canvas = new MapCanvas(map.name(), new BandedPng(map.width(), map.height(), bandRows, level));
    int[] base = map.baseArgb();
    byte[] rgb = canvas.png.pixels();
    for (int p = 0; p < base.length; p++) {
      put(rgb, p, over(base[p], SeatColors.NEUTRAL));
    }
    for (SeatMask mask : map.masks()) {
      canvas.seats.put(mask.seat(), plan(mask, base, map.width()));
      canvas.painted.put(mask.seat(), SeatColors.NEUTRAL);
    }
    return canvas;
  }

  public static MapCanvas build(MapDefinition map) {
    return build(map, BandedPng.DEFAULT_BAND_ROWS, BandedPng.DEFAULT_LEVEL);
  }

  private static SeatPaint plan(SeatMask mask, int[] base, int width) {
    List<int[]> fills = new ArrayList<>();
    List<int[]> blends = new ArrayList<>();
    for (int i = 0; i < mask.runCount(); i++) {
      int rowStart = mask.rows()[i] * width;
      int runStart = -1;
      for (int x = mask.starts()[i], end = x + mask.lengths()[i]; x <= end; x++) {
        int alpha = x == end ? 255 : base[rowStart + x] >>> 24;
        if (alpha == 0) {
          runStart = runStart < 0 ? x : runStart;
          continue;
        }
        if (runStart >= 0) {
          fills.add(new int[] {rowStart + runStart, x - runStart});
          runStart = -1;
        }
        if (x < end && alpha < 255) {
          blends.add(new int[] {rowStart + x, base[rowStart + x]});
        }
      }
    }
    int first = mask.runCount() == 0 ? 0 : mask.rows()[0];
    int last = mask.runCount() == 0 ? -1 : mask.rows()[mask.runCount() - 1];
    return new SeatPaint(first, last, column(fills, 0), column(fills, 1), column(blends, 0), column(blends, 1));
  }

  public String name() {
    return name;
  }

  public BandedPng png() {
    return png;
  }

  boolean hasSeat(int seat) {
    return seats.containsKey(seat);
  }

  /**
   * Paints this map's seats whose wanted colour differs from what they show; returns those seat numbers in the order
   * given. Seats of other maps are ignored.
   */
  List<Integer> repaint(Map<Integer, Integer> colours) {
    List<Integer> changed = new ArrayList<>();
    colours.forEach((seat, colour) -> {
      SeatPaint plan = seats.get(seat);
      if (plan != null && !colour.equals(painted.get(seat))) {
        paint(plan, colour);
        painted.put(seat, colour);
        changed.add(seat);
        repainted.add(seat);
      }
    });
    if (!changed.isEmpty()) {
      needsPublish = true;
    }
    return changed;
  }

  /** Paints a seat even if it shows that colour already (the benchmark's worst case). */
  public void forcePaint(int seat, int colour) {
    paint(seats.get(seat), colour);
    painted.put(seat, colour);
    repainted.add(seat);
    needsPublish = true;
  }

  /** After a successful publish: the seats repainted since the previous one, ascending; nothing is owed any more. */
  public List<Integer> takeRepainted() {
    List<Integer> seatsSince = List.copyOf(repainted);
    repainted.clear();
    needsPublish = false;
    return seatsSince;
  }

  private void paint(SeatPaint plan, int colour) {
    byte[] rgb = png.pixels();
    byte r = (byte) (colour >> 16);
    byte g = (byte) (colour >> 8);
    byte b = (byte) colour;
    for (int i = 0; i < plan.fillStart.length; i++) {
      for (int o = plan.fillStart[i] * 3, end = o + plan.fillLength[i] * 3; o < end; o += 3) {
        rgb[o] = r;
        rgb[o + 1] = g;
        rgb[o + 2] = b;
      }
    }
    for (int i = 0; i < plan.blendAt.length; i++) {
      put(rgb, plan.blendAt[i], over(plan.blendArgb[i], colour));
    }
    png.touchRows(plan.firstRow, plan.lastRow);
  }

  public EncodedPng snapshot() {
    return png.snapshot();
  }

  /** The colour the canvas holds at a pixel, 0xRRGGBB. */
  public int rgbAt(int x, int y) {
    byte[] rgb = png.pixels();
    int o = (y * png.width() + x) * 3;
    return (rgb[o] & 0xFF) << 16 | (rgb[o + 1] & 0xFF) << 8 | rgb[o + 2] & 0xFF;
  }

  /** An ARGB pixel over an opaque RGB background (straight alpha), rounded. */
  static int over(int argb, int background) {
    int a = argb >>> 24;
    if (a == 255) {
      return argb & 0xFFFFFF;
    }
    if (a == 0) {
      return background;
    }
    int out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int fg = (argb >> shift) & 0xFF;
      int bg = (background >> shift) & 0xFF;
      out |= ((fg * a + bg * (255 - a) + 127) / 255) << shift;
    }
    return out;
  }

  private static void put(byte[] rgb, int pixel, int colour) {
    int o = pixel * 3;
    rgb[o] = (byte) (colour >> 16);
    rgb[o + 1] = (byte) (colour >> 8);
    rgb[o + 2] = (byte) colour;
  }

  private static int[] column(List<int[]> rows, int index) {
    int[] out = new int[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i)[index];
    }
    return out;
  }

  @Override
  public void close() {
    png.close();
  }
}
