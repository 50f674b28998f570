package io.tallycast.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * District maps for the image modes, where there is nothing to rasterise again: each group's seats cut out of the
 * state map (other seats become background) and enlarged by a whole factor (nearest neighbour, so ownership stays
 * exact) until the map is as wide as {@code districtWidth} allows, with the margin around.
 */
public final class DistrictCrop {

  private DistrictCrop() {
  }

  public static List<MapBuild> districts(MapBuild state, int districtWidth, int margin) {
    SeatRaster map = state.raster();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < map.seats().size(); i++) {
      String group = map.seats().get(i).group();
      if (group != null) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
      }
    }
    List<MapBuild> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
      out.add(crop(state, group.getKey(), group.getValue(), districtWidth, margin));
    }
    return out;
  }

  private static MapBuild crop(MapBuild state, String group, List<Integer> members, int districtWidth, int margin) {
    SeatRaster map = state.raster();
    int[] newIndex = new int[map.seats().size() + 1]; // state owner value -> district owner value (0: not ours)
    List<SeatMeta> seats = new ArrayList<>();
    for (int i : members) {
      seats.add(map.seats().get(i));
      newIndex[i + 1] = seats.size();
    }
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    int[] owner = map.owner();
    for (int y = 0; y < map.height(); y++) {
      for (int x = 0; x < map.width(); x++) {
        if (newIndex[owner[y * map.width() + x]] != 0) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    int cropW = maxX - minX + 1;
    int cropH = maxY - minY + 1;
    int k = Math.max(1, Math.min((districtWidth - 2 * margin) / cropW, (Projection.MAX_SIDE - 2 * margin) / cropH));
    int w = cropW * k + 2 * margin;
    int h = cropH * k + 2 * margin;
    int[] cut = new int[w * h];
    for (int y = 0; y < cropH * k; y++) {
      int src = (minY + y / k) * map.width() + minX;
      int dst = (margin + y) * w + margin;
      for (int x = 0; x < cropW * k; x++) {
        cut[dst + x] = newIndex[owner[src + x / k]];
      }
    }
    Map<String, Object> transform = new LinkedHashMap<>();
    transform.put("formula", "x = offsetX + (stateX - cropX) * factor; y = offsetY + (stateY - cropY) * factor");
    transform.put("cropX", minX);
    transform.put("cropY", minY);
    transform.put("factor", k);
    transform.put("offsetX", margin);
    transform.put("offsetY", margin);
    return new MapBuild(group, group, new SeatRaster(w, h, cut, seats), "the state map's pixels cut to the group's "
        + "seats and enlarged " + k + "x (nearest neighbour)", transform, state.source(), List.of(), List.of(),
        List.of());
  }
}
