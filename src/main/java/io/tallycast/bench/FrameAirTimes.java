package io.tallycast.bench;

import io.tallycast.stream.encode.PacketSink;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * When each video frame went on air: the pts of every video packet as it left the encoder, with
 * {@link System#nanoTime()} at that moment. Tapped into the stream's fan-out, so it runs on the clock thread and only
 * appends two longs. The encoder has no B-frames (zerolatency), so packets leave in presentation order.
 */
final class FrameAirTimes implements PacketSink {
  private long[] pts = new long[8192];
  private long[] nanos = new long[8192];
  private int count;

  @Override
  public synchronized void accept(AVPacket packet, int stream) {
    if (stream != VIDEO) {
      return;
    }
    if (count == pts.length) {
      pts = Arrays.copyOf(pts, count * 2);
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    pts[count] = packet.pts();
    nanos[count] = System.nanoTime();
    count++;
  }

  synchronized int count() {
    return count;
  }

  /** The pts of the first packet: the muxer counts the file's time from it. */
  synchronized long firstPts() {
    return count == 0 ? 0 : pts[0];
  }

  /** When the packet of that pts left the encoder, or -1 when no such packet was seen. */
  synchronized long airNanos(long packetPts) {
    int i = Arrays.binarySearch(pts, 0, count, packetPts);
    return i < 0 ? -1 : nanos[i];
  }
}
