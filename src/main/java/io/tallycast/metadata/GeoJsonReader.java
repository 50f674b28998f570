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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads constituency boundaries from a GeoJSON FeatureCollection in lon/lat: Polygon, MultiPolygon and
 * GeometryCollection features (real files have collections of polygons), the seat number, name, group and inset from
 * the named properties. Features that share a seat number are one seat (real files split exclaves that way), each
 * polygon remembering its feature's group and inset. Anything it cannot use is refused with the feature's index and id
 * in the message.
 */
public final class GeoJsonReader {

  /**
   * Property names: the seat number (required), its name (required), its group or district and the inset it is drawn
   * in on the state map (both may be null).
   */
  public record Fields(String id, String name, String group, String inset) {
    public Fields(String id, String name, String group) {
      this(id, name, group, null);
    }
  }

  /**
   * The seats in seat-number order, how many features they came from, what was odd but usable (warnings) and what the
   * maps do about the file's quirks (notes: seats whose parts lie in several groups).
   */
  public record Result(List<SeatShape> seats, int features, List<String> warnings, List<String> notes) {
  }

  private static final Set<String> AREAL = Set.of("Polygon", "MultiPolygon", "GeometryCollection");

  private final Fields fields;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

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
    Map<Integer, List<SeatShape.Origin>> origins = new LinkedHashMap<>();
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
      String inset = fields.inset() == null ? null : text(i, properties, fields.inset());
      SeatMeta first = metas.putIfAbsent(no, new SeatMeta(no, name, group));
      if (first != null && !first.name().equals(name)) {
        warnings.add(where + " shares its seat number with feature " + origins.get(no).get(0).feature()
            + " but is named \"" + name + "\"; the first feature's \"" + first.name() + "\" is kept");
      }
      List<List<double[]>> parts = geometry(where, feature.path("geometry"));
      polygons.computeIfAbsent(no, k -> new ArrayList<>()).addAll(parts);
      for (int p = 0; p < parts.size(); p++) {
        origins.computeIfAbsent(no, k -> new ArrayList<>()).add(new SeatShape.Origin(i, group, inset));
      }
    }
    List<SeatShape> seats = new ArrayList<>();
    for (Map.Entry<Integer, SeatMeta> e : metas.entrySet()) {
      SeatShape seat = new SeatShape(e.getValue(), polygons.get(e.getKey()), origins.get(e.getKey()));
      seats.add(seat.groups().size() > 1 ? inLargestGroup(seat) : seat);
    }
    return new Result(List.copyOf(seats), features.size(), List.copyOf(warnings), List.copyOf(notes));
  }

  /**
   * A seat whose features name several groups: counted on the state map in the group holding most of its area (its
   * home district; ties: the first named), drawn on each group's map with its part there.
   */
  private SeatShape inLargestGroup(SeatShape seat) {
    Map<String, Double> areas = new LinkedHashMap<>();
    for (int i = 0; i < seat.polygons().size(); i++) {
      areas.merge(seat.origins().get(i).group(), SeatShape.area(seat.polygons().get(i)), Double::sum);
    }
    String home = seat.groups().get(0);
    for (Map.Entry<String, Double> e : areas.entrySet()) {
      if (e.getValue() > areas.get(home)) {
        home = e.getKey();
      }
    }
    double total = areas.values().stream().mapToDouble(Double::doubleValue).sum();
    List<String> shares = new ArrayList<>();
    areas.forEach((g, a) -> shares.add(g + " " + Math.round(100 * a / total) + "%"));
    notes.add("seat " + seat.no() + " " + seat.meta().name() + " lies in " + String.join(", ", shares) + " (features "
        + seat.features().stream().map(String::valueOf).collect(Collectors.joining(", "))
        + "): on each of those district maps with its part there; counted in " + home + " on the state map");
    return seat.withMeta(new SeatMeta(seat.no(), seat.meta().name(), home));
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

  private List<List<double[]>> geometry(String where, JsonNode geometry) throws MaskInputException {
    if (geometry.isMissingNode() || geometry.isNull()) {
      throw new MaskInputException(where + " has no geometry (empty geometry)");
    }
    String type = geometry.path("type").asText("");
    if (!AREAL.contains(type)) {
      throw new MaskInputException(where + ": unsupported geometry type \"" + type
          + "\" (only Polygon, MultiPolygon and a GeometryCollection of them)");
    }
    List<List<double[]>> polygons = new ArrayList<>();
    areal(where, geometry, polygons);
    if (polygons.isEmpty()) {
      throw new MaskInputException(where + ": empty geometry (a GeometryCollection without a Polygon or "
          + "MultiPolygon)");
    }
    return polygons;
  }

  /**
   * Adds the polygons of a Polygon, a MultiPolygon or a GeometryCollection (members in order, nested ones too). Points
   * and lines in a collection have no area to fill: they are left out with a warning.
   */
  private void areal(String where, JsonNode geometry, List<List<double[]>> out) throws MaskInputException {
    String type = geometry.path("type").asText("");
    if (type.equals("GeometryCollection")) {
      JsonNode members = geometry.path("geometries");
      if (!members.isArray()) {
        throw new MaskInputException(where + ": a GeometryCollection without \"geometries\"");
      }
      int m = 0;
      for (JsonNode member : members) {
        String memberType = member.path("type").asText("");
        String at = where + " member " + m++;
        if (AREAL.contains(memberType)) {
          areal(at, member, out);
        } else {
          warnings.add(at + ": a " + memberType + " has no area; left out");
        }
      }
      return;
    }
    JsonNode coordinates = geometry.path("coordinates");
    if (!coordinates.isArray() || coordinates.isEmpty()) {
      throw new MaskInputException(where + ": empty geometry (" + type + " without coordinates)");
    }
    if (type.equals("Polygon")) {
      out.add(polygon(where, coordinates));
    } else {
      int p = 0;
      for (JsonNode polygon : coordinates) {
        out.add(polygon(where + " polygon " + p++, polygon));
      }
    }
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
