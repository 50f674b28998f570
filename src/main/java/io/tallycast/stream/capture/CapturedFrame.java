package io.tallycast.stream.capture;

import org.bytedeco.javacv.Frame;

/** One captured picture: the frame, a sequence number that grows with every new picture, and when it was taken. */
public record CapturedFrame(Frame frame, long sequence, long capturedAtNanos) {
}
