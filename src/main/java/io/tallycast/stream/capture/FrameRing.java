package io.tallycast.stream.capture;

import java.nio.ByteBuffer;
import org.bytedeco.javacv.Frame;

/**
 * Triple buffer between one writer (the grab thread) and one reader (the pacer). Three frames are allocated once:
 * the writer fills its own slot, then swaps it with the "ready" slot; {@link #newest()} swaps "ready" with the slot it
 * handed out last time. So the frame a reader holds is never written until that reader calls {@link #newest()}
 * again, the writer never waits for the reader, and no picture is allocated per frame (a 1080p frame is 8 MB).
 *
 * <p>Every picture carries its {@link Damage} against the one before. {@link #publishIfChanged} compares a grabbed
 * picture with the last published one and publishes only a picture that differs, copying only the bands the slot
 * being filled lacks; the reader gets the damage since the picture it took last, so it converts only those bands.
 */
final class FrameRing {
  /** Publishes remembered: a slot or a reader further behind than this is brought up to date whole. */
  private static final int HISTORY = 8;

  private final Frame[] frames = new Frame[3];
  private final long[] sequences = new long[3];
  private final long[] times = new long[3];
  private final Damage[] history = new Damage[HISTORY];
  private final int width;
  private final int height;
  private final int bytesPerPixel;
  private int writing = 0;
  private int ready = 1;
  private int handedOut = 2;
  private long published;
  /** The last published picture: only read, by both threads, until it comes back to the writer two publishes on. */
  private Frame last;
  private long readerSequence;
  private volatile long lastPublishedNanos;
  private volatile long lastSequence;

  FrameRing(int width, int height, int channels) {
    this.width = width;
    this.height = height;
    this.bytesPerPixel = channels;
    for (int i = 0; i < 3; i++) {
      frames[i] = new Frame(width, height, Frame.DEPTH_UBYTE, channels);
    }
  }

  /** The slot the writer may fill now; only the writer thread touches it until {@link #publish}. */
  Frame writable() {
    return frames[writing];
  }

  /**
   * Writer thread: publishes {@code src} if it differs from the last published picture, copying into the writable
   * slot only the bands where that slot's older picture differs from it. Returns false for an unchanged picture.
   */
  boolean publishIfChanged(ByteBuffer src, int srcStrideBytes, long capturedAtNanos) {
    int row = width * bytesPerPixel;
    Damage damage = last == null ? Damage.all(height)
        : Damage.between((ByteBuffer) last.image[0], last.imageStride, src, srcStrideBytes, row, height);
    if (damage.isEmpty()) {
      return false;
    }
    copyBands(src, srcStrideBytes, staleBands(damage));
    publish(capturedAtNanos, damage);
    return true;
  }

  /** What the writable slot's picture lacks: everything published since it was written, and this damage. */
  private synchronized Damage staleBands(Damage damage) {
    long slotSequence = sequences[writing];
    if (slotSequence == 0 || published - slotSequence >= HISTORY) {
      return Damage.all(height);
    }
    Damage stale = damage;
    for (long s = slotSequence + 1; s <= published; s++) {
      stale = stale.union(history[(int) (s % HISTORY)]);
    }
    return stale;
  }

  /** Copies every row of {@code src} (stride in bytes) into the writable frame, coping with padded strides. */
  void copyIntoWritable(ByteBuffer src, int srcStrideBytes) {
    copyBands(src, srcStrideBytes, Damage.all(height));
  }

  private void copyBands(ByteBuffer src, int srcStrideBytes, Damage bands) {
    Frame dst = frames[writing];
    ByteBuffer out = ((ByteBuffer) dst.image[0]).duplicate();
    int dstStride = dst.imageStride; // DEPTH_UBYTE: the stride is in bytes
    int row = width * bytesPerPixel;
    ByteBuffer in = src.duplicate();
    for (int band = 0; band < bands.bands(); band++) {
      if (!bands.changed(band)) {
        continue;
      }
      int first = Damage.firstRow(band);
      int rows = bands.rows(band);
      if (srcStrideBytes == row && dstStride == row) { // unpadded: the band is one run of bytes
        out.put(first * row, in, first * row, rows * row);
        continue;
      }
      for (int y = first; y < first + rows; y++) {
        out.put(y * dstStride, in, y * srcStrideBytes, row);
      }
    }
  }

  /** Makes the writable slot the newest picture; the writer gets the older ready slot to fill next. */
  synchronized long publish(long capturedAtNanos) {
    return publish(capturedAtNanos, Damage.all(height));
  }

  private synchronized long publish(long capturedAtNanos, Damage damage) {
    sequences[writing] = ++published;
    times[writing] = capturedAtNanos;
    history[(int) (published % HISTORY)] = damage;
    last = frames[writing];
    int t = ready;
    ready = writing;
    writing = t;
    lastPublishedNanos = capturedAtNanos;
    lastSequence = published;
    return published;
  }

  /**
   * The newest picture, with what changed since the picture this reader took last; stays untouched until the next
   * call. Null before the first picture.
   */
  synchronized CapturedFrame newest() {
    if (sequences[ready] > sequences[handedOut]) {
      int t = handedOut;
      handedOut = ready;
      ready = t;
    }
    long sequence = sequences[handedOut];
    if (sequence == 0) {
      return null;
    }
    Damage damage = Damage.none(height);
    if (readerSequence == 0 || sequence - readerSequence >= HISTORY) {
      damage = Damage.all(height);
    } else {
      for (long s = readerSequence + 1; s <= sequence; s++) {
        damage = damage.union(history[(int) (s % HISTORY)]);
      }
    }
    readerSequence = sequence;
    return new CapturedFrame(frames[handedOut], sequence, times[handedOut], damage);
  }

  long lastSequence() {
    return lastSequence;
  }

  /** Nanos (System.nanoTime) of the newest publish, or 0 before the first. */
  long lastPublishedNanos() {
    return lastPublishedNanos;
  }
}
