package io.tallycast.stream;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.Frame;

/**
 * A small still of what goes on air, for the console: the clock thread samples the picture it is about to encode
 * down to {@value #WIDTH} px wide at most once a second, and only while someone has asked for a preview in the last
 * {@value #WANTED_FOR_MS} ms, so an unwatched stream pays nothing. JPEG encoding happens on the reader's thread.
 */
public final class PreviewTap implements AutoCloseable {
  static final int WIDTH = 384;
  static final long WANTED_FOR_MS = 10_000;
  private static final long EVERY_NANOS = 1_000_000_000L;

  private final int height;
  private volatile long wantedUntil;
  private volatile Still latest;
  private long lastTaken;

  private record Still(byte[] bgr, long at) {
  }

  PreviewTap(int width, int height) {
    this.height = Math.max(2, Math.round(height * (float) WIDTH / width) & ~1);
  }

  /**
   * Clock thread: keeps a scaled copy of this picture when one is wanted and the last is a second old. Nearest-pixel
   * sampling in Java (83k reads, well under a millisecond): a still for a glance needs no filter, and no native
   * scaler runs on the frame.
   */
  void offer(Frame frame, int pixelFormat) {
    long now = System.nanoTime();
    if (System.currentTimeMillis() > wantedUntil || now - lastTaken < EVERY_NANOS) {
      return;
    }
    int channels = pixelFormat == AV_PIX_FMT_BGR24 ? 3
        : pixelFormat == AV_PIX_FMT_BGR0 || pixelFormat == AV_PIX_FMT_BGRA ? 4 : 0;
    if (channels == 0 || !(frame.image[0] instanceof ByteBuffer image)
        || image.capacity() < (long) frame.imageStride * frame.imageHeight) {
      return; // a layout the still does not know: the console shows none rather than a wrong one
    }
    lastTaken = now;
    int stride = frame.imageStride;
    byte[] bgr = new byte[WIDTH * height * 3];
    int o = 0;
    for (int y = 0; y < height; y++) {
      int row = (int) ((long) y * frame.imageHeight / height) * stride;
      for (int x = 0; x < WIDTH; x++) {
        int p = row + (int) ((long) x * frame.imageWidth / WIDTH) * channels;
        bgr[o++] = image.get(p);
        bgr[o++] = image.get(p + 1);
        bgr[o++] = image.get(p + 2);
      }
    }
    latest = new Still(bgr, System.currentTimeMillis());
  }

  /** The latest still as a JPEG (null before the first); asking keeps stills coming for a while. */
  public byte[] jpeg() throws IOException {
    wantedUntil = System.currentTimeMillis() + WANTED_FOR_MS;
    Still still = latest;
    if (still == null) {
      return null;
    }
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(still.bgr(), 0, target, 0, target.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  /** Nothing native to free: kept so the clock can end its taps alike. */
  @Override
  public void close() {
    latest = null;
  }
}
