package io.tallycast.stream.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The segment files of one recording ({@code name-000.mkv}, {@code name-001.mkv}...) as they are on disk. */
final class SegmentFiles {
  /** One segment; {@code size} and {@code modified} follow a link to its target. */
  record Segment(int number, Path path, long size, FileTime modified) {
  }

  private SegmentFiles() {
  }

  /** Every segment of the recording, by number; none when its folder does not exist yet. */
  static List<Segment> list(Destination recording) throws IOException {
    Path dir = folder(recording);
    String file = Path.of(recording.segmentPattern()).getFileName().toString();
    int at = file.indexOf("%03d");
    Pattern name = Pattern.compile(Pattern.quote(file.substring(0, at)) + "(\\d+)"
        + Pattern.quote(file.substring(at + 4)));
    List<Segment> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path path : (Iterable<Path>) files::iterator) {
        Matcher m = name.matcher(path.getFileName().toString());
        if (m.matches()) {
          try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            found.add(new Segment(Integer.parseInt(m.group(1)), path, a.size(), a.lastModifiedTime()));
          } catch (NoSuchFileException | NumberFormatException gone) {
            // deleted meanwhile, or a link to nothing: not a segment we can count
          }
        }
      }
    }
    found.sort(Comparator.comparingInt(Segment::number));
    return found;
  }

  /** A recording that restarts goes on numbering after the files already there, never overwriting one. */
  static int next(Destination recording) throws IOException {
    List<Segment> all = list(recording);
    return all.isEmpty() ? 0 : all.get(all.size() - 1).number() + 1;
  }

  static Path folder(Destination recording) {
    return recording.file().toAbsolutePath().getParent();
  }
}
