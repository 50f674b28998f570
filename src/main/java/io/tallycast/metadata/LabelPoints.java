package io.tallycast.metadata;

import io.tallycast.map.SeatMask;

/**
 * A label point per seat: the seat's pixel farthest from its edge (a pole of inaccessibility on the pixel grid), by a
 * 3-4 chamfer distance transform over the seat's bounding box; ties go to the pixel nearest the seat's centroid, then
 * to the first in row order. The point is always one of the seat's own pixels.
 */
public final class LabelPoints {

  private LabelPoints() {
  }

  /** {x, y} inside the seat; {0, 0} for a seat without pixels. */
  public static int[] of(SeatMask mask) {
    if (mask.runCount() == 0) {
      return new int[] {0, 0};
    }
    int[] box = mask.bbox();
    int w = box[2] + 2;
    int h = box[3] + 2;
    int[] d = new int[w * h]; // one blank pixel of padding around the box: outside is distance 0
    int big = Integer.MAX_VALUE / 4;
    double sumX = 0;
    double sumY = 0;
    long count = 0;
    for (int i = 0; i < mask.runCount(); i++) {
      int y = mask.rows()[i] - box[1] + 1;
      int x0 = mask.starts()[i] - box[0] + 1;
      int len = mask.lengths()[i];
      for (int x = x0; x < x0 + len; x++) {
        d[y * w + x] = big;
      }
      sumX += (x0 + (len - 1) / 2.0) * len;
      sumY += (double) y * len;
      count += len;
    }
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int p = y * w + x;
        if (d[p] != 0) {
          d[p] = min(d[p], d[p - 1] + 3, d[p - w] + 3, d[p - w - 1] + 4, d[p - w + 1] + 4);
        }
      }
    }
    double cx = sumX / count;
    double cy = sumY / count;
    int best = -1;
    int bestDistance = -1;
    double bestToCentre = Double.POSITIVE_INFINITY;
    for (int y = h - 2; y >= 1; y--) {
      for (int x = w - 2; x >= 1; x--) {
        int p = y * w + x;
        if (d[p] != 0) {
          d[p] = min(d[p], d[p + 1] + 3, d[p + w] + 3, d[p + w + 1] + 4, d[p + w - 1] + 4);
        }
      }
    }
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int p = y * w + x;
        if (d[p] == 0 || d[p] < bestDistance) {
          continue;
        }
        double toCentre = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        if (d[p] > bestDistance || toCentre < bestToCentre) {
          best = p;
          bestDistance = d[p];
          bestToCentre = toCentre;
        }
      }
    }
    return new int[] {best % w - 1 + box[0], best / w - 1 + box[1]};
  }

  private static int min(int a, int b, int c, int d, int e) {
    return Math.min(Math.min(Math.min(a, b), Math.min(c, d)), e);
  }
}
