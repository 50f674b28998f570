package io.tallycast.map;

/**
 * The pixels of one seat on one map, as horizontal runs: run i covers row {@code rows[i]}, columns
 * {@code starts[i]} to {@code starts[i] + lengths[i] - 1}. Runs are sorted by row, then start, and never overlap.
 */
public record SeatMask(int seat, int[] rows, int[] starts, int[] lengths) {
  public SeatMask {
    if (rows.length != starts.length || rows.length != lengths.length) {
      throw new IllegalArgumentException("seat " + seat + ": run arrays differ in length");
    }
  }

  public int runCount() {
    return rows.length;
  }

  public long pixels() {
    long n = 0;
    for (int length : lengths) {
      n += length;
    }
    return n;
  }

  /** {x, y, width, height} of the smallest rectangle holding every run; all zero for a seat without pixels. */
  public int[] bbox() {
    if (rows.length == 0) {
      return new int[] {0, 0, 0, 0};
    }
    int minX = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE;
    for (int i = 0; i < rows.length; i++) {
      minX = Math.min(minX, starts[i]);
      maxX = Math.max(maxX, starts[i] + lengths[i] - 1);
    }
    return new int[] {minX, rows[0], maxX - minX + 1, rows[rows.length - 1] - rows[0] + 1};
  }

  public boolean contains(int x, int y) {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == y && x >= starts[i] && x < starts[i] + lengths[i]) {
        return true;
      }
    }
    return false;
  }
}
