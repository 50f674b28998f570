package io.tallycast.map;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * One map as the mask command wrote it: the seat masks, seats.json (raw, as served to the overlay, and parsed), the
 * base image as ARGB pixels (alpha 0 where seats are painted, opaque borders and background) and map.json.
 *
 * @param name "state" or "district/&lt;slug&gt;": the map's name in URLs, file names and map.updated
 */
public record MapDefinition(String name, String title, int width, int height, List<SeatMask> masks,
                            List<SeatInfo> seats, byte[] seatsJson, int[] baseArgb, JsonObject mapJson) {
  public static final String STATE = "state";
  static final String SEATS_JSON = "seats.json";
  static final String BASE_PNG = "base.png";
  static final String MAP_JSON = "map.json";

  /** The state map, then every district map in slug order, from a tree with state/ and district/&lt;slug&gt;/. */
  /** A still picture listed under "pictures" in index.json: served as it is, never repainted. */
  public record Picture(String name, String title, int width, int height, byte[] png) {
  }

  /** The pictures index.json lists (none when it lists none, or there is no index). */
  static List<Picture> pictures(Path root) throws IOException {
    Path index = root.resolve("index.json");
    if (!Files.isRegularFile(index)) {
      return List.of();
    }
    JsonObject json = new JsonObject(Buffer.buffer(Files.readAllBytes(index)));
    List<Picture> out = new ArrayList<>();
    for (Object o : json.getJsonArray("pictures", new io.vertx.core.json.JsonArray())) {
      JsonObject p = (JsonObject) o;
      String file = p.getString("file");
      if (file == null || !file.endsWith(".png") || file.contains("..")) {
        throw new IOException(index + ": a picture's file must be a .png inside the maps folder, not " + file);
      }
      out.add(new Picture(file.substring(0, file.length() - ".png".length()), p.getString("name", file),
          p.getInteger("width", 0), p.getInteger("height", 0), Files.readAllBytes(root.resolve(file))));
    }
    return out;
  }

  /** The folders of maps of a part of the state, beside state/: by district, and by polling phase where made. */
  static final List<String> GROUPS = List.of("district", "phase");

  static List<MapDefinition> loadAll(Path root) throws IOException {
    List<MapDefinition> maps = new ArrayList<>();
    maps.add(load(STATE, root.resolve(STATE)));
    // the district maps, then the groups made from a CSV (West Bengal 2021's polling phases: phase/1 ... phase/8)
    for (String group : GROUPS) {
      Path groups = root.resolve(group);
      if (!Files.isDirectory(groups)) {
        continue;
      }
      List<Path> dirs;
      try (Stream<Path> list = Files.list(groups)) {
        dirs = list.filter(d -> Files.isRegularFile(d.resolve(MaskFile.FILE_NAME))).sorted().toList();
      }
      for (Path dir : dirs) {
        maps.add(load(group + "/" + dir.getFileName().toString().replace("/", ""), dir));
      }
    }
    return maps;
  }

  /** Reads one map folder and refuses one whose files disagree: a damaged map must never paint garbage. */
  public static MapDefinition load(String name, Path dir) throws IOException {
    MaskFile.Contents mask;
    try (InputStream in = Files.newInputStream(dir.resolve(MaskFile.FILE_NAME))) {
      mask = MaskFile.read(in);
    }
    byte[] seatsJson = Files.readAllBytes(dir.resolve(SEATS_JSON));
    JsonObject mapJson = new JsonObject(Buffer.buffer(Files.readAllBytes(dir.resolve(MAP_JSON))));
    BufferedImage base;
    try (InputStream in = Files.newInputStream(dir.resolve(BASE_PNG))) {
      base = ImageIO.read(in);
    }
    if (base == null) {
      throw new IOException(dir.resolve(BASE_PNG) + " is not a readable PNG");
    }
    int w = mask.width();
    int h = mask.height();
    if (base.getWidth() != w || base.getHeight() != h) {
      throw new IOException(name + ": base.png is " + base.getWidth() + "x" + base.getHeight() + " but the mask is "
          + w + "x" + h);
    }
    if (mapJson.getInteger("width", w) != w || mapJson.getInteger("height", h) != h) {
      throw new IOException(name + ": map.json says " + mapJson.getValue("width") + "x" + mapJson.getValue("height")
          + " but the mask is " + w + "x" + h);
    }
    List<SeatInfo> seats = parseSeats(name, seatsJson);
    int[] argb = base.getRGB(0, 0, w, h, null, 0, w);
    return new MapDefinition(name, mapJson.getString("name", name), w, h, mask.seats(), seats, seatsJson, argb,
        mapJson);
  }

  static List<SeatInfo> parseSeats(String name, byte[] json) throws IOException {
    List<SeatInfo> out = new ArrayList<>();
    try {
      for (Object o : new JsonArray(Buffer.buffer(json))) {
        JsonObject s = (JsonObject) o;
        out.add(new SeatInfo(s.getInteger("no"), s.getString("name"), s.getString("group"), s.getLong("pixels", 0L),
            ints(s.getJsonArray("bbox")), ints(s.getJsonArray("label"))));
      }
    } catch (RuntimeException e) {
      throw new IOException(name + ": seats.json is not an array of seats: " + e.getMessage(), e);
    }
    return out;
  }

  private static int[] ints(JsonArray a) {
    if (a == null) {
      return null;
    }
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.getInteger(i);
    }
    return out;
  }
}
