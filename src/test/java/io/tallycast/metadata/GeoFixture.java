package io.tallycast.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiny GeoJSON files for tests. Latitudes are symmetric about the equator so the projection's cos(mean latitude) is
 * exactly 1: a map 100 px wide over 10 degrees of longitude is 10 px per degree both ways, and pixel counts are plain
 * arithmetic.
 */
final class GeoFixture {
  private final List<Map<String, Object>> features = new ArrayList<>();

  static GeoFixture collection() {
    return new GeoFixture();
  }

  /** A closed ring through the given lon/lat corners. */
  static List<List<Double>> ring(double... lonLat) {
    List<List<Double>> ring = new ArrayList<>();
    for (int i = 0; i < lonLat.length; i += 2) {
      ring.add(List.of(lonLat[i], lonLat[i + 1]));
    }
    ring.add(ring.get(0));
    return ring;
  }

  static List<List<Double>> box(double lon0, double lat0, double lon1, double lat1) {
    return ring(lon0, lat0, lon1, lat0, lon1, lat1, lon0, lat1);
  }

  GeoFixture polygon(String no, String name, String district, List<?>... rings) {
    return feature(props(no, name, district), "Polygon", List.of(rings));
  }

  GeoFixture multiPolygon(String no, String name, String district, List<?>... polygons) {
    return feature(props(no, name, district), "MultiPolygon", List.of(polygons));
  }

  /** A feature whose geometry is a GeometryCollection of the given member geometries. */
  GeoFixture geometryCollection(String no, String name, String district, Map<?, ?>... members) {
    Map<String, Object> geometry = new LinkedHashMap<>();
    geometry.put("type", "GeometryCollection");
    geometry.put("geometries", List.of(members));
    Map<String, Object> feature = new LinkedHashMap<>();
    feature.put("type", "Feature");
    feature.put("properties", props(no, name, district));
    feature.put("geometry", geometry);
    features.add(feature);
    return this;
  }

  /** A member geometry for {@link #geometryCollection}. */
  static Map<String, Object> geometry(String type, Object coordinates) {
    Map<String, Object> geometry = new LinkedHashMap<>();
    geometry.put("type", type);
    geometry.put("coordinates", coordinates);
    return geometry;
  }

  GeoFixture feature(Map<String, Object> properties, String type, Object coordinates) {
    Map<String, Object> geometry = new LinkedHashMap<>();
    geometry.put("type", type);
    geometry.put("coordinates", coordinates);
    Map<String, Object> feature = new LinkedHashMap<>();
    feature.put("type", "Feature");
    feature.put("properties", properties);
    feature.put("geometry", geometry);
    features.add(feature);
    return this;
  }

  static Map<String, Object> props(String no, String name, String district) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("AC_NO", no);
    p.put("AC_NAME", name);
    p.put("DIST_NAME", district);
    return p;
  }

  Path write(Path file) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("type", "FeatureCollection");
    root.put("features", features);
    try {
      Files.writeString(file, new ObjectMapper().writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static GeoJsonReader.Fields fields() {
    return new GeoJsonReader.Fields("AC_NO", "AC_NAME", "DIST_NAME");
  }

  /** Reads the file and rasterises the state map at 100 px wide without a margin. */
  static MapBuild state(Path file) throws MaskInputException {
    List<SeatShape> seats = GeoJsonReader.read(file, fields()).seats();
    return GeoJsonMasks.rasterise("state", null, seats, 100, 0, file.getFileName().toString(), Progress.Bar.NONE);
  }
}
