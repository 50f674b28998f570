package io.tallycast.stream.capture;

import java.nio.ByteBuffer;
import org.bytedeco.javacv.Frame;

/**
 * Triple buffer between one writer (the grab thread) and one reader (the pacer). Three frames are allocated once:
 * the writer fills its own slot, then swaps it with the "ready" slot; {@link #newest()} swaps "ready" with the slot it
 * handed out last time. So the frame a reader holds is never written until that reader calls {@link #newest()}
 * again, the writer never waits for the reader, and no picture is allocated per frame (a 1080p frame is 8 MB).
 */
final class FrameRing {
  private final Frame[] frames = new Frame[3];
  private final long[] sequences = new long[3];
  private final long[] times = new long[3];
  private final int width;
  private final int height;
  private final int bytesPerPixel;
  private int writing = 0;
  private int ready = 1;
  private int handedOut = 2;
  private long published;
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

  /** The slot the writer may fill now; only the writer thread touches it until {@link #publish()}. */
  Frame writable() {
    return frames[writing];
  }

  /** Copies rows of {@code src} (stride in bytes) into the writable frame, coping with padded strides. */
  void copyIntoWritable(ByteBuffer src, int srcStrideBytes) {
    Frame dst = frames[writing];
    ByteBuffer out = (ByteBuffer) dst.image[0];
    int dstStride = dst.imageStride; // DEPTH_UBYTE: the stride is in bytes
    int row = width * bytesPerPixel;
    ByteBuffer in = src.duplicate();
    if (srcStrideBytes == dstStride && srcStrideBytes == row) {
      in.limit(Math.min(in.capacity(), row * height)).position(0);
      out.clear();
      out.put(in);
      out.clear();
      return;
    }
    for (int y = 0; y < height; y++) {
      in.limit(y * srcStrideBytes + row).position(y * srcStrideBytes);
      out.limit(y * dstStride + row).position(y * dstStride);
      out.put(in);
    }
    out.clear();
  }

  /** Makes the writable slot the newest picture; the writer gets the older ready slot to fill next. */
  synchronized long publish(long capturedAtNanos) {
    sequences[writing] = ++published;
    times[writing] = capturedAtNanos;
    int t = ready;
    ready = writing;
    writing = t;
    lastPublishedNanos = capturedAtNanos;
    lastSequence = published;
    return published;
  }

  /** The newest picture; stays untouched until the next call. Null before the first picture. */
  synchronized CapturedFrame newest() {
    if (sequences[ready] > sequences[handedOut]) {
      int t = handedOut;
      handedOut = ready;
      ready = t;
    }
    if (sequences[handedOut] == 0) {
      return null;
    }
    return new CapturedFrame(frames[handedOut], sequences[handedOut], times[handedOut]);
  }

  long lastSequence() {
    return lastSequence;
  }

  /** Nanos (System.nanoTime) of the newest publish, or 0 before the first. */
  long lastPublishedNanos() {
    return lastPublishedNanos;
  }
}
