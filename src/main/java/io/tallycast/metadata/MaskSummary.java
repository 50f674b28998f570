package io.tallycast.metadata;

import io.tallycast.map.SeatInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The end-of-run summary on stdout: seats, pixels, the smallest seats, seats rescued, clashes, districts, time. */
public final class MaskSummary {

  private MaskSummary() {
  }

  public static void print(PrintWriter out, String source, MapSet.Result result, List<String> notes,
      List<String> warnings, long nanos) {
    List<MapWriter.Written> maps = result.maps();
    MapWriter.Written state = maps.get(0);
    SeatRaster raster = state.map().raster();
    out.printf(Locale.ROOT, "tallycast masks: %d seats from %s in %.2f s%n", state.seats().size(), source,
        nanos / 1e9);
    out.printf(Locale.ROOT, "  state      %dx%d, %,d seat pixels (%.1f%% of the map) -> %s%n", raster.width(),
        raster.height(), state.pixels(), 100.0 * state.pixels() / ((long) raster.width() * raster.height()),
        state.dir());
    out.println("  smallest   " + smallest(state.seats(), 5));
    out.println("  rescued    " + rescued(state.map()));
    out.println("  shared     " + conflicts(state.map()));
    for (String note : state.map().notes()) {
      out.println("  note       " + note);
    }
    for (InsetLayout.Panel p : state.map().panels()) {
      out.printf(Locale.ROOT, "  inset      %-24s %3d seats  %4dx%-4d at (%d,%d)  smallest %s%n", p.name(),
          inPanel(state, p).size(), p.width(), p.height(), p.x(), p.y(), smallest(inPanel(state, p), 1));
    }
    Map<String, List<MapWriter.Written>> folders = new LinkedHashMap<>();
    for (MapWriter.Written m : maps.subList(1, maps.size())) {
      folders.computeIfAbsent(m.map().folder(), f -> new ArrayList<>()).add(m);
    }
    folders.forEach((folder, group) -> printGroupMaps(out, folder, group));
    for (GroupPicture.Picture picture : result.pictures()) {
      out.printf(Locale.ROOT, "  picture    %s %dx%d, %s%n", picture.file(), picture.image().getWidth(),
          picture.image().getHeight(), picture.legend().stream().map(e -> e.get("name") + " " + e.get("seats")
              + " seats" + (e.containsKey("text") ? " (" + e.get("text") + ")" : "")).collect(Collectors.joining(
                  ", ")));
    }
    for (String removed : result.removed()) {
      out.println("  removed    " + removed + " (a map this run did not produce)");
    }
    for (String note : notes) {
      out.println("  note       " + note);
    }
    for (String warning : warnings) {
      out.println("  warning    " + warning);
    }
  }

  private static void printGroupMaps(PrintWriter out, String folder, List<MapWriter.Written> maps) {
    int seats = 0;
    int minH = Integer.MAX_VALUE;
    int maxH = 0;
    for (MapWriter.Written d : maps) {
      seats += d.seats().size();
      minH = Math.min(minH, d.map().raster().height());
      maxH = Math.max(maxH, d.map().raster().height());
    }
    String label = folder.equals(MapBuild.DISTRICT) ? "districts" : folder;
    out.printf(Locale.ROOT, "  %-10s %d maps with %d seats in all, heights %d-%d px -> %s%n", label, maps.size(),
        seats, minH, maxH, maps.get(0).dir().getParent());
    for (MapWriter.Written d : maps) {
      SeatRaster r = d.map().raster();
      out.printf(Locale.ROOT, "    %-24s %3d seats  %4dx%-4d  smallest %s%s%n", d.dir().getFileName(),
          d.seats().size(), r.width(), r.height(), smallest(d.seats(), 1),
          d.map().rescues().isEmpty() ? "" : "  rescued " + rescued(d.map()));
    }
  }

  /** The seats with pixels in an inset's panel, each with its pixels there. */
  static List<SeatInfo> inPanel(MapWriter.Written map, InsetLayout.Panel p) {
    SeatRaster r = map.map().raster();
    long[] counts = new long[r.seats().size()];
    for (int y = p.y(); y < p.y() + p.height(); y++) {
      for (int x = p.x(); x < p.x() + p.width(); x++) {
        int o = r.owner()[y * r.width() + x];
        if (o > 0) {
          counts[o - 1]++;
        }
      }
    }
    List<SeatInfo> seats = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        SeatInfo s = map.seats().get(i);
        seats.add(new SeatInfo(s.no(), s.name(), s.group(), counts[i], s.bbox(), s.label()));
      }
    }
    return seats;
  }

  static String smallest(List<SeatInfo> seats, int n) {
    List<SeatInfo> sorted = new ArrayList<>(seats);
    sorted.sort(Comparator.comparingLong(SeatInfo::pixels).thenComparingInt(SeatInfo::no));
    List<String> parts = new ArrayList<>();
    for (SeatInfo s : sorted.subList(0, Math.min(n, sorted.size()))) {
      parts.add(s.no() + (s.name() == null ? "" : " " + s.name()) + " " + s.pixels() + " px");
    }
    return String.join(", ", parts);
  }

  static String rescued(MapBuild map) {
    if (map.rescues().isEmpty()) {
      return "none (every seat had pixels of its own)";
    }
    List<String> parts = new ArrayList<>();
    for (MaskBuilder.Rescue r : map.rescues()) {
      parts.add("seat " + r.seat() + " given (" + r.x() + "," + r.y() + ") from "
          + (r.from() == 0 ? "the background" : "seat " + r.from()));
    }
    return map.rescues().size() + " seat(s) too small for a pixel: " + String.join("; ", parts);
  }

  static String conflicts(MapBuild map) {
    if (map.conflicts().isEmpty()) {
      return "no pixel claimed by two seats";
    }
    List<String> parts = new ArrayList<>();
    for (MaskBuilder.Conflict c : map.conflicts().subList(0, Math.min(5, map.conflicts().size()))) {
      parts.add(c.kept() + " over " + c.lost() + " x" + c.pixels());
    }
    return map.conflictPixels() + " pixel(s) claimed by two seats went to the lower seat number ("
        + map.conflicts().size() + " pair(s); " + String.join(", ", parts) + (map.conflicts().size() > 5 ? ", ..." : "")
        + ")";
  }
}
