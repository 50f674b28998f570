package io.tallycast.metadata;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A still picture of the whole state coloured by CSV group (the 2021 polling phases, for the broadcast's intro scene):
 * the state map's borders (a brighter line between groups than between seats of one group), each seat filled with its
 * group's colour, and a legend (swatch, group title, legend text). The legend goes in the first corner of the map,
 * clockwise from the top right, where it covers only background; when none is free, in a band added below the map.
 */
public final class GroupPicture {
  /** A seat the CSV does not list. */
  public static final int UNLISTED = 0xFF5A6472;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

  /** The picture, where it goes under the output folder ("phase/by-phase.png"), and its legend for index.json. */
  public record Picture(String file, String name, BufferedImage image, List<Map<String, Object>> legend) {
  }

  private GroupPicture() {
  }

  /**
   * Group k of n's colour: n hues evenly around the wheel, taken in steps of about 0.38 n (a step with no common
   * factor with n, so every hue is used once), so consecutive groups (phases that often polled neighbouring districts)
   * are never neighbours on the wheel; every other hue of the wheel is darker.
   */
  public static int colour(int k, int n) {
    int step = 1;
    double best = Double.POSITIVE_INFINITY;
    for (int c = 1; c < Math.max(2, n); c++) {
      if (gcd(c, n) == 1 && Math.abs(c - 0.382 * n) < best) {
        best = Math.abs(c - 0.382 * n);
        step = c;
      }
    }
    long j = (long) k * step % Math.max(1, n);
    boolean odd = j % 2 == 1; // every other hue darker: eight hues alone give two greens a viewer confuses
    return 0xFF000000 | Color.HSBtoRGB((float) j / Math.max(1, n), odd ? 0.7f : 0.55f, odd ? 0.7f : 0.92f);
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** An ISO date (2021-03-27) as a viewer reads it (27 MAR 2021); any other text as it is. */
  public static String legendText(String text) {
    try {
      return LocalDate.parse(text).format(DAY).toUpperCase(Locale.ROOT);
    } catch (DateTimeParseException e) {
      return text;
    }
  }

  public static Picture render(MapBuild state, GroupsCsv groups, String title, String folder) {
    SeatRaster map = state.raster();
    int w = map.width();
    List<SeatMeta> metas = new ArrayList<>();
    for (SeatMeta seat : map.seats()) {
      metas.add(new SeatMeta(seat.no(), seat.name(), groups.bySeat().get(seat.no())));
    }
    SeatRaster byGroup = new SeatRaster(w, map.height(), map.owner(), metas);
    // every seat keeps its label pixel free of lines, as on the base image, so even the smallest shows its colour
    int[][] labels = map.masks().stream().map(LabelPoints::of).toArray(int[][]::new);
    int[] argb = BaseImage.argb(byGroup, labels, state.panels());
    Map<String, Integer> colours = new HashMap<>();
    for (int k = 0; k < groups.values().size(); k++) {
      colours.put(groups.values().get(k), colour(k, groups.values().size()));
    }
    boolean unlisted = false;
    for (int p = 0; p < argb.length; p++) {
      if (argb[p] >>> 24 == 0) {
        String group = metas.get(map.owner()[p] - 1).group();
        unlisted |= group == null;
        argb[p] = group == null ? UNLISTED : colours.get(group);
      }
    }
    List<Map<String, Object>> legend = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<Integer> swatches = new ArrayList<>();
    for (String value : groups.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      String text = groups.legend().containsKey(value) ? legendText(groups.legend().get(value)) : null;
      entry.put("group", value);
      entry.put("name", title + " " + value);
      if (text != null) {
        entry.put("text", text);
      }
      entry.put("color", BaseImage.hex(colours.get(value)));
      entry.put("seats", metas.stream().filter(m -> value.equals(m.group())).count());
      legend.add(entry);
      lines.add(title + " " + value + (text == null ? "" : "  " + text));
      swatches.add(colours.get(value));
    }
    if (unlisted) {
      lines.add("not in the list");
      swatches.add(UNLISTED);
    }
    BufferedImage image = LegendBox.draw(argb, w, lines, swatches);
    return new Picture(folder + "/by-" + folder + ".png", "by " + title.toLowerCase(Locale.ROOT), image, legend);
  }

  /** The legend box: where it goes, and its drawing. */
  private static final class LegendBox {
    static BufferedImage draw(int[] argb, int w, List<String> lines, List<Integer> swatches) {
      int s = InsetLayout.textScale(w);
      while (s > 1 && boxWidth(lines, s) > w - 4 * InsetLayout.PAD * s) {
        s--; // a narrow map: smaller letters before cut ones
      }
      int pad = 2 * InsetLayout.PAD * s;
      int row = (PixelFont.HEIGHT + 2 * InsetLayout.PAD) * s;
      int swatch = 2 * PixelFont.HEIGHT * s;
      int bw = Math.min(boxWidth(lines, s), w - 2 * pad);
      int bh = pad + lines.size() * row + pad - 2 * InsetLayout.PAD * s;
      int h = argb.length / w;
      int[] at = null;
      for (int[] corner : new int[][] {{w - pad - bw, pad}, {pad, pad}, {w - pad - bw, h - pad - bh},
          {pad, h - pad - bh}}) {
        if (at == null && free(argb, w, corner[0] - pad, corner[1] - pad, bw + 2 * pad, bh + 2 * pad)) {
          at = corner;
        }
      }
      int[] canvas = argb;
      if (at == null) {
        canvas = new int[w * (h + bh + 2 * pad)];
        Arrays.fill(canvas, BaseImage.BACKGROUND);
        System.arraycopy(argb, 0, canvas, 0, argb.length);
        at = new int[] {pad, h + pad};
        h += bh + 2 * pad;
      }
      for (int x = at[0]; x < at[0] + bw; x++) {
        canvas[at[1] * w + x] = BaseImage.SEAT_BORDER;
        canvas[(at[1] + bh - 1) * w + x] = BaseImage.SEAT_BORDER;
      }
      for (int y = at[1]; y < at[1] + bh; y++) {
        canvas[y * w + at[0]] = BaseImage.SEAT_BORDER;
        canvas[y * w + at[0] + bw - 1] = BaseImage.SEAT_BORDER;
      }
      for (int i = 0; i < lines.size(); i++) {
        int top = at[1] + pad + i * row;
        for (int y = top; y < top + PixelFont.HEIGHT * s; y++) {
          Arrays.fill(canvas, y * w + at[0] + pad, y * w + at[0] + pad + swatch, swatches.get(i));
        }
        int right = at[0] + bw - 1;
        PixelFont.draw(canvas, w, lines.get(i), at[0] + pad + swatch + pad, top, s, BaseImage.CAPTION,
            p -> p % w < right);
      }
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      image.setRGB(0, 0, w, h, canvas, 0, w);
      return image;
    }

    private static int boxWidth(List<String> lines, int s) {
      int text = lines.stream().mapToInt(l -> PixelFont.width(l, s)).max().orElse(0);
      return 2 * InsetLayout.PAD * s * 3 + 2 * PixelFont.HEIGHT * s + text;
    }

    /** Whether the rectangle lies on the map and holds only background. */
    private static boolean free(int[] argb, int w, int x0, int y0, int bw, int bh) {
      int h = argb.length / w;
      if (x0 < 0 || y0 < 0 || x0 + bw > w || y0 + bh > h) {
        return false;
      }
      for (int y = y0; y < y0 + bh; y++) {
        for (int x = x0; x < x0 + bw; x++) {
          if (argb[y * w + x] != BaseImage.BACKGROUND) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
