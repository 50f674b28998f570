package io.tallycast.metadata;

import io.tallycast.map.SeatInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The end-of-run summary on stdout: seats, pixels, the smallest seats, seats rescued, clashes, districts, time. */
public final class MaskSummary {

  private MaskSummary() {
  }

  public static void print(PrintWriter out, String source, MapSet.Result result, List<String> warnings,
      long nanos) {
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
    if (maps.size() > 1) {
      int seats = 0;
      int minH = Integer.MAX_VALUE;
      int maxH = 0;
      for (MapWriter.Written d : maps.subList(1, maps.size())) {
        seats += d.seats().size();
        minH = Math.min(minH, d.map().raster().height());
        maxH = Math.max(maxH, d.map().raster().height());
      }
      out.printf(Locale.ROOT, "  districts  %d maps with %d seats in all, heights %d-%d px -> %s%n", maps.size() - 1,
          seats, minH, maxH, maps.get(1).dir().getParent());
      for (MapWriter.Written d : maps.subList(1, maps.size())) {
        SeatRaster r = d.map().raster();
        out.printf(Locale.ROOT, "    %-24s %3d seats  %4dx%-4d  smallest %s%s%n", d.dir().getFileName(),
            d.seats().size(), r.width(), r.height(), smallest(d.seats(), 1),
            d.map().rescues().isEmpty() ? "" : "  rescued " + rescued(d.map()));
      }
    }
    for (String removed : result.removed()) {
      out.println("  removed    " + removed + " (a district this run did not produce)");
    }
    for (String warning : warnings) {
      out.println("  warning    " + warning);
    }
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
