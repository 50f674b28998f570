package io.tallycast.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks from boundaries: the state map at {@code width} (one plain projection, or labelled insets, see
 * {@link InsetMasks}), and one map per group (district) with only that group's seats, projected and rasterised again
 * at {@code districtWidth} so each district is drawn at its own scale. A seat whose features lie in several districts
 * is on each of those maps with only its part there: a district map shows the district's ground, and the part in the
 * next district would pull that district's land into the picture.
 */
public final class GeoJsonMasks {
  /** Enclosed background patches up to this size are sub-pixel notches, filled by the seat around them. */
  public static final int PINHOLE_PIXELS = 4;

  /** Which projection draws polygon {@code polygon} of a seat. */
  interface Projections {
    Projection of(SeatShape seat, int polygon);
  }

  private GeoJsonMasks() {
  }

  /**
   * The state map (insets when {@code insets}: the seats carry their inset in {@link SeatShape.Origin#inset()}), then
   * the district maps when {@code districts}.
   */
  public static List<MapBuild> build(List<SeatShape> seats, String source, int width, int districtWidth, int margin,
      boolean districts, boolean insets, Progress progress) throws MaskInputException {
    List<MapBuild> maps = new ArrayList<>();
    try (Progress.Bar bar = progress.start("state seats", seats.size())) {
      maps.add(insets ? InsetMasks.rasterise(seats, width, margin, source, bar)
          : rasterise("state", null, seats, width, margin, source, bar));
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

  /**
   * The seats of each group, groups in the order of their lowest seat number; empty when seats have no group. A seat
   * in several groups is in each with its part there.
   */
  static Map<String, List<SeatShape>> groups(List<SeatShape> seats) {
    Map<String, List<SeatShape>> groups = new LinkedHashMap<>();
    for (SeatShape seat : seats) {
      List<String> named = seat.groups();
      for (String group : named) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(named.size() == 1 ? seat : seat.inGroup(group));
      }
    }
    return groups;
  }

  /** One plain map: projected to fit {@code width}, the height following from the aspect. */
  public static MapBuild rasterise(String name, String group, List<SeatShape> seats, int width, int margin,
      String source, Progress.Bar bar) throws MaskInputException {
    Projection projection = Projection.fit(seats, width, margin);
    MaskBuilder builder = new MaskBuilder(projection.width(), projection.height(),
        seats.stream().map(SeatShape::meta).toList());
    List<String> notes = fill(builder, seats, (seat, polygon) -> projection, bar);
    return new MapBuild(name, group, builder.raster(), projection.describe(), projection.transform(), source,
        builder.rescues(), builder.conflicts(), notes);
  }

  /**
   * Fills every seat's polygons in seat order (a pixel already taken stays with the lower seat number), then pinholes
   * of background inside the seats, then gives each seat left without a pixel the one under its anchor point. Returns
   * the notes for the summary.
   */
  static List<String> fill(MaskBuilder builder, List<SeatShape> seats, Projections projections, Progress.Bar bar) {
    int w = builder.width();
    int h = builder.height();
    List<double[]> anchors = new ArrayList<>(seats.size());
    for (int i = 0; i < seats.size(); i++) {
      SeatShape seat = seats.get(i);
      List<List<double[]>> projected = new ArrayList<>(seat.polygons().size());
      for (int p = 0; p < seat.polygons().size(); p++) {
        projected.add(projections.of(seat, p).project(seat.polygons().get(p)));
      }
      int index = i;
      for (List<double[]> polygon : projected) {
        Rasterizer.fill(polygon, w, h, (row, from, to) -> builder.claim(index, row, from, to));
      }
      anchors.add(seat.withPolygons(projected).anchor());
      bar.step();
    }
    int pinholes = builder.fillPinholes(PINHOLE_PIXELS);
    for (int i = 0; i < seats.size(); i++) {
      if (builder.pixels(i) == 0) {
        builder.rescue(i, anchors.get(i)[0], anchors.get(i)[1]);
      }
    }
    return pinholes == 0 ? List.of() : List.of(pinholes + " pixel(s) of background enclosed in patches of at most "
        + PINHOLE_PIXELS + " (boundary notches narrower than a pixel) given to the seat around them");
  }
}
