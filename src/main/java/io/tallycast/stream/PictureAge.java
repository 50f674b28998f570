package io.tallycast.stream;

import java.nio.ByteBuffer;
import org.bytedeco.javacv.Frame;

/**
 * How long the picture on air has looked the same. The overlay has a running clock and a ticker, so a picture that
 * does not change for seconds means a frozen page (or a capture holding its last picture), whatever the frame rate
 * says. Fed by the clock thread with each new picture; at most every {@link #SAMPLE_NANOS} it hashes every other row
 * of the frame (about 1 ms at 1080p measured on the 2-core test machine, so at most 0.5 % of a core), and read from any
 * thread.
 */
final class PictureAge {
  static final long SAMPLE_NANOS = 200_000_000L;
  private static final int ROW_STEP = 2; // a change must be two pixels tall to be seen: every glyph is
  private long lastHash;
  private long lastSampleNanos;
  private boolean sampled;
  private volatile long changedAtNanos;
  private volatile long hashCostNanos;
  private volatile long samples;

  PictureAge(long startNanos) {
    this.changedAtNanos = startNanos;
  }

  /** A new picture from the source (clock thread only); compares it with the last sampled one now and then. */
  void offer(Frame frame, long nowNanos) {
    if (sampled && nowNanos - lastSampleNanos < SAMPLE_NANOS) {
      return;
    }
    long t0 = System.nanoTime();
    int bytes = Math.max(1, Math.abs(frame.imageDepth) / 8); // the stride counts elements of the depth
    long hash = hash((ByteBuffer) frame.image[0], frame.imageStride * bytes,
        frame.imageWidth * frame.imageChannels * bytes, frame.imageHeight);
    hashCostNanos += System.nanoTime() - t0;
    samples++;
    if (!sampled || hash != lastHash) {
      changedAtNanos = nowNanos;
    }
    lastHash = hash;
    lastSampleNanos = nowNanos;
    sampled = true;
  }

  private static long hash(ByteBuffer pixels, int strideBytes, int bytesPerRow, int height) {
    long h = 0x9E3779B97F4A7C15L;
    int longs = bytesPerRow / 8;
    for (int y = 0; y < height; y += ROW_STEP) {
      int row = y * strideBytes;
      long r = 0;
      for (int i = 0; i < longs; i++) {
        r = (r ^ pixels.getLong(row + i * 8)) * 0x100000001B3L;
      }
      h = Long.rotateLeft(h ^ r, 23) * 0x9E3779B97F4A7C15L;
    }
    return h;
  }

  /** A new picture known to differ from the last (the source compared them): no hashing needed. */
  void changed(long nowNanos) {
    changedAtNanos = nowNanos;
  }

  /** Nanos since the picture last changed (since the start before the first picture). */
  long ageNanos(long nowNanos) {
    return Math.max(0, nowNanos - changedAtNanos);
  }

  /** Average cost of one comparison in microseconds, for the benchmark and the tests. */
  double costMicros() {
    long n = samples;
    return n == 0 ? 0 : hashCostNanos / 1000.0 / n;
  }
}
