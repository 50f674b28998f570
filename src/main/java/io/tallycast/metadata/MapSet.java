package io.tallycast.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a run's maps under the output folder: the state map in {@code state/}, each group's in
 * {@code district/<slug>/}, and {@code index.json} listing them all. District folders of an earlier run that this
 * run did not produce (a renamed district) are removed, but only folders holding a map.json of this format.
 */
public final class MapSet {
  public static final String INDEX_JSON = "index.json";

  /** What was written and which stale district folders were removed. */
  public record Result(List<MapWriter.Written> maps, List<String> removed) {
  }

  private MapSet() {
  }

  public static Result write(Path out, List<MapBuild> maps, Progress progress) throws IOException {
    removeLeftovers(out);
    removeLeftovers(out.resolve("district"));
    List<MapWriter.Written> written = new ArrayList<>();
    Set<String> slugs = new HashSet<>();
    try (Progress.Bar bar = progress.start("writing maps", maps.size())) {
      for (MapBuild map : maps) {
        Path dir;
        if (map.group() == null) {
          dir = out.resolve("state");
        } else {
          String slug = slug(map.group());
          for (int n = 2; !slugs.add(slug); n++) {
            slug = slug(map.group()) + "-" + n;
          }
          dir = out.resolve("district").resolve(slug);
        }
        written.add(MapWriter.write(dir, map));
        bar.step();
      }
    }
    List<String> removed = removeStale(out.resolve("district"), slugs);
    writeIndex(out, written);
    return new Result(List.copyOf(written), removed);
  }

  /** "DAKSHIN DINAJPUR *" -> "dakshin-dinajpur": lower case ASCII letters and digits, runs of others as one dash. */
  public static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "group" : slug;
  }

  /** Staging folders a killed run left behind (MapWriter's ".name.new-hex" and ".name.old-hex"). */
  private static void removeLeftovers(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(dir)) {
      for (Path leftover : dirs.filter(p -> p.getFileName().toString().matches("\\..+\\.(new|old)-[0-9a-f]+"))
          .toList()) {
        MapWriter.deleteTree(leftover);
      }
    }
  }

  private static List<String> removeStale(Path districts, Set<String> kept) throws IOException {
    List<String> removed = new ArrayList<>();
    if (!Files.isDirectory(districts)) {
      return removed;
    }
    try (Stream<Path> dirs = Files.list(districts)) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        Path mapJson = dir.resolve(MapWriter.MAP_JSON);
        if (!kept.contains(name) && !name.startsWith(".") && Files.isRegularFile(mapJson)
            && Files.readString(mapJson).contains(MapWriter.FORMAT)) {
          MapWriter.deleteTree(dir);
          removed.add("district/" + name);
        }
      }
    }
    return removed;
  }

  private static void writeIndex(Path out, List<MapWriter.Written> written) throws IOException {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (MapWriter.Written w : written) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", w.map().name());
      entry.put("dir", out.relativize(w.dir()).toString().replace('\\', '/'));
      entry.put("width", w.map().raster().width());
      entry.put("height", w.map().raster().height());
      entry.put("seats", w.seats().size());
      maps.add(entry);
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("format", MapWriter.FORMAT);
    index.put("maps", maps);
    Path tmp = out.resolve("." + INDEX_JSON + ".tmp");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), index);
    Files.move(tmp, out.resolve(INDEX_JSON), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
