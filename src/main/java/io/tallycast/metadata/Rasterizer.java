package io.tallycast.metadata;

import java.util.Arrays;
import java.util.List;

/**
 * Scanline fill of one polygon (an outline and its holes, even-odd over the rings, so holes subtract) at pixel
 * centres: pixel (c, r) is inside when its centre (c + 0.5, r + 0.5) is. The rule is half-open on both axes (an edge
 * counts for rows whose centre y is in [ymin, ymax), a span covers centres x in [xa, xb)), and every edge is evaluated
 * from its lower end: two polygons that share an edge compute bit-identical crossings, so a pixel centre on the shared
 * edge falls in exactly one of them.
 */
final class Rasterizer {

  /** Receives the pixels of one row, columns {@code from} (inclusive) to {@code to} (exclusive). */
  interface Spans {
    void span(int row, int from, int to);
  }

  private Rasterizer() {
  }

  static void fill(List<double[]> rings, int width, int height, Spans out) {
    int edges = 0;
    for (double[] ring : rings) {
      edges += ring.length / 2;
    }
    double[] x0 = new double[edges];
    double[] y0 = new double[edges];
    double[] slope = new double[edges];
    double[] y1 = new double[edges];
    int n = 0;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[] ring : rings) {
      int points = ring.length / 2;
      for (int i = 0; i < points; i++) {
        int j = (i + 1) % points;
        double ax = ring[2 * i];
        double ay = ring[2 * i + 1];
        double bx = ring[2 * j];
        double by = ring[2 * j + 1];
        if (ay == by) {
          continue; // horizontal edges never cross a row centre under the half-open rule
        }
        if (ay > by || ay == by && ax > bx) {
          double t = ax;
          ax = bx;
          bx = t;
          t = ay;
          ay = by;
          by = t;
        }
        x0[n] = ax;
        y0[n] = ay;
        y1[n] = by;
        slope[n] = (bx - ax) / (by - ay);
        minY = Math.min(minY, ay);
        maxY = Math.max(maxY, by);
        n++;
      }
    }
    if (n == 0) {
      return;
    }
    // rows whose centre lies in [minY, maxY)
    int firstRow = (int) Math.max(0, Math.ceil(minY - 0.5));
    int lastRow = (int) Math.min(height - 1, Math.ceil(maxY - 0.5) - 1);
    Integer[] order = sortedByTop(y0, n);
    double[] crossings = new double[n];
    int[] active = new int[n];
    int activeCount = 0;
    int next = 0;
    for (int row = firstRow; row <= lastRow; row++) {
      double yc = row + 0.5;
      while (next < n && y0[order[next]] <= yc) {
        active[activeCount++] = order[next++];
      }
      int k = 0;
      int kept = 0;
      for (int a = 0; a < activeCount; a++) {
        int e = active[a];
        if (y1[e] <= yc) {
          continue; // finished: drop it
        }
        active[kept++] = e;
        crossings[k++] = x0[e] + (yc - y0[e]) * slope[e];
      }
      activeCount = kept;
      Arrays.sort(crossings, 0, k);
      for (int i = 0; i + 1 < k; i += 2) {
        int from = (int) Math.max(0, Math.ceil(crossings[i] - 0.5));
        int to = (int) Math.min(width, Math.ceil(crossings[i + 1] - 0.5));
        if (to > from) {
          out.span(row, from, to);
        }
      }
    }
  }

  private static Integer[] sortedByTop(double[] y0, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(y0[a], y0[b]));
    return order;
  }
}
