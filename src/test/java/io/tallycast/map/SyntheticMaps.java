package io.tallycast.map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Small maps written the way the mask command writes them, for tests: seats are cells of a grid (columns of
 * {@value #CELL_W} px, rows of {@value #CELL_H} px) drawn with opaque border lines on every cell edge, an opaque
 * background strip right of the seats, and one half-transparent pixel inside the first seat (an anti-aliased edge).
 */
final class SyntheticMaps {
  static final int CELL_W = 40;
  static final int CELL_H = 50;
  static final int BACKGROUND_W = 10;
  static final int BORDER = 0xFF333333;
  static final int BACKGROUND = 0xFFF0F0F0;
  static final int HALF = 0x80FFFFFF;

  private SyntheticMaps() {
  }

  /** A West Bengal-like tree: state/ with every seat, district/&lt;slug&gt;/ with each district's seats. */
  static Path tree(Path root, int columns, List<Integer> seats, List<String> districts) throws IOException {
    write(root.resolve("state"), "Test State", columns, seats, districts);
    List<String> slugs = districts.stream().distinct().toList();
    for (String district : slugs) {
      List<Integer> mine = new ArrayList<>();
      List<String> groups = new ArrayList<>();
      for (int i = 0; i < seats.size(); i++) {
        if (districts.get(i).equals(district)) {
          mine.add(seats.get(i));
          groups.add(district);
        }
      }
      write(root.resolve("district").resolve(district.toLowerCase().replace(' ', '-')), district, columns, mine,
          groups);
    }
    return root;
  }

  /** One map folder; seat i sits in cell (i % columns, i / columns). */
  static void write(Path dir, String title, int columns, List<Integer> seats, List<String> groups) throws IOException {
    Files.createDirectories(dir);
    int rows = (seats.size() + columns - 1) / columns;
    int width = columns * CELL_W + BACKGROUND_W;
    int height = rows * CELL_H;
    BufferedImage base = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean edge = x % CELL_W == 0 || x % CELL_W == CELL_W - 1 || y % CELL_H == 0 || y % CELL_H == CELL_H - 1;
        boolean inGrid = x < columns * CELL_W && (y / CELL_H) * columns + x / CELL_W < seats.size();
        base.setRGB(x, y, !inGrid ? BACKGROUND : edge ? BORDER : 0x00000000);
      }
    }
    base.setRGB(5, 5, HALF);
    List<SeatMask> masks = new ArrayList<>();
    JsonArray json = new JsonArray();
    for (int i = 0; i < seats.size(); i++) {
      int x0 = (i % columns) * CELL_W;
      int y0 = (i / columns) * CELL_H;
      int[] rowsOf = new int[CELL_H];
      int[] starts = new int[CELL_H];
      int[] lengths = new int[CELL_H];
      for (int r = 0; r < CELL_H; r++) {
        rowsOf[r] = y0 + r;
        starts[r] = x0;
        lengths[r] = CELL_W;
      }
      SeatMask mask = new SeatMask(seats.get(i), rowsOf, starts, lengths);
      masks.add(mask);
      json.add(new JsonObject().put("no", seats.get(i)).put("name", "Seat " + seats.get(i)).put("group", groups.get(i))
          .put("pixels", mask.pixels()).put("bbox", new JsonArray(List.of(x0, y0, CELL_W, CELL_H)))
          .put("label", new JsonArray(List.of(x0 + CELL_W / 2, y0 + CELL_H / 2))));
    }
    try (OutputStream out = Files.newOutputStream(dir.resolve(MaskFile.FILE_NAME))) {
      MaskFile.write(out, width, height, masks);
    }
    Files.writeString(dir.resolve("seats.json"), json.encodePrettily());
    Files.writeString(dir.resolve("map.json"),
        new JsonObject().put("name", title).put("width", width).put("height", height).encode());
    ImageIO.write(base, "png", dir.resolve("base.png").toFile());
  }

  /** The label point of a seat from a map's seats.json. */
  static int[] label(Path mapDir, int seat) throws IOException {
    for (Object o : new JsonArray(Files.readString(mapDir.resolve("seats.json")))) {
      JsonObject s = (JsonObject) o;
      if (s.getInteger("no") == seat) {
        return new int[] {s.getJsonArray("label").getInteger(0), s.getJsonArray("label").getInteger(1)};
      }
    }
    throw new IllegalArgumentException("no seat " + seat + " in " + mapDir);
  }
}
