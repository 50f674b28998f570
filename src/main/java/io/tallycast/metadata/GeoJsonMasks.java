package io.tallycast.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks from boundaries: the state map at {@code width}, and one map per group (district) with only that group's seats,
 * projected and rasterised again at {@code districtWidth} so each district is drawn at its own scale.
 */
public final class GeoJsonMasks {
  /** Enclosed background patches up to this size are sub-pixel notches, filled by the seat around them. */
  public static final int PINHOLE_PIXELS = 4;

  private GeoJsonMasks() {
  }

  public static List<MapBuild> build(List<SeatShape> seats, String source, int width, int districtWidth, int margin,
      boolean districts, Progress progress) throws MaskInputException {
    List<MapBuild> maps = new ArrayList<>();
    try (Progress.Bar bar = progress.start("state seats", seats.size())) {
      maps.add(rasterise("state", null, seats, width, margin, source, bar));
    }
    Map<String, List<SeatShape>> groups = groups(seats);
    if (!districts || groups.isEmpty()) {
      return maps;
    }
    try (Progress.Bar bar = progress.start("district maps", groups.size())) {
      for (Map.Entry<String, List<SeatShape>> group : groups.entrySet()) {
        bar.extra(group.getKey());
        maps.add(rasterise(group.getKey(), group.getKey(), group.getValue(), districtWidth, margin, source,
            Progress.Bar.NONE));
        bar.step();
      }
    }
    return maps;
  }

  /** The seats of each group, groups in the order of their lowest seat number; empty when seats have no group. */
  static Map<String, List<SeatShape>> groups(List<SeatShape> seats) {
    Map<String, List<SeatShape>> groups = new LinkedHashMap<>();
    for (SeatShape seat : seats) {
      if (seat.meta().group() != null) {
        groups.computeIfAbsent(seat.meta().group(), g -> new ArrayList<>()).add(seat);
      }
    }
    return groups;
  }

  /**
   * One map: project to fit {@code width}, fill every seat's polygons in seat order (a pixel already taken stays with
   * the lower seat number), fill pinholes of background inside the seats, then give each seat left without a pixel
   * the one under its anchor point.
   */
  public static MapBuild rasterise(String name, String group, List<SeatShape> seats, int width, int margin,
      String source, Progress.Bar bar) throws MaskInputException {
    Projection projection = Projection.fit(seats, width, margin);
    int w = projection.width();
    int h = projection.height();
    List<SeatMeta> metas = seats.stream().map(SeatShape::meta).toList();
    MaskBuilder builder = new MaskBuilder(w, h, metas);
    List<SeatShape> projected = new ArrayList<>(seats.size());
    for (int i = 0; i < seats.size(); i++) {
      SeatShape seat = projection.project(seats.get(i));
      projected.add(seat);
      int index = i;
      for (List<double[]> polygon : seat.polygons()) {
        Rasterizer.fill(polygon, w, h, (row, from, to) -> builder.claim(index, row, from, to));
      }
      bar.step();
    }
    int pinholes = builder.fillPinholes(PINHOLE_PIXELS);
    for (int i = 0; i < projected.size(); i++) {
      if (builder.pixels(i) == 0) {
        double[] anchor = projected.get(i).anchor();
        builder.rescue(i, anchor[0], anchor[1]);
      }
    }
    return new MapBuild(name, group, builder.raster(), projection.describe(), projection.transform(), source,
        builder.rescues(), builder.conflicts(),
        pinholes == 0 ? List.of() : List.of(pinholes + " pixel(s) of background enclosed in patches of at most "
            + PINHOLE_PIXELS + " (boundary notches narrower than a pixel) given to the seat around them"));
  }
}
