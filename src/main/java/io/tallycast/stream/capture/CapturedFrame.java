package io.tallycast.stream.capture;

import org.bytedeco.javacv.Frame;

/**
 * One captured picture: the frame, a sequence number that grows with every new picture, when it was taken, and what
 * changed since the picture the same reader took before ({@code null}: the source cannot tell, take it all as new).
 */
public record CapturedFrame(Frame frame, long sequence, long capturedAtNanos, Damage damage) {
  public CapturedFrame(Frame frame, long sequence, long capturedAtNanos) {
    this(frame, sequence, capturedAtNanos, null);
  }
}
