package io.tallycast.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tallycast.map.MaskFile;
import io.tallycast.map.SeatInfo;
import io.tallycast.map.SeatMask;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Writes one map's four files into its folder: {@code seats.mask} (MaskFile v1), {@code seats.json} (SeatInfo per
 * seat, in seat order), {@code base.png} (RGBA, see BaseImage) and {@code map.json}. The files are written into a
 * fresh sibling folder which then replaces the map's folder by a rename, so a reader sees the old four or the new four,
 * never a mix.
 */
public final class MapWriter {
  public static final String FORMAT = "tallycast-mask/1";
  public static final String SEATS_JSON = "seats.json";
  public static final String BASE_PNG = "base.png";
  public static final String MAP_JSON = "map.json";

  private static final ObjectMapper COMPACT = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What was written, for the summary and the index. */
  public record Written(Path dir, MapBuild map, List<SeatInfo> seats) {
    public long pixels() {
      return seats.stream().mapToLong(SeatInfo::pixels).sum();
    }
  }

  private MapWriter() {
  }

  public static Written write(Path dir, MapBuild map) throws IOException {
    SeatRaster raster = map.raster();
    List<SeatMask> masks = raster.masks();
    List<SeatInfo> infos = new ArrayList<>(masks.size());
    int[][] labels = new int[masks.size()][];
    for (int i = 0; i < masks.size(); i++) {
      SeatMask mask = masks.get(i);
      SeatMeta meta = raster.seats().get(i);
      labels[i] = LabelPoints.of(mask);
      infos.add(new SeatInfo(meta.no(), meta.name(), meta.group(), mask.pixels(), mask.bbox(), labels[i]));
    }
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = parent.resolve("." + dir.getFileName() + ".new-" + Long.toHexString(ThreadLocalRandom.current()
        .nextLong()));
    Files.createDirectory(staging);
    try {
      try (OutputStream out = Files.newOutputStream(staging.resolve(MaskFile.FILE_NAME))) {
        MaskFile.write(out, raster.width(), raster.height(), masks);
      }
      Files.writeString(staging.resolve(SEATS_JSON), seatsJson(infos), StandardCharsets.UTF_8);
      if (!ImageIO.write(BaseImage.render(raster, labels, map.panels()), "png", staging.resolve(BASE_PNG).toFile())) {
        throw new IOException("no PNG writer in this Java runtime");
      }
      PRETTY.writeValue(staging.resolve(MAP_JSON).toFile(),
          mapJson(map, infos.size()));
      replace(staging, dir.toAbsolutePath());
    } finally {
      deleteTree(staging);
    }
    return new Written(dir, map, List.copyOf(infos));
  }

  /** One seat per line: readable in a diff, still one JSON array. */
  static String seatsJson(List<SeatInfo> infos) throws IOException {
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < infos.size(); i++) {
      out.append("  ").append(COMPACT.writeValueAsString(infos.get(i)))
          .append(i + 1 < infos.size() ? ",\n" : "\n");
    }
    return out.append("]\n").toString();
  }

  private static Map<String, Object> mapJson(MapBuild map, int seats) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", map.name());
    json.put("width", map.raster().width());
    json.put("height", map.raster().height());
    json.put("format", FORMAT);
    json.put("projection", map.projection());
    json.put("source", map.source());
    json.put("seats", seats);
    if (map.group() != null) {
      json.put("group", map.group());
    }
    if (map.transform() != null) {
      json.put("transform", map.transform());
    }
    json.put("colors", BaseImage.palette());
    json.put("rescued", map.rescues().stream().map(MaskBuilder.Rescue::seat).toList());
    return json;
  }

  /** Puts {@code staging} where {@code dir} is, by renames (the old folder, if any, moves aside and is deleted). */
  private static void replace(Path staging, Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = dir.resolveSibling("." + dir.getFileName() + ".old-" + Long.toHexString(ThreadLocalRandom.current()
        .nextLong()));
    Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteTree(old);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
