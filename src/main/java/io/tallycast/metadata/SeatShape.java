package io.tallycast.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One seat's boundary as read from GeoJSON: every polygon of every feature that carries the seat's id. A polygon is a
 * list of rings (the first the outline, the others holes), a ring is {@code x0, y0, x1, y1, ...} (lon/lat, or pixels
 * once projected), closed implicitly. {@code origins.get(i)} says which feature polygon i came from and that feature's
 * group and inset, because one seat's features may name different districts (real files do).
 */
public record SeatShape(SeatMeta meta, List<List<double[]>> polygons, List<Origin> origins) {

  /** Where a polygon came from: the feature's index in the file, its group (district) and inset (both may be null). */
  public record Origin(int feature, String group, String inset) {
  }

  public SeatShape {
    polygons = List.copyOf(polygons);
    origins = List.copyOf(origins);
    if (polygons.size() != origins.size()) {
      throw new IllegalArgumentException(polygons.size() + " polygons but " + origins.size() + " origins");
    }
  }

  public int no() {
    return meta.no();
  }

  /** The features the seat came from, in file order. */
  public List<Integer> features() {
    return distinct(origins.stream().map(Origin::feature).toList());
  }

  /** The groups its features name, in file order (empty without a group field). */
  public List<String> groups() {
    return distinct(origins.stream().map(Origin::group).filter(Objects::nonNull).toList());
  }

  /** The insets its features name, in file order. */
  public List<String> insets() {
    return distinct(origins.stream().map(Origin::inset).filter(Objects::nonNull).toList());
  }

  /**
   * Only the polygons of features in {@code group}, the seat counted in that group: what a district map draws of a
   * seat whose parts lie in two districts.
   */
  public SeatShape inGroup(String group) {
    return where(o -> group.equals(o.group())).withMeta(new SeatMeta(meta.no(), meta.name(), group));
  }

  /** Only the polygons whose origin passes (an inset's part of the seat); may leave none. */
  public SeatShape where(Predicate<Origin> keep) {
    List<List<double[]>> kept = new ArrayList<>();
    List<Origin> from = new ArrayList<>();
    for (int i = 0; i < polygons.size(); i++) {
      if (keep.test(origins.get(i))) {
        kept.add(polygons.get(i));
        from.add(origins.get(i));
      }
    }
    return new SeatShape(meta, kept, from);
  }

  /** The same seat with other coordinates (the projection's output). */
  public SeatShape withPolygons(List<List<double[]>> projected) {
    return new SeatShape(meta, projected, origins);
  }

  /** The same shape under another name or group. */
  public SeatShape withMeta(SeatMeta other) {
    return new SeatShape(other, polygons, origins);
  }

  /** The area-weighted centroid of the seat's largest outline: where a seat too small for any pixel gets its one. */
  public double[] anchor() {
    double[] best = null;
    double bestArea = -1;
    for (List<double[]> polygon : polygons) {
      double[] ring = polygon.get(0);
      double area = 0;
      double cx = 0;
      double cy = 0;
      int n = ring.length / 2;
      for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        double cross = ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
        area += cross;
        cx += (ring[2 * i] + ring[2 * j]) * cross;
        cy += (ring[2 * i + 1] + ring[2 * j + 1]) * cross;
      }
      if (Math.abs(area) > bestArea) {
        bestArea = Math.abs(area);
        best = area == 0 ? new double[] {ring[0], ring[1]} : new double[] {cx / (3 * area), cy / (3 * area)};
      }
    }
    return best;
  }

  /** The area of a polygon (outline minus holes) in its own units, by the shoelace formula. */
  public static double area(List<double[]> polygon) {
    double total = 0;
    for (int r = 0; r < polygon.size(); r++) {
      double[] ring = polygon.get(r);
      double twice = 0;
      int n = ring.length / 2;
      for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        twice += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
      }
      total += (r == 0 ? 1 : -1) * Math.abs(twice) / 2;
    }
    return Math.max(0, total);
  }

  private static <T> List<T> distinct(List<T> values) {
    return List.copyOf(new LinkedHashSet<>(values));
  }
}
