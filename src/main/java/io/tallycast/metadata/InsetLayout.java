package io.tallycast.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Where each inset goes on a map drawn as insets (groups of seats far apart, such as Puducherry's four enclaves): the
 * group with the most seats gets the main panel, the others share a column on its right or a row below it, each group
 * projected at its own scale into its own panel, with a band at the panel's top for its name.
 *
 * <p>The canvas is {@code width} wide and first as tall as the main group's own map at that width would be. Column
 * width (or row height) is then chosen so that the smallest seat of the whole map is as large as it can be, because
 * that is what decides whether a viewer can see every seat; a side panel is never narrower than its name or an eighth
 * of the width. Last, the canvas is made as short as it can be without making that smallest seat smaller. Seat areas
 * for these choices come from the boundaries (shoelace), not from rasterising every candidate.
 */
public final class InsetLayout {
  /** Font pixels of padding around a caption. */
  static final int PAD = 2;

  /**
   * One inset: its rectangle on the map, the caption band at its top ({@code band} pixels tall) and the scale its name
   * is drawn at.
   */
  public record Panel(String name, int x, int y, int width, int height, int band, int textScale) {
    public boolean contains(int px, int py) {
      return px >= x && py >= y && px < x + width && py < y + height;
    }
  }

  /** The map's size and its panels, main panel first, and the arrangement in words. */
  public record Plan(int width, int height, List<Panel> panels, String arrangement) {
  }

  /**
   * A group's size in its own projection: extent in degrees of latitude (x scaled by cos of its mean latitude), and
   * the area of its smallest seat in square degrees of the same.
   */
  public record Group(String name, int seats, double spanX, double spanY, double smallestSeat) {
    public static Group measure(String name, List<SeatShape> parts) throws MaskInputException {
      Projection.Extent extent = Projection.Extent.of(parts);
      double smallest = Double.POSITIVE_INFINITY;
      for (SeatShape seat : parts) {
        smallest = Math.min(smallest, seat.polygons().stream().mapToDouble(SeatShape::area).sum() * extent.cosLat());
      }
      // a seat of slivers only has no area; it is rescued to one pixel, and must not make every layout score 0
      return new Group(name, parts.size(), extent.spanX(), extent.spanY(),
          Math.max(smallest, 1e-9 * extent.spanX() * extent.spanY()));
    }
  }

  private InsetLayout() {
  }

  /** The caption's scale on a map this wide: 3 (21 px capitals) at 1080. */
  public static int textScale(int width) {
    return Math.max(1, (int) Math.round(width / 360.0));
  }

  public static Plan plan(List<Group> groups, int width, int margin) throws MaskInputException {
    int scale = textScale(width);
    int band = PixelFont.HEIGHT * scale + 2 * PAD * scale;
    int main = 0;
    for (int i = 1; i < groups.size(); i++) {
      main = groups.get(i).seats() > groups.get(main).seats() ? i : main;
    }
    Group first = groups.get(main);
    long tall = (long) Math.ceil(first.spanY() * (width - 2 * margin) / first.spanX()) + 2L * margin + band;
    if (tall > Projection.MAX_SIDE) {
      throw new MaskInputException("the insets' map would be " + width + "x" + tall + " pixels (over "
          + Projection.MAX_SIDE + ")");
    }
    int height = (int) tall;
    List<Group> others = new ArrayList<>(groups);
    others.remove(main);
    if (others.isEmpty()) {
      return new Plan(width, height, List.of(panel(first, 0, 0, width, height, band, scale)), "one panel");
    }
    int narrowest = width / 8;
    for (Group g : others) {
      narrowest = Math.max(narrowest, PixelFont.width(g.name(), scale) + 2 * PAD * scale + 2);
    }
    IntFunction<List<Panel>> best = null;
    double bestScore = 0;
    String arrangement = null;
    for (int c = Math.min(narrowest, width / 2); c <= width / 2; c++) {
      int side = c;
      IntFunction<List<Panel>> at = h -> column(first, others, width, h, side, band, scale);
      double score = smallestSeat(at.apply(height), first, others, margin);
      if (score > bestScore) {
        best = at;
        bestScore = score;
        arrangement = "in a " + c + " px column on the right";
      }
    }
    for (int r = height / 8; r <= height / 2; r++) {
      int side = r;
      IntFunction<List<Panel>> at = h -> row(first, others, width, h, side, band, scale);
      double score = smallestSeat(at.apply(height), first, others, margin);
      if (score > bestScore) {
        best = at;
        bestScore = score;
        arrangement = "in a " + r + " px row below";
      }
    }
    if (best == null) {
      throw new MaskInputException(groups.size() + " insets do not fit a " + width + " px map with a margin of "
          + margin);
    }
    // the main group's height at full width was a first guess: trim what no panel needs (same smallest seat)
    int low = height / 2;
    int high = height;
    while (low < high) {
      int mid = (low + high) / 2;
      if (smallestSeat(best.apply(mid), first, others, margin) >= bestScore) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return new Plan(width, high, best.apply(high), String.format(Locale.ROOT, "main panel %s, the other %d %s",
        first.name(), others.size(), arrangement));
  }

  private static List<Panel> column(Group main, List<Group> others, int width, int height, int c, int band,
      int scale) {
    List<Panel> panels = new ArrayList<>();
    panels.add(panel(main, 0, 0, width - c, height, band, scale));
    for (int k = 0; k < others.size(); k++) {
      int top = k * height / others.size();
      int bottom = (k + 1) * height / others.size();
      panels.add(panel(others.get(k), width - c, top, c, bottom - top, band, scale));
    }
    return panels;
  }

  private static List<Panel> row(Group main, List<Group> others, int width, int height, int r, int band, int scale) {
    List<Panel> panels = new ArrayList<>();
    panels.add(panel(main, 0, 0, width, height - r, band, scale));
    for (int k = 0; k < others.size(); k++) {
      int left = k * width / others.size();
      int right = (k + 1) * width / others.size();
      panels.add(panel(others.get(k), left, height - r, right - left, r, band, scale));
    }
    return panels;
  }

  /** A panel whose name is drawn as large as fits its width, at most at {@code scale}. */
  private static Panel panel(Group group, int x, int y, int w, int h, int band, int scale) {
    int s = scale;
    while (s > 1 && PixelFont.width(group.name(), s) + 2 * PAD * s > w) {
      s--;
    }
    return new Panel(group.name(), x, y, w, h, band, s);
  }

  /** The smallest seat of the map in square pixels, as the boundaries give it (0 when a panel has no room). */
  private static double smallestSeat(List<Panel> panels, Group main, List<Group> others, int margin) {
    double smallest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < panels.size(); i++) {
      Group g = i == 0 ? main : others.get(i - 1);
      Panel p = panels.get(i);
      int innerW = p.width() - 2 * margin;
      int innerH = p.height() - p.band() - 2 * margin;
      if (innerW < 1 || innerH < 1) {
        return 0;
      }
      double s = Math.min(innerW / g.spanX(), innerH / g.spanY());
      smallest = Math.min(smallest, s * s * g.smallestSeat());
    }
    return smallest;
  }
}
