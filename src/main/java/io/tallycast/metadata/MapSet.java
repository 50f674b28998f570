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
import javax.imageio.ImageIO;

/**
 * Writes a run's maps under the output folder: the state map in {@code state/}, each group's in
 * {@code <folder>/<slug>/} ({@code district/}, or a CSV grouping's such as {@code phase/}), the group pictures
 * ({@code phase/by-phase.png}), and {@code index.json} listing them all. Map folders of an earlier run that this run
 * did not produce (a renamed district, a grouping left out) are removed, but only folders holding a map.json of this
 * format, and so are group pictures ({@code by-*.png}) this run did not make.
 */
public final class MapSet {
  public static final String INDEX_JSON = "index.json";

  /** What was written and which stale map folders and pictures were removed. */
  public record Result(List<MapWriter.Written> maps, List<GroupPicture.Picture> pictures, List<String> removed) {
  }

  private MapSet() {
  }

  public static Result write(Path out, List<MapBuild> maps, Progress progress) throws IOException {
    return write(out, maps, List.of(), progress);
  }

  public static Result write(Path out, List<MapBuild> maps, List<GroupPicture.Picture> pictures, Progress progress)
      throws IOException {
    removeLeftovers(out);
    for (Path folder : subfolders(out)) {
      removeLeftovers(folder);
    }
    List<MapWriter.Written> written = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    try (Progress.Bar bar = progress.start("writing maps", maps.size())) {
      for (MapBuild map : maps) {
        String dir = "state";
        if (map.group() != null) {
          String slug = slug(map.group());
          dir = map.folder() + "/" + slug;
          for (int n = 2; !kept.add(dir); n++) {
            dir = map.folder() + "/" + slug + "-" + n;
          }
        }
        written.add(MapWriter.write(out.resolve(dir), map));
        bar.step();
      }
    }
    for (GroupPicture.Picture picture : pictures) {
      Path file = out.resolve(picture.file());
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      if (!ImageIO.write(picture.image(), "png", tmp.toFile())) {
        throw new IOException("no PNG writer in this Java runtime");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      kept.add(picture.file());
    }
    List<String> removed = removeStale(out, kept);
    writeIndex(out, written, pictures);
    return new Result(List.copyOf(written), List.copyOf(pictures), removed);
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

  /** The folders beside state/ that may hold group maps (district/, phase/...). */
  private static List<Path> subfolders(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(out)) {
      return dirs.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("state")
          && !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private static List<String> removeStale(Path out, Set<String> kept) throws IOException {
    List<String> removed = new ArrayList<>();
    for (Path folder : subfolders(out)) {
      List<Path> entries;
      try (Stream<Path> list = Files.list(folder)) {
        entries = list.sorted().toList();
      }
      int left = entries.size();
      for (Path entry : entries) {
        String name = folder.getFileName() + "/" + entry.getFileName();
        Path mapJson = entry.resolve(MapWriter.MAP_JSON);
        boolean staleMap = Files.isDirectory(entry) && Files.isRegularFile(mapJson)
            && Files.readString(mapJson).contains(MapWriter.FORMAT);
        boolean stalePicture = entry.getFileName().toString().matches("by-.+\\.png") && Files.isRegularFile(entry);
        if (!kept.contains(name) && !entry.getFileName().toString().startsWith(".") && (staleMap || stalePicture)) {
          MapWriter.deleteTree(entry);
          removed.add(name);
          left--;
        }
      }
      if (left == 0) {
        Files.delete(folder);
      }
    }
    return removed;
  }

  private static void writeIndex(Path out, List<MapWriter.Written> written, List<GroupPicture.Picture> pictures)
      throws IOException {
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
    if (!pictures.isEmpty()) {
      List<Map<String, Object>> stills = new ArrayList<>();
      for (GroupPicture.Picture picture : pictures) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", picture.name());
        entry.put("file", picture.file());
        entry.put("width", picture.image().getWidth());
        entry.put("height", picture.image().getHeight());
        entry.put("legend", picture.legend());
        stills.add(entry);
      }
      index.put("pictures", stills);
    }
    Path tmp = out.resolve("." + INDEX_JSON + ".tmp");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), index);
    Files.move(tmp, out.resolve(INDEX_JSON), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
