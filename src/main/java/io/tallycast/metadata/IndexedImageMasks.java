package io.tallycast.metadata;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Masks from an indexed-colour image: every seat painted in its own colour, the legend saying which colour is which
 * seat. A pixel of a colour the legend does not list (or a fully transparent pixel) is background.
 */
public final class IndexedImageMasks {

  private IndexedImageMasks() {
  }

  public static MapBuild build(Path png, Legend legend) throws MaskInputException {
    BufferedImage image = read(png);
    int w = image.getWidth();
    int h = image.getHeight();
    List<SeatMeta> seats = legend.entries().stream().map(Legend.Entry::meta).toList();
    Map<Integer, Integer> seatOfColor = new HashMap<>();
    for (int i = 0; i < legend.entries().size(); i++) {
      seatOfColor.put(legend.entries().get(i).color(), i);
    }
    MaskBuilder builder = new MaskBuilder(w, h, seats);
    Map<Integer, Long> unknown = new HashMap<>();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int argb = row[x];
        if (argb >>> 24 == 0) {
          continue;
        }
        Integer seat = seatOfColor.get(argb & 0xFFFFFF);
        if (seat == null) {
          unknown.merge(argb & 0xFFFFFF, 1L, Long::sum);
        } else {
          builder.claim(seat, x, y);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < seats.size(); i++) {
      if (builder.pixels(i) == 0) {
        Legend.Entry e = legend.entries().get(i);
        missing.add("seat " + e.no() + " (" + BaseImage.hex(e.color()) + ", line " + e.line() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new MaskInputException(png.getFileName() + ": " + missing.size() + " legend colour(s) appear nowhere in "
          + "the image: " + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
          + (missing.size() > 10 ? " ..." : ""));
    }
    List<String> notes = new ArrayList<>();
    long unknownPixels = unknown.values().stream().mapToLong(Long::longValue).sum();
    notes.add(unknown.size() + " distinct colour(s) not in the legend (" + unknownPixels + " pixels) taken as "
        + "background" + (unknown.isEmpty() ? "" : ", most common: " + mostCommon(unknown)));
    return new MapBuild("state", null, builder.raster(), "none: the pixels of the source image", null,
        png.getFileName().toString(), List.of(), List.of(), notes);
  }

  static BufferedImage read(Path png) throws MaskInputException {
    if (!Files.isRegularFile(png)) {
      throw new MaskInputException(png + ": no such image");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(png.toFile());
    } catch (IOException e) {
      throw new MaskInputException(png + ": cannot read the image: " + e.getMessage(), e);
    }
    if (image == null) {
      throw new MaskInputException(png + ": not an image ImageIO can read (PNG expected)");
    }
    if (image.getWidth() > Projection.MAX_SIDE || image.getHeight() > Projection.MAX_SIDE) {
      throw new MaskInputException(png + ": " + image.getWidth() + "x" + image.getHeight() + " is larger than "
          + Projection.MAX_SIDE + " pixels a side");
    }
    return image;
  }

  private static String mostCommon(Map<Integer, Long> counts) {
    List<Map.Entry<Integer, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort((a, b) -> b.getValue().equals(a.getValue()) ? Integer.compare(a.getKey(), b.getKey())
        : Long.compare(b.getValue(), a.getValue()));
    List<String> top = new ArrayList<>();
    for (Map.Entry<Integer, Long> e : sorted.subList(0, Math.min(3, sorted.size()))) {
      top.add(BaseImage.hex(e.getKey()) + " x" + e.getValue());
    }
    return String.join(", ", top);
  }
}
