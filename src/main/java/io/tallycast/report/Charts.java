package io.tallycast.report;

import io.tallycast.bus.LeadFlipped;
import io.tallycast.bus.PartySeats;
import io.tallycast.bus.SeatDeclared;
import io.tallycast.bus.TallyChanged;
import io.tallycast.report.AudienceFigures.Audience;
import io.tallycast.report.AudienceFigures.Point;
import io.tallycast.store.NightRecord.Party;
import io.tallycast.store.NightRecord.StreamSample;
import io.tallycast.store.NightRecord.TimedEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's three kinds of chart (XChart, as inline SVG): viewers over time with declarations and lead flips
 * marked, each state's seats declared and party tallies, and the stream's health. Time runs in the report's zone.
 */
final class Charts {
  static final int WIDTH = 900;
  static final int HEIGHT = 360;
  /** Points per line at most: a night of 5 s samples would make a heavy page for no visible gain. */
  static final int MAX_POINTS = 600;
  private static final int TOP_PARTIES = 6;
  private final ZoneId zone;
  /** Clock times on the time axis: with seconds for a window of a few minutes, whose ticks would all read alike. */
  private final String timePattern;

  Charts(ZoneId zone, Duration window) {
    this.zone = zone;
    this.timePattern = window.compareTo(Duration.ofMinutes(10)) < 0 ? "HH:mm:ss" : "HH:mm";
  }

  /** Viewers per platform and in total, as held (steps); declarations and lead flips marked on the total. */
  Optional<String> viewers(Audience audience, List<TimedEvent> events, Instant end) {
    // a platform that never gave a figure (hidden all night, refused) has no line to draw
    Map<String, List<Point>> drawn = new java.util.TreeMap<>();
    audience.platformSteps().forEach((platform, steps) -> {
      if (!steps.isEmpty()) {
        drawn.put(platform, steps);
      }
    });
    if (drawn.isEmpty()) {
      return Optional.empty();
    }
    XYChart chart = chart("viewers");
    drawn.forEach((platform, steps) -> step(chart, platform, steps, end));
    if (drawn.size() > 1 && !audience.totalSteps().isEmpty()) {
      step(chart, "all platforms", audience.totalSteps(), end).setLineColor(Color.BLACK).setLineWidth(2.5f);
    }
    List<Date> declaredAt = new ArrayList<>();
    List<Long> declaredY = new ArrayList<>();
    List<Date> flippedAt = new ArrayList<>();
    List<Long> flippedY = new ArrayList<>();
    for (TimedEvent e : events) {
      if (e.event() instanceof SeatDeclared) {
        declaredAt.add(Date.from(e.committed()));
        declaredY.add(valueAt(audience.totalSteps(), e.committed()));
      } else if (e.event() instanceof LeadFlipped) {
        flippedAt.add(Date.from(e.committed()));
        flippedY.add(valueAt(audience.totalSteps(), e.committed()));
      }
    }
    marks(chart, "declarations", declaredAt, declaredY, new Color(0x1b, 0x7f, 0x3b));
    marks(chart, "lead flips", flippedAt, flippedY, new Color(0xd9, 0x5f, 0x02));
    return Optional.of(Svg.of(chart));
  }

  /** One state's seats declared and its top parties' won + leading over the window, with the majority mark. */
  Optional<String> tallies(String state, long majority, List<TimedEvent> events, List<Party> parties, Instant start,
                           Instant end) {
    Map<String, PartySeats> now = new HashMap<>();
    List<Date> at = new ArrayList<>();
    List<Map<String, PartySeats>> moments = new ArrayList<>();
    for (TimedEvent e : events) {
      if (!(e.event() instanceof TallyChanged t) || !state.equals(t.state()) || e.committed().isAfter(end)) {
        continue;
      }
      if (!e.committed().isBefore(start) && at.isEmpty()) {
        at.add(Date.from(start)); // where the window found the tallies
        moments.add(new HashMap<>(now));
      }
      now.putAll(t.after());
      if (!e.committed().isBefore(start)) {
        at.add(Date.from(e.committed()));
        moments.add(new HashMap<>(now));
      }
    }
    if (at.isEmpty()) {
      return Optional.empty();
    }
    at.add(Date.from(end));
    moments.add(now);
    XYChart chart = chart("seats");
    Map<String, String> colours = new HashMap<>();
    parties.forEach(p -> colours.put(p.code(), p.color()));
    List<String> top = now.entrySet().stream().filter(e -> e.getValue().won() + e.getValue().leading() > 0)
        .sorted(Comparator.comparingInt((Map.Entry<String, PartySeats> e) -> e.getValue().won()
            + e.getValue().leading()).reversed().thenComparing(Map.Entry::getKey))
        .limit(TOP_PARTIES).map(Map.Entry::getKey).toList();
    for (String party : top) {
      List<Integer> seats = moments.stream().map(m -> m.getOrDefault(party, PartySeats.NONE))
          .map(s -> s.won() + s.leading()).toList();
      line(chart, party + " won + leading", at, seats).setLineColor(colour(colours.get(party)));
    }
    List<Integer> declared = moments.stream().map(m -> m.values().stream().mapToInt(PartySeats::won).sum()).toList();
    line(chart, "seats declared", at, declared).setLineColor(Color.DARK_GRAY)
        .setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    line(chart, "majority (" + majority + ")", List.of(at.get(0), at.get(at.size() - 1)), List.of(majority, majority))
        .setLineColor(Color.GRAY).setLineWidth(1f);
    return Optional.of(Svg.of(chart));
  }

  /** Per channel: frames per second and bitrate (left axis), frames dropped so far (right axis). */
  Optional<String> stream(List<StreamSample> before, List<StreamSample> window) {
    Map<String, List<StreamSample>> byChannel = StreamFigures.byChannel(window);
    if (byChannel.isEmpty()) {
      return Optional.empty();
    }
    Map<String, StreamSample> baseline = new TreeMap<>();
    before.stream().filter(s -> "running".equals(s.state())).forEach(s -> baseline.put(s.channel(), s));
    XYChart chart = chart("fps, Mbit/s");
    chart.setYAxisGroupTitle(1, "frames dropped (cumulative)");
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    boolean several = byChannel.size() > 1;
    byChannel.forEach((channel, samples) -> {
      List<StreamSample> kept = thin(samples);
      String prefix = several ? channel + " " : "";
      List<Date> at = kept.stream().map(s -> Date.from(s.at())).toList();
      line(chart, prefix + "fps", at, values(kept, StreamSample::fps));
      line(chart, prefix + "Mbit/s", at, values(kept, s -> s.bitrate() / 1_000_000.0));
      long[] dropped = StreamFigures.cumulative(baseline.get(channel), samples, StreamSample::dropped);
      List<Long> droppedKept = new ArrayList<>();
      int stride = stride(samples.size());
      for (int i = 0; i < samples.size(); i += stride) {
        droppedKept.add(dropped[i]);
      }
      if ((samples.size() - 1) % stride != 0) {
        droppedKept.add(dropped[samples.size() - 1]);
      }
      line(chart, prefix + "dropped", at, droppedKept).setYAxisGroup(1);
    });
    return Optional.of(Svg.of(chart));
  }

  private XYChart chart(String yTitle) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).yAxisTitle(yTitle).build();
    chart.getStyler().setChartTitleVisible(false).setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideS)
        .setLegendLayout(Styler.LegendLayout.Horizontal).setLegendBorderColor(Color.WHITE);
    XYStyler styler = chart.getStyler();
    styler.setDatePattern(timePattern).setTimezone(TimeZone.getTimeZone(zone));
    styler.setYAxisMin(0.0);
    styler.setPlotGridLinesColor(new Color(0xe0, 0xe0, 0xe0)).setPlotBorderVisible(false).setMarkerSize(6);
    return chart;
  }

  private static XYSeries step(XYChart chart, String name, List<Point> steps, Instant end) {
    List<Point> kept = new ArrayList<>(steps);
    Point last = kept.get(kept.size() - 1);
    if (last.at().isBefore(end)) {
      kept.add(new Point(end, last.viewers()));
    }
    kept = thin(kept);
    XYSeries s = chart.addSeries(name, kept.stream().map(p -> Date.from(p.at())).toList(),
        kept.stream().map(Point::viewers).toList());
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  private static XYSeries line(XYChart chart, String name, List<Date> at, List<? extends Number> values) {
    XYSeries s = chart.addSeries(name, at, values);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  private static void marks(XYChart chart, String name, List<Date> at, List<Long> y, Color colour) {
    if (at.isEmpty()) {
      return;
    }
    XYSeries s = chart.addSeries(name, at, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.DIAMOND);
    s.setMarkerColor(colour);
  }

  /** The value the step function holds at a moment (0 before its first point). */
  static long valueAt(List<Point> steps, Instant at) {
    long value = 0;
    for (Point p : steps) {
      if (p.at().isAfter(at)) {
        break;
      }
      value = p.viewers();
    }
    return value;
  }

  private static int stride(int size) {
    return Math.max(1, (size + MAX_POINTS - 1) / MAX_POINTS);
  }

  /** Every k-th element and the last, so at most about MAX_POINTS remain. */
  private static <T> List<T> thin(List<T> all) {
    int stride = stride(all.size());
    if (stride == 1) {
      return all;
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += stride) {
      out.add(all.get(i));
    }
    if ((all.size() - 1) % stride != 0) {
      out.add(all.get(all.size() - 1));
    }
    return out;
  }

  private static List<Double> values(List<StreamSample> samples, ToDoubleFunction<StreamSample> f) {
    return samples.stream().map(s -> f.applyAsDouble(s)).toList();
  }

  private static Color colour(String hex) {
    return hex != null && hex.matches("#[0-9a-fA-F]{6}") ? Color.decode(hex) : Color.GRAY;
  }
}
