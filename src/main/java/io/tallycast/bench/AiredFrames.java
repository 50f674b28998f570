package io.tallycast.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes what the RTMP peer received, frame by frame, as small luma pictures (FFmpeg scales and drops the colour as it
 * decodes): a two-minute 1080p recording stays a stream of 130 kB pictures, never held whole in memory.
 */
final class AiredFrames {
  /** Receives each decoded picture, in order; {@code luma} is a fresh array the receiver may keep. */
  interface Receiver {
    void picture(long micros, byte[] luma) throws Exception;
  }

  private AiredFrames() {
  }

  /** Decodes {@code file} at {@code width} x {@code height}; returns the number of pictures. */
  static long decode(Path file, int width, int height, Receiver receiver) throws Exception {
    long pictures = 0;
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
      grabber.setImageWidth(width);
      grabber.setImageHeight(height);
      grabber.start();
      Frame frame;
      while ((frame = grabber.grabImage()) != null) {
        ByteBuffer image = (ByteBuffer) frame.image[0];
        byte[] luma = new byte[width * height];
        for (int y = 0; y < height; y++) {
          image.position(y * frame.imageStride);
          image.get(luma, y * width, width);
        }
        receiver.picture(frame.timestamp, luma);
        pictures++;
      }
      grabber.stop();
    }
    return pictures;
  }
}
