package io.tallycast.metadata;

import java.util.List;
import java.util.Map;

/**
 * One map ready to be written: the state map ({@code group} null) or one group's (district's) map.
 *
 * @param name "state" or the group's name, as map.json's "name"
 * @param projection how the picture relates to the source, in words
 * @param transform the projection's numbers (lon/lat to pixels), or null for maps made from images
 * @param source where the boundaries came from (a file name)
 * @param notes what the summary should say about how the map was made (unknown colours, ignored files...)
 */
public record MapBuild(String name, String group, SeatRaster raster, String projection, Map<String, Object> transform,
    String source, List<MaskBuilder.Rescue> rescues, List<MaskBuilder.Conflict> conflicts, List<String> notes) {

  public MapBuild {
    rescues = List.copyOf(rescues);
    conflicts = List.copyOf(conflicts);
    notes = List.copyOf(notes);
  }

  public long conflictPixels() {
    return conflicts.stream().mapToLong(MaskBuilder.Conflict::pixels).sum();
  }
}
