package io.tallycast.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads constituency boundaries from a GeoJSON FeatureCollection in lon/lat: Polygon and MultiPolygon features, the
 * seat number, name and group from the named properties. Features that share a seat number are one seat (real files
 * split exclaves that way). Anything it cannot use is refused with the feature's index and id in the message.
 */
public final class GeoJsonReader {

  /** Property names: the seat number (required), its name (required) and its group or district (may be null). */
  public record Fields(String id, String name, String group) {
  }

  /** The seats in seat-number order, how many features they came from, and what was odd but usable. */
  public record Result(List<SeatShape> seats, int features, List<String> warnings) {
  }

  private final Fields fields;
  private final List<String> warnings = new ArrayList<>();

  private GeoJsonReader(Fields fields) {
    this.fields = fields;
  }

  public static Result read(Path file, Fields fields) throws MaskInputException {
    if (!Files.isRegularFile(file)) {
      throw new MaskInputException(file + ": no such file");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new MaskInputException(file + ": not JSON: " + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr());
    } catch (IOException e) {
      throw new MaskInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return new GeoJsonReader(fields).seats(file, root);
  }

  private Result seats(Path file, JsonNode root) throws MaskInputException {
    List<JsonNode> features = new ArrayList<>();
    String type = root == null ? "" : root.path("type").asText("");
    if ("FeatureCollection".equals(type) && root.path("features").isArray()) {
      root.path("features").forEach(features::add);
    } else if ("Feature".equals(type)) {
      features.add(root);
    } else {
      throw new MaskInputException(file + ": not a GeoJSON FeatureCollection (type \"" + type + "\")");
    }
    if (features.isEmpty()) {
      throw new MaskInputException(file + ": the FeatureCollection has no features");
    }
    Map<Integer, SeatMeta> metas = new TreeMap<>();
    Map<Integer, List<List<double[]>>> polygons = new LinkedHashMap<>();
    Map<Integer, List<Integer>> sources = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      JsonNode feature = features.get(i);
      JsonNode properties = feature.path("properties");
      if (!properties.isObject()) {
        throw new MaskInputException("feature " + i + " has no properties (needs \"" + fields.id() + "\")");
      }
      int no = seatNumber(i, properties);
      String where = "feature " + i + " (" + fields.id() + " " + no + ")";
      String name = text(i, properties, fields.name());
      String group = fields.group() == null ? null : text(i, properties, fields.group());
      SeatMeta meta = new SeatMeta(no, name, group);
      SeatMeta first = metas.putIfAbsent(no, meta);
      if (first != null && (!first.name().equals(name) || group != null && !group.equals(first.group()))) {
        warnings.add(where + " shares its seat number with feature " + sources.get(no).get(0) + " but is named \""
            + name + "\" / \"" + group + "\"; the first feature's \"" + first.name() + "\" / \"" + first.group()
            + "\" is kept");
      }
      polygons.computeIfAbsent(no, k -> new ArrayList<>()).addAll(geometry(where, feature.path("geometry")));
      sources.computeIfAbsent(no, k -> new ArrayList<>()).add(i);
    }
    List<SeatShape> seats = new ArrayList<>();
    for (Map.Entry<Integer, SeatMeta> e : metas.entrySet()) {
      seats.add(new SeatShape(e.getValue(), List.copyOf(polygons.get(e.getKey())),
          List.copyOf(sources.get(e.getKey()))));
    }
    return new Result(List.copyOf(seats), features.size(), List.copyOf(warnings));
  }

  private int seatNumber(int index, JsonNode properties) throws MaskInputException {
    String raw = text(index, properties, fields.id()).trim();
    try {
      double value = Double.parseDouble(raw);
      if (value >= 1 && value <= Integer.MAX_VALUE && value == Math.rint(value)) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new MaskInputException("feature " + index + ": " + fields.id() + " \"" + raw
        + "\" is not a seat number (a whole number from 1)");
  }

  private static String text(int index, JsonNode properties, String field) throws MaskInputException {
    JsonNode value = properties.get(field);
    if (value == null) {
      List<String> names = new ArrayList<>();
      properties.fieldNames().forEachRemaining(names::add);
      throw new MaskInputException("feature " + index + " has no property \"" + field + "\"; its properties are: "
          + String.join(", ", names));
    }
    if (value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
      throw new MaskInputException("feature " + index + ": property \"" + field + "\" is empty");
    }
    return value.asText().trim();
  }

  private static List<List<double[]>> geometry(String where, JsonNode geometry) throws MaskInputException {
    if (geometry.isMissingNode() || geometry.isNull()) {
      throw new MaskInputException(where + " has no geometry (empty geometry)");
    }
    String type = geometry.path("type").asText("");
    JsonNode coordinates = geometry.path("coordinates");
    if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
      throw new MaskInputException(where + ": unsupported geometry type \"" + type
          + "\" (only Polygon and MultiPolygon)");
    }
    if (!coordinates.isArray() || coordinates.isEmpty()) {
      throw new MaskInputException(where + ": empty geometry (" + type + " without coordinates)");
    }
    List<List<double[]>> polygons = new ArrayList<>();
    if (type.equals("Polygon")) {
      polygons.add(polygon(where, coordinates));
    } else {
      int p = 0;
      for (JsonNode polygon : coordinates) {
        polygons.add(polygon(where + " polygon " + p++, polygon));
      }
    }
    return polygons;
  }

  private static List<double[]> polygon(String where, JsonNode rings) throws MaskInputException {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new MaskInputException(where + ": empty geometry (a polygon without rings)");
    }
    List<double[]> out = new ArrayList<>();
    int r = 0;
    for (JsonNode ring : rings) {
      out.add(ring(where + " ring " + r++, ring));
    }
    return out;
  }

  private static double[] ring(String where, JsonNode positions) throws MaskInputException {
    if (!positions.isArray()) {
      throw new MaskInputException(where + ": a ring must be an array of [lon, lat] positions");
    }
    int n = positions.size();
    double[] xy = new double[2 * n];
    Iterator<JsonNode> it = positions.elements();
    for (int i = 0; i < n; i++) {
      JsonNode position = it.next();
      if (!position.isArray() || position.size() < 2) {
        throw new MaskInputException(where + " position " + i + ": " + position + " is not a [lon, lat] pair");
      }
      for (int k = 0; k < 2; k++) {
        JsonNode c = position.get(k);
        if (!c.isNumber() || !Double.isFinite(c.doubleValue())) {
          throw new MaskInputException(where + " position " + i + ": coordinate " + c + " is not a number");
        }
        xy[2 * i + k] = c.doubleValue();
      }
      double lon = xy[2 * i];
      double lat = xy[2 * i + 1];
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw new MaskInputException(where + " position " + i + ": (" + lon + ", " + lat + ") is not lon/lat "
            + "degrees; the file looks projected (metres?): reproject it to WGS84, e.g. "
            + "ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson");
      }
    }
    int points = n > 1 && xy[0] == xy[2 * n - 2] && xy[1] == xy[2 * n - 1] ? n - 1 : n;
    if (points < 3) {
      throw new MaskInputException(where + ": ring too short: " + points
          + " distinct point(s), a ring needs at least 3");
    }
    return points == n ? xy : Arrays.copyOf(xy, 2 * points);
  }
}
