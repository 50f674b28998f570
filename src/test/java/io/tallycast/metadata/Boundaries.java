package io.tallycast.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A boundary file read plainly with Jackson, not with the reader under test: the features' seat numbers, districts,
 * geometry types and polygons, from which the tests compute what the maps must hold.
 */
record Boundaries(List<Feature> features) {

  /** One feature: its index, AC_NO, AC_NAME, DIST_NAME, geometry type and its polygons' outer rings and holes. */
  record Feature(int index, int no, String name, String district, String type, List<List<double[]>> polygons) {
    /** Area in square degrees of latitude, x scaled by {@code cosLat}: pixels once multiplied by scale squared. */
    double area(double cosLat) {
      return polygons.stream().mapToDouble(SeatShape::area).sum() * cosLat;
    }
  }

  static Boundaries read(Path file) {
    try {
      List<Feature> features = new ArrayList<>();
      int i = 0;
      for (JsonNode f : new ObjectMapper().readTree(file.toFile()).get("features")) {
        JsonNode p = f.get("properties");
        features.add(new Feature(i++, p.get("AC_NO").asInt(), p.get("AC_NAME").asText().strip(),
            p.get("DIST_NAME").asText().strip(), f.at("/geometry/type").asText(), polygons(f.get("geometry"))));
      }
      return new Boundaries(List.copyOf(features));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<List<double[]>> polygons(JsonNode geometry) {
    List<List<double[]>> out = new ArrayList<>();
    switch (geometry.get("type").asText()) {
      case "Polygon" -> out.add(rings(geometry.get("coordinates")));
      case "MultiPolygon" -> geometry.get("coordinates").forEach(p -> out.add(rings(p)));
      case "GeometryCollection" -> geometry.get("geometries").forEach(g -> out.addAll(polygons(g)));
      default -> {
      }
    }
    return out;
  }

  private static List<double[]> rings(JsonNode polygon) {
    List<double[]> rings = new ArrayList<>();
    for (JsonNode ring : polygon) {
      double[] xy = new double[2 * ring.size()];
      for (int k = 0; k < ring.size(); k++) {
        xy[2 * k] = ring.get(k).get(0).asDouble();
        xy[2 * k + 1] = ring.get(k).get(1).asDouble();
      }
      rings.add(xy);
    }
    return rings;
  }

  Set<Integer> seats() {
    Set<Integer> seats = new TreeSet<>();
    features.forEach(f -> seats.add(f.no()));
    return seats;
  }

  /** Seat number to the features that carry it, for seats split over more than one. */
  Map<Integer, List<Feature>> splitSeats() {
    Map<Integer, List<Feature>> bySeat = new TreeMap<>();
    features.forEach(f -> bySeat.computeIfAbsent(f.no(), k -> new ArrayList<>()).add(f));
    bySeat.values().removeIf(parts -> parts.size() < 2);
    return bySeat;
  }

  /** District to the seats with a feature in it. */
  Map<String, Set<Integer>> districts() {
    Map<String, Set<Integer>> districts = new TreeMap<>();
    features.forEach(f -> districts.computeIfAbsent(f.district(), k -> new TreeSet<>()).add(f.no()));
    return districts;
  }
}
