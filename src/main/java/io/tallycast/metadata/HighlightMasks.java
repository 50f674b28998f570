package io.tallycast.metadata;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Masks from one screenshot per seat (the original team's way): {@code 12.png} shows seat 12 painted in the highlight
 * colour; the seat's pixels are those within {@code tolerance} of it (the largest difference of any of R, G, B). A
 * pixel highlighted in two screenshots goes to the lower seat number and the clash is reported.
 */
public final class HighlightMasks {
  private static final Pattern NAME = Pattern.compile("(\\d+)\\.png", Pattern.CASE_INSENSITIVE);

  private HighlightMasks() {
  }

  public static MapBuild build(Path dir, int highlight, int tolerance, Legend legend, Progress progress)
      throws MaskInputException {
    Map<Integer, Path> shots = new TreeMap<>();
    int ignored = 0;
    if (!Files.isDirectory(dir)) {
      throw new MaskInputException(dir + ": no such folder of screenshots");
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!Files.isRegularFile(file) || !m.matches()) {
          ignored++;
          continue;
        }
        Path other = shots.put(Integer.parseInt(m.group(1)), file);
        if (other != null) {
          throw new MaskInputException(file.getFileName() + " and " + other.getFileName() + " are both seat "
              + Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new MaskInputException(dir + ": cannot list the screenshots: " + e.getMessage(), e);
    }
    if (shots.isEmpty() || shots.containsKey(0)) {
      throw new MaskInputException(dir + ": " + (shots.isEmpty() ? "no screenshots named by seat number (1.png, "
          + "2.png, ...)" : "0.png: seat numbers start at 1"));
    }
    List<SeatMeta> seats = new ArrayList<>();
    for (int no : shots.keySet()) {
      Legend.Entry entry = legend == null ? null : legend.seat(no);
      if (legend != null && entry == null) {
        throw new MaskInputException(shots.get(no).getFileName() + ": seat " + no + " is not in the legend "
            + legend.file().getFileName());
      }
      seats.add(entry == null ? new SeatMeta(no, null, null) : entry.meta());
    }
    List<Path> files = new ArrayList<>(shots.values());
    BufferedImage first = IndexedImageMasks.read(files.get(0));
    int w = first.getWidth();
    int h = first.getHeight();
    MaskBuilder builder = new MaskBuilder(w, h, seats);
    long[] highlighted = new long[seats.size()];
    try (Progress.Bar bar = progress.start("screenshots", files.size())) {
      for (int i = 0; i < files.size(); i++) {
        BufferedImage image = i == 0 ? first : IndexedImageMasks.read(files.get(i));
        if (image.getWidth() != w || image.getHeight() != h) {
          throw new MaskInputException(files.get(i).getFileName() + " is " + image.getWidth() + "x"
              + image.getHeight() + " but " + files.get(0).getFileName() + " is " + w + "x" + h
              + ": every screenshot must be the same size");
        }
        highlighted[i] = claim(image, i, highlight, tolerance, builder);
        bar.step();
      }
    }
    for (int i = 0; i < seats.size(); i++) {
      if (highlighted[i] == 0) {
        throw new MaskInputException(files.get(i).getFileName() + ": no pixel within " + tolerance + " of "
            + BaseImage.hex(highlight) + " (wrong --highlight-color or --tolerance?)");
      }
      if (builder.pixels(i) == 0) {
        throw new MaskInputException(files.get(i).getFileName() + ": all " + highlighted[i] + " highlighted pixels "
            + "are also highlighted in screenshots of lower seat numbers, so seat " + seats.get(i).no()
            + " would have none");
      }
    }
    List<String> notes = new ArrayList<>();
    if (ignored > 0) {
      notes.add(ignored + " file(s) in " + dir.getFileName() + " not named <seat number>.png were ignored");
    }
    if (legend != null && legend.entries().size() > seats.size()) {
      notes.add((legend.entries().size() - seats.size()) + " seat(s) of the legend have no screenshot");
    }
    return new MapBuild("state", null, builder.raster(), "none: the pixels of the screenshots", null,
        dir.getFileName().toString(), List.of(), builder.conflicts(), notes);
  }

  /** Claims the highlighted runs of one screenshot for seat index {@code seat}; returns how many were highlighted. */
  private static long claim(BufferedImage image, int seat, int highlight, int tolerance, MaskBuilder builder) {
    int w = image.getWidth();
    int[] row = new int[w];
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      int x = 0;
      while (x < w) {
        if (!near(row[x], highlight, tolerance)) {
          x++;
          continue;
        }
        int start = x;
        while (x < w && near(row[x], highlight, tolerance)) {
          x++;
        }
        builder.claim(seat, y, start, x);
        count += x - start;
      }
    }
    return count;
  }

  static boolean near(int argb, int rgb, int tolerance) {
    return argb >>> 24 != 0
        && Math.abs((argb >> 16 & 0xFF) - (rgb >> 16 & 0xFF)) <= tolerance
        && Math.abs((argb >> 8 & 0xFF) - (rgb >> 8 & 0xFF)) <= tolerance
        && Math.abs((argb & 0xFF) - (rgb & 0xFF)) <= tolerance;
  }
}
