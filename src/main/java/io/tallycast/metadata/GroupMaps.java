package io.tallycast.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Maps of CSV groups ({@code masks --groups-csv}): one map per group with that group's seats, drawn like a district
 * map (its own scale, {@code width} wide; a seat keeps its district, so district borders show within the group), filed
 * under {@code <field>/<value>/} and named "&lt;Field&gt; &lt;value&gt;" ("Phase 1" in {@code phase/1/}), and the
 * still picture of the whole state coloured by group ({@link GroupPicture}). Seats here are whole: a group is a
 * property of the seat, not of a part of its ground.
 */
public final class GroupMaps {

  /** The group maps, the picture, and what did not match between the CSV and the boundaries. */
  public record Result(List<MapBuild> maps, GroupPicture.Picture picture, List<String> warnings) {
  }

  private GroupMaps() {
  }

  public static Result build(List<SeatShape> seats, MapBuild state, GroupsCsv groups, int width, int margin,
      String source, Progress progress) throws MaskInputException {
    String folder = MapSet.slug(groups.field());
    String title = title(groups.field());
    List<String> warnings = new ArrayList<>(groups.warnings());
    Set<Integer> onMap = seats.stream().map(SeatShape::no).collect(Collectors.toCollection(TreeSet::new));
    Set<Integer> unlisted = new TreeSet<>(onMap);
    unlisted.removeAll(groups.bySeat().keySet());
    Set<Integer> unknown = new TreeSet<>(groups.bySeat().keySet());
    unknown.removeAll(onMap);
    String csv = groups.file().getFileName().toString();
    if (!unlisted.isEmpty()) {
      warnings.add(unlisted.size() + " seat(s) of the map are not in " + csv + " (left off the " + folder
          + " maps, grey in the picture): " + list(unlisted));
    }
    if (!unknown.isEmpty()) {
      warnings.add(unknown.size() + " seat(s) in " + csv + " are not on the map: " + list(unknown));
    }
    List<MapBuild> maps = new ArrayList<>();
    try (Progress.Bar bar = progress.start(folder + " maps", groups.values().size())) {
      for (String value : groups.values()) {
        List<SeatShape> members = seats.stream().filter(s -> value.equals(groups.bySeat().get(s.no()))).toList();
        if (members.isEmpty()) {
          warnings.add(groups.field() + " " + value + " has no seat on the map: no map for it");
        } else {
          maps.add(GeoJsonMasks.rasterise(title + " " + value, value, members, width, margin, source + " + " + csv,
              Progress.Bar.NONE).filed(title + " " + value, value, folder));
        }
        bar.step();
      }
    }
    return new Result(maps, GroupPicture.render(state, groups, title, folder), warnings);
  }

  /** "phase" -> "Phase", "poll_phase" -> "Poll phase": the maps' and the legend's word for a group. */
  static String title(String field) {
    String words = field.replace('_', ' ').strip();
    return words.isEmpty() ? "Group" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static String list(Set<Integer> seats) {
    return seats.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "))
        + (seats.size() > 20 ? ", ..." : "");
  }
}
