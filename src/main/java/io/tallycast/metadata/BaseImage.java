package io.tallycast.metadata;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The map's base image (RGBA, the map's size): what the renderer copies wherever it is opaque, painting a seat's fill
 * only where it is transparent.
 * <ul>
 * <li>background (no seat): opaque navy {@link #BACKGROUND};</li>
 * <li>seat interior: transparent (alpha 0);</li>
 * <li>borders, one pixel wide: where two 4-neighbouring pixels belong to different seats, the pixel of the larger
 * seat (more pixels; ties: the higher seat number) is the line, so a small seat keeps its fill. The line is
 * {@link #SEAT_BORDER} between seats of one group and {@link #GROUP_BORDER} between groups (districts); a seat pixel
 * next to the background or the image edge is {@link #OUTLINE}.</li>
 * </ul>
 * A seat's label pixel is never a line, so every seat keeps at least one transparent pixel to show its colour. A map
 * drawn as insets also has each panel's frame ({@link #SEAT_BORDER}, one pixel) and its name ({@link #CAPTION}, in
 * {@link PixelFont}) in the band at the panel's top, both on background pixels only.
 */
public final class BaseImage {
  /** #0B1A2E, a dark navy that sits well under a broadcast overlay. */
  public static final int BACKGROUND = 0xFF0B1A2E;
  /** White at 35% over the navy, made opaque: #606A77. */
  public static final int SEAT_BORDER = blendWhite(0.35);
  /** White at 75% over the navy, made opaque: #C2C6CB. */
  public static final int GROUP_BORDER = blendWhite(0.75);
  /** The outer edge of the map's seats: as strong as a district border. */
  public static final int OUTLINE = GROUP_BORDER;
  /** Inset names and legends: as light as a district border, so the base keeps its four colours. */
  public static final int CAPTION = GROUP_BORDER;

  private static final byte NONE = 0;
  private static final byte SEAT = 1;
  private static final byte GROUP = 2;
  private static final byte EDGE = 3;

  private BaseImage() {
  }

  /** The base image for a map; {@code labels[i]} is seat i's label pixel (kept transparent). */
  public static BufferedImage render(SeatRaster map, int[][] labels) {
    return render(map, labels, List.of());
  }

  /** The base image for a map drawn in these panels (none: a plain map). */
  public static BufferedImage render(SeatRaster map, int[][] labels, List<InsetLayout.Panel> panels) {
    int[] argb = argb(map, labels, panels);
    BufferedImage image = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, map.width(), map.height(), argb, 0, map.width());
    return image;
  }

  /** The base image's pixels, ARGB, row by row. */
  static int[] argb(SeatRaster map, int[][] labels, List<InsetLayout.Panel> panels) {
    int w = map.width();
    int h = map.height();
    int[] owner = map.owner();
    long[] size = map.pixelCounts();
    List<SeatMeta> seats = map.seats();
    byte[] line = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        int o = owner[p];
        if (o != 0 && (x == 0 || y == 0 || x == w - 1 || y == h - 1)) {
          line[p] = EDGE;
        }
        if (x + 1 < w) {
          mark(line, owner, size, seats, p, p + 1);
        }
        if (y + 1 < h) {
          mark(line, owner, size, seats, p, p + w);
        }
      }
    }
    for (int i = 0; i < labels.length; i++) {
      if (size[i] > 0) {
        line[labels[i][1] * w + labels[i][0]] = NONE;
      }
    }
    int[] argb = new int[w * h];
    for (int p = 0; p < argb.length; p++) {
      if (owner[p] == 0) {
        argb[p] = BACKGROUND;
      } else {
        argb[p] = switch (line[p]) {
          case SEAT -> SEAT_BORDER;
          case GROUP -> GROUP_BORDER;
          case EDGE -> OUTLINE;
          default -> 0;
        };
      }
    }
    for (InsetLayout.Panel panel : panels) {
      drawPanel(argb, w, owner, panel);
    }
    return argb;
  }

  /** The panel's frame on its edge pixels and its name in its caption band, where no seat is. */
  private static void drawPanel(int[] argb, int w, int[] owner, InsetLayout.Panel p) {
    for (int x = p.x(); x < p.x() + p.width(); x++) {
      for (int y : new int[] {p.y(), p.y() + p.height() - 1}) {
        if (owner[y * w + x] == 0) {
          argb[y * w + x] = SEAT_BORDER;
        }
      }
    }
    for (int y = p.y(); y < p.y() + p.height(); y++) {
      for (int x : new int[] {p.x(), p.x() + p.width() - 1}) {
        if (owner[y * w + x] == 0) {
          argb[y * w + x] = SEAT_BORDER;
        }
      }
    }
    int s = p.textScale();
    int top = p.y() + (p.band() - PixelFont.HEIGHT * s) / 2;
    PixelFont.draw(argb, w, p.name(), p.x() + InsetLayout.PAD * s + 1, top, s, CAPTION,
        i -> owner[i] == 0 && p.contains(i % w, i / w) && argb[i] == BACKGROUND);
  }

  /** Marks the border between neighbours p and q (if any) on the side that should carry it. */
  private static void mark(byte[] line, int[] owner, long[] size, List<SeatMeta> seats, int p, int q) {
    int a = owner[p];
    int b = owner[q];
    if (a == b) {
      return;
    }
    if (a == 0 || b == 0) {
      int seatPixel = a == 0 ? q : p;
      line[seatPixel] = EDGE;
      return;
    }
    long sa = size[a - 1];
    long sb = size[b - 1];
    int carrier = sa > sb || sa == sb && a > b ? p : q;
    String ga = seats.get(a - 1).group();
    String gb = seats.get(b - 1).group();
    byte kind = ga != null && gb != null && !ga.equals(gb) ? GROUP : SEAT;
    if (kind > line[carrier]) {
      line[carrier] = kind;
    }
  }

  /** The colours, for map.json. */
  public static Map<String, String> palette() {
    Map<String, String> colours = new LinkedHashMap<>();
    colours.put("background", hex(BACKGROUND));
    colours.put("seatBorder", hex(SEAT_BORDER));
    colours.put("groupBorder", hex(GROUP_BORDER));
    colours.put("outline", hex(OUTLINE));
    colours.put("seatInterior", "transparent");
    return colours;
  }

  static String hex(int argb) {
    return String.format(Locale.ROOT, "#%06X", argb & 0xFFFFFF);
  }

  private static int blendWhite(double alpha) {
    int r = (int) Math.round(255 * alpha + ((BACKGROUND >> 16) & 0xFF) * (1 - alpha));
    int g = (int) Math.round(255 * alpha + ((BACKGROUND >> 8) & 0xFF) * (1 - alpha));
    int b = (int) Math.round(255 * alpha + (BACKGROUND & 0xFF) * (1 - alpha));
    return 0xFF000000 | r << 16 | g << 8 | b;
  }
}
