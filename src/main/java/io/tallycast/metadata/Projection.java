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
  private final int offsetX;
  private final int offsetY;
  private final int width;
  private final int height;

  private Projection(Extent extent, double scale, int offsetX, int offsetY, int width, int height) {
    this.lon0 = extent.minLon();
    this.lat0 = extent.maxLat();
    this.cosLat = extent.cosLat();
    this.scale = scale;
    this.offsetX = offsetX;
    this.offsetY = offsetY;
    this.width = width;
    this.height = height;
  }

  /** The lon/lat box of some seats, and its size in degrees of latitude with x scaled by cos(mean latitude). */
  public record Extent(double minLon, double maxLon, double minLat, double maxLat) {
    public static Extent of(List<SeatShape> seats) throws MaskInputException {
      double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY};
      for (SeatShape seat : seats) {
        for (List<double[]> polygon : seat.polygons()) {
          for (double[] ring : polygon) {
            for (int i = 0; i < ring.length; i += 2) {
              box[0] = Math.min(box[0], ring[i]);
              box[1] = Math.max(box[1], ring[i]);
              box[2] = Math.min(box[2], ring[i + 1]);
              box[3] = Math.max(box[3], ring[i + 1]);
            }
          }
        }
      }
      Extent extent = new Extent(box[0], box[1], box[2], box[3]);
      if (!(extent.spanX() > 0) || !(extent.spanY() > 0)) {
        throw new MaskInputException("the seats have no extent (every point on one line): nothing to draw");
      }
      return extent;
    }

    public double cosLat() {
      return Math.cos(Math.toRadians((minLat + maxLat) / 2));
    }

    public double spanX() {
      return (maxLon - minLon) * cosLat();
    }

    public double spanY() {
      return maxLat - minLat;
    }
  }

  /** The projection that fits every seat into {@code width} pixels with {@code margin} blank pixels around. */
  public static Projection fit(List<SeatShape> seats, int width, int margin) throws MaskInputException {
    int inner = width - 2 * margin;
    if (inner < 1) {
      throw new MaskInputException("a width of " + width + " leaves no room inside a margin of " + margin);
    }
    Extent extent = Extent.of(seats);
    double scale = inner / extent.spanX();
    long height = (long) Math.ceil(extent.spanY() * scale) + 2L * margin;
    if (height > MAX_SIDE) {
      throw new MaskInputException("the map would be " + width + "x" + height + " pixels (over " + MAX_SIDE
          + "): the seats are far taller than wide; is the file in lon/lat order?");
    }
    return new Projection(extent, scale, margin, margin, width, (int) height);
  }

  /**
   * The projection that fits the seats, as large as they go, into the box (x, y, w, h) less {@code margin} on every
   * side, centred in it: an inset's panel. {@link #width()} and {@link #height()} are then the box's.
   */
  public static Projection fitBox(List<SeatShape> seats, int x, int y, int w, int h, int margin)
      throws MaskInputException {
    int innerW = w - 2 * margin;
    int innerH = h - 2 * margin;
    if (innerW < 1 || innerH < 1) {
      throw new MaskInputException("a " + w + "x" + h + " panel leaves no room inside a margin of " + margin);
    }
    Extent extent = Extent.of(seats);
    double scale = Math.min(innerW / extent.spanX(), innerH / extent.spanY());
    int dx = (int) Math.floor((innerW - extent.spanX() * scale) / 2);
    int dy = (int) Math.floor((innerH - extent.spanY() * scale) / 2);
    return new Projection(extent, scale, x + margin + dx, y + margin + dy, w, h);
  }

  public double scale() {
    return scale;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public double x(double lon) {
    return offsetX + (lon - lon0) * cosLat * scale;
  }

  public double y(double lat) {
    return offsetY + (lat0 - lat) * scale;
  }

  /** The seat with every ring in map pixels. */
  public SeatShape project(SeatShape seat) {
    List<List<double[]>> polygons = new ArrayList<>(seat.polygons().size());
    for (List<double[]> polygon : seat.polygons()) {
      polygons.add(project(polygon));
    }
    return seat.withPolygons(polygons);
  }

  /** One polygon's rings in map pixels. */
  public List<double[]> project(List<double[]> polygon) {
    List<double[]> rings = new ArrayList<>(polygon.size());
    for (double[] ring : polygon) {
      double[] xy = new double[ring.length];
      for (int i = 0; i < ring.length; i += 2) {
        xy[i] = x(ring[i]);
        xy[i + 1] = y(ring[i + 1]);
      }
      rings.add(xy);
    }
    return rings;
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
    t.put("offsetX", offsetX);
    t.put("offsetY", offsetY);
    return t;
  }
}
