package io.tallycast.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lon/lat to map pixels: equirectangular with x scaled by cos(mean latitude of the seats' extent), north up, fitted
 * into a width with a margin on every side; the height follows from the aspect. At state scale this keeps shapes
 * true to within a percent or two (West Bengal spans 5.7 degrees of latitude), which is what a broadcast map needs.
 * <pre>  x = offsetX + (lon - lon0) * cosLat * scale      y = offsetY + (lat0 - lat) * scale</pre>
 */
public final class Projection {
  /** The format's limit is 65535; beyond this a map is a mistake, not a broadcast picture. */
  public static final int MAX_SIDE = 16384;

  private final double lon0;
  private final double lat0;
  private final double cosLat;
  private final double scale;
  private final int margin;
  private final int width;
  private final int height;

  private Projection(double lon0, double lat0, double cosLat, double scale, int margin, int width, int height) {
    this.lon0 = lon0;
    this.lat0 = lat0;
    this.cosLat = cosLat;
    this.scale = scale;
    this.margin = margin;
    this.width = width;
    this.height = height;
  }

  /** The projection that fits every seat into {@code width} pixels with {@code margin} blank pixels around. */
  public static Projection fit(List<SeatShape> seats, int width, int margin) throws MaskInputException {
    double minLon = Double.POSITIVE_INFINITY;
    double maxLon = Double.NEGATIVE_INFINITY;
    double minLat = Double.POSITIVE_INFINITY;
    double maxLat = Double.NEGATIVE_INFINITY;
    for (SeatShape seat : seats) {
      for (List<double[]> polygon : seat.polygons()) {
        for (double[] ring : polygon) {
          for (int i = 0; i < ring.length; i += 2) {
            minLon = Math.min(minLon, ring[i]);
            maxLon = Math.max(maxLon, ring[i]);
            minLat = Math.min(minLat, ring[i + 1]);
            maxLat = Math.max(maxLat, ring[i + 1]);
          }
        }
      }
    }
    int inner = width - 2 * margin;
    if (inner < 1) {
      throw new MaskInputException("a width of " + width + " leaves no room inside a margin of " + margin);
    }
    double cosLat = Math.cos(Math.toRadians((minLat + maxLat) / 2));
    double spanX = (maxLon - minLon) * cosLat;
    double spanY = maxLat - minLat;
    if (!(spanX > 0) || !(spanY > 0)) {
      throw new MaskInputException("the seats have no extent (every point on one line): nothing to draw");
    }
    double scale = inner / spanX;
    long height = (long) Math.ceil(spanY * scale) + 2L * margin;
    if (height > MAX_SIDE) {
      throw new MaskInputException("the map would be " + width + "x" + height + " pixels (over " + MAX_SIDE
          + "): the seats are far taller than wide; is the file in lon/lat order?");
    }
    return new Projection(minLon, maxLat, cosLat, scale, margin, width, (int) height);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public double x(double lon) {
    return margin + (lon - lon0) * cosLat * scale;
  }

  public double y(double lat) {
    return margin + (lat0 - lat) * scale;
  }

  /** The seat with every ring in map pixels. */
  public SeatShape project(SeatShape seat) {
    List<List<double[]>> polygons = new ArrayList<>(seat.polygons().size());
    for (List<double[]> polygon : seat.polygons()) {
      List<double[]> rings = new ArrayList<>(polygon.size());
      for (double[] ring : polygon) {
        double[] xy = new double[ring.length];
        for (int i = 0; i < ring.length; i += 2) {
          xy[i] = x(ring[i]);
          xy[i + 1] = y(ring[i + 1]);
        }
        rings.add(xy);
      }
      polygons.add(rings);
    }
    return seat.withPolygons(polygons);
  }

  /** For map.json: what the projection is, in words. */
  public String describe() {
    return String.format(Locale.ROOT, "equirectangular, x scaled by cos(%.4f deg) (the mean latitude of the map's "
        + "extent), north up, %.3f px per degree of latitude", Math.toDegrees(Math.acos(cosLat)), scale);
  }

  /** For map.json: the numbers that turn lon/lat into pixels (pixel centres are at +0.5). */
  public Map<String, Object> transform() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("formula", "x = offsetX + (lon - lon0) * cosLat * scale; y = offsetY + (lat0 - lat) * scale");
    t.put("lon0", lon0);
    t.put("lat0", lat0);
    t.put("cosLat", cosLat);
    t.put("scale", scale);
    t.put("offsetX", margin);
    t.put("offsetY", margin);
    return t;
  }
}
