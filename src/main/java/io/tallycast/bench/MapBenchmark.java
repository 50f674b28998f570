package io.tallycast.bench;

import io.tallycast.election.PartyRegistry;
import io.tallycast.map.BandedPng;
import io.tallycast.map.MapCanvas;
import io.tallycast.map.MapDefinition;
import io.tallycast.map.MapSource;
import io.tallycast.map.PublishedMaps;
import io.tallycast.map.SeatColors;
import io.tallycast.map.SeatInfo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What a map publish costs on the real state map: (a) one seat repainted, encoded and published, for each
 * of the map's seats in turn, against (b) every seat repainted, the whole image encoded and published. Runs on one
 * thread, as the renderer's painter does; wall and thread CPU time per publish.
 */
public final class MapBenchmark {
  private final PrintStream out;

  public MapBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(MapSource source, PartyRegistry parties, int warmups, int rounds, Path workDir) throws Exception {
    MapDefinition map = source.load().stream().filter(m -> m.name().equals(MapDefinition.STATE)).findFirst()
        .orElseThrow();
    int[] colours = {colour(parties, "AITC"), colour(parties, "BJP"), SeatColors.tint(colour(parties, "AITC"))};
    List<SeatInfo> seats = map.seats();
    try (PublishedMaps published = new PublishedMaps(workDir); MapCanvas canvas = MapCanvas.build(map)) {
      published.register(new PublishedMaps.Entry(map.name(), map.title(), map.width(), map.height(), map.seatsJson()));
      out.printf("state map %s: %dx%d, %d seats, %d bands of %d rows, deflate level %d%n", source, map.width(),
          map.height(), seats.size(), canvas.png().bandCount(), BandedPng.DEFAULT_BAND_ROWS, BandedPng.DEFAULT_LEVEL);
      int turn = 0;
      for (int w = 0; w < warmups; w++) {
        for (SeatInfo s : seats) {
          onePublish(canvas, published, s.no(), colours[turn++ % 2]);
        }
        fullPublish(canvas, published, seats, colours[turn++ % 3]);
      }
      Map<Integer, List<Double>> perSeat = new HashMap<>();
      List<double[]> one = new ArrayList<>();
      List<double[]> full = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (SeatInfo s : seats) {
          double[] t = onePublish(canvas, published, s.no(), colours[turn++ % 2]);
          one.add(t);
          perSeat.computeIfAbsent(s.no(), k -> new ArrayList<>()).add(t[0]);
        }
        full.add(fullPublish(canvas, published, seats, colours[turn++ % 3]));
      }
      byte[] png = canvas.snapshot().bytes();
      double oneMedian = median(one, 0);
      double fullMedian = median(full, 0);
      out.printf("(a) one seat : repaint + encode + publish %.2f ms median (p90 %.2f, max %.2f; CPU %.2f ms) "
          + "over %d publishes (every seat, %d rounds)%n", oneMedian, percentile(one, 0, 0.9), percentile(one, 0, 1.0),
          median(one, 1), one.size(), rounds);
      SeatInfo small = seats.stream().filter(s -> "KOLKATA".equalsIgnoreCase(s.group()))
          .min(Comparator.comparingLong(SeatInfo::pixels)).orElse(seats.get(0));
      SeatInfo big = seats.stream().max(Comparator.comparingLong(SeatInfo::pixels)).orElseThrow();
      for (SeatInfo s : List.of(small, big)) {
        out.printf("    seat %3d %-22s %6d px, %3d rows: %.2f ms%n", s.no(), s.name(), s.pixels(), s.bbox()[3],
            median(perSeat.get(s.no())));
      }
      out.printf("(b) all seats: repaint + encode + publish %.2f ms median (min %.2f, max %.2f; CPU %.2f ms) "
          + "over %d%n", fullMedian, percentile(full, 0, 0.0), percentile(full, 0, 1.0), median(full, 1), full.size());
      double fileCopy = fileCopy(published.file(map.name()), png);
      double conventional = imageIo(canvas, map);
      out.printf("ratio (b)/(a): %.1fx; PNG %d bytes (%.0f KB)%n", fullMedian / oneMedian, png.length,
          png.length / 1024.0);
      out.printf("disk copy (temporary file + atomic rename, written behind on its own thread, coalesced): %.2f ms "
          + "per write%n", fileCopy);
      out.printf("a conventional full encode (ImageIO.write, %d bytes) takes %.1f ms: %.1fx (a)%n", imageIoSize,
          conventional, conventional / oneMedian);
      out.printf("target: one seat <= 5 ms: %s; >= 20x cheaper than a full repaint with this encoder: %s (%.1fx); "
          + "than a conventional full encode: %s%n", oneMedian <= 5 ? "met" : "NOT met",
          fullMedian / oneMedian >= 20 ? "met" : "not met", fullMedian / oneMedian,
          conventional / oneMedian >= 20 ? "met" : "not met");
    }
  }

  private int imageIoSize;

  private static double[] onePublish(MapCanvas canvas, PublishedMaps published, int seat, int colour) throws Exception {
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    canvas.forcePaint(seat, colour);
    published.publish(canvas.name(), canvas.snapshot());
    canvas.takeRepainted();
    return new double[] {(System.nanoTime() - t0) / 1e6, (cpu() - cpu0) / 1e6};
  }

  private static double[] fullPublish(MapCanvas canvas, PublishedMaps published, List<SeatInfo> seats, int colour)
      throws Exception {
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    for (SeatInfo s : seats) {
      canvas.forcePaint(s.no(), colour);
    }
    canvas.png().touchRows(0, canvas.png().height() - 1); // the whole picture, borders and background included
    published.publish(canvas.name(), canvas.snapshot());
    canvas.takeRepainted();
    return new double[] {(System.nanoTime() - t0) / 1e6, (cpu() - cpu0) / 1e6};
  }

  /** What the disk copy costs its writer thread: temporary file, write, atomic rename over the previous copy. */
  private static double fileCopy(Path file, byte[] png) throws Exception {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".bench");
    double[] times = new double[51];
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      Files.write(temp, png);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      times[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }

  private double imageIo(MapCanvas canvas, MapDefinition map) throws Exception {
    BufferedImage image = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < map.height(); y++) {
      for (int x = 0; x < map.width(); x++) {
        image.setRGB(x, y, canvas.rgbAt(x, y));
      }
    }
    double[] times = new double[7];
    for (int i = 0; i < times.length; i++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      long t0 = System.nanoTime();
      ImageIO.write(image, "png", bytes);
      times[i] = (System.nanoTime() - t0) / 1e6;
      imageIoSize = bytes.size();
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }

  private static int colour(PartyRegistry parties, String code) {
    return parties.byCode(code).map(p -> Integer.parseInt(p.color().substring(1), 16)).orElse(0x808080);
  }

  private static long cpu() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    return mx.getCurrentThreadCpuTime();
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v[v.length / 2];
  }

  private static double median(List<double[]> runs, int column) {
    return percentile(runs, column, 0.5);
  }

  private static double percentile(List<double[]> runs, int column, double p) {
    double[] v = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return v[(int) Math.min(v.length - 1, Math.floor(p * v.length))];
  }
}
