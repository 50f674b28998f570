package io.tallycast.metadata;

import java.util.List;
import java.util.Map;

/**
 * One map ready to be written: the state map ({@code group} null) or one group's map (a district's, or a group's from
 * a CSV such as a polling phase).
 *
 * @param name "state", the district's name or the CSV group's title ("Phase 1"), as map.json's "name"
 * @param group the group's value (district name, phase number), null for the state map
 * @param folder where group maps go under the output folder ("district", "phase"); null for the state map
 * @param projection how the picture relates to the source, in words
 * @param transform the projection's numbers (lon/lat to pixels), or null for maps made from images
 * @param source where the boundaries came from (a file name)
 * @param notes what the summary should say about how the map was made (unknown colours, ignored files...)
 * @param panels the labelled insets the map is drawn in (empty: one plain map)
 */
public record MapBuild(String name, String group, String folder, SeatRaster raster, String projection,
    Map<String, Object> transform, String source, List<MaskBuilder.Rescue> rescues,
    List<MaskBuilder.Conflict> conflicts, List<String> notes, List<InsetLayout.Panel> panels) {
  public static final String DISTRICT = "district";

  public MapBuild {
    if ((group == null) != (folder == null)) {
      throw new IllegalArgumentException("a group map needs a folder, the state map none");
    }
    rescues = List.copyOf(rescues);
    conflicts = List.copyOf(conflicts);
    notes = List.copyOf(notes);
    panels = List.copyOf(panels);
  }

  /** The state map or a district map, without insets. */
  public MapBuild(String name, String group, SeatRaster raster, String projection, Map<String, Object> transform,
      String source, List<MaskBuilder.Rescue> rescues, List<MaskBuilder.Conflict> conflicts, List<String> notes) {
    this(name, group, group == null ? null : DISTRICT, raster, projection, transform, source, rescues, conflicts,
        notes, List.of());
  }

  public long conflictPixels() {
    return conflicts.stream().mapToLong(MaskBuilder.Conflict::pixels).sum();
  }

  /** The same map filed elsewhere under another name (a CSV group's map: "Phase 1" in phase/). */
  public MapBuild filed(String title, String value, String under) {
    return new MapBuild(title, value, under, raster, projection, transform, source, rescues, conflicts, notes, panels);
  }
}
