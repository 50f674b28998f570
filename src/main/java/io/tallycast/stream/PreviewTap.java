package io.tallycast.stream;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.Frame;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

/**
 * A small still of what goes on air, for the console: the clock thread scales the picture it is about to encode down
 * to {@value #WIDTH} px wide at most once a second, and only while someone has asked for a preview in the last
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
  private SwsContext sws;
  private BytePointer scaled;

  private record Still(byte[] bgr, long at) {
  }

  PreviewTap(int width, int height) {
    this.height = Math.max(2, Math.round(height * (float) WIDTH / width) & ~1);
  }

  /** Clock thread: keeps a scaled copy of this picture when one is wanted and the last is a second old. */
  void offer(Frame frame, int pixelFormat) {
    long now = System.nanoTime();
    if (System.currentTimeMillis() > wantedUntil || now - lastTaken < EVERY_NANOS) {
      return;
    }
    lastTaken = now;
    sws = swscale.sws_getCachedContext(sws, frame.imageWidth, frame.imageHeight, pixelFormat, WIDTH, height,
        AV_PIX_FMT_BGR24, swscale.SWS_FAST_BILINEAR, null, null, (DoublePointer) null);
    if (scaled == null) {
      scaled = new BytePointer((long) WIDTH * height * 3);
    }
    ByteBuffer image = (ByteBuffer) frame.image[0];
    BytePointer source = new BytePointer(image);
    swscale.sws_scale(sws, new PointerPointer<>(source), new IntPointer(new int[] {frame.imageStride}), 0,
        frame.imageHeight, new PointerPointer<>(scaled), new IntPointer(new int[] {WIDTH * 3}));
    byte[] bgr = new byte[WIDTH * height * 3];
    scaled.get(bgr);
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

  /** Clock thread, after its last tick. */
  @Override
  public void close() {
    if (sws != null) {
      swscale.sws_freeContext(sws);
      sws = null;
    }
    if (scaled != null) {
      scaled.close();
      scaled = null;
    }
  }
}
