package io.tallycast.metadata;

import java.util.List;

/**
 * One seat's boundary as read from GeoJSON: every polygon of every feature that carries the seat's id. A polygon is a
 * list of rings (the first the outline, the others holes), a ring is {@code x0, y0, x1, y1, ...} (lon/lat, or pixels
 * once projected), closed implicitly.
 */
public record SeatShape(SeatMeta meta, List<List<double[]>> polygons, List<Integer> features) {

  public int no() {
    return meta.no();
  }

  /** The same seat with other coordinates (the projection's output). */
  public SeatShape withPolygons(List<List<double[]>> projected) {
    return new SeatShape(meta, projected, features);
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
}
