package io.tallycast.stream.capture;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.Frame;

/**
 * A picture that changes every frame, for tests and for {@code stream --test-pattern}: a bar moving across a grey
 * field and the frame number in big digits. Each call to {@link #newest()} draws the next picture into one reused
 * buffer, touching only the bar's old and new columns and the counter's box, so it costs next to nothing at 1080p.
 */
public final class TestPatternSource implements FrameSource {
  private static final int BG = 0x40;
  /** 3x5 digit glyphs, one bit per cell, rows from the top. */
  private static final int[] GLYPHS = {
      0b111_101_101_101_111, 0b010_110_010_010_111, 0b111_001_111_100_111, 0b111_001_111_001_111,
      0b101_101_111_001_001, 0b111_100_111_001_111, 0b111_100_111_101_111, 0b111_001_010_010_010,
      0b111_101_111_101_111, 0b111_101_111_001_111};
  private static final int DIGITS = 6;

  private final int width;
  private final int height;
  private final int channels;
  private final int pixelFormat;
  private final Frame frame;
  private final ByteBuffer pixels;
  private final int stride;
  private final int barWidth;
  private final int cell;
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean started;
  private int barX = -1;
  private CapturedFrame current;

  /** @param channels 4 for BGR0 (what x11grab gives), 3 for BGR24 */
  public TestPatternSource(int width, int height, int channels) {
    if (channels != 3 && channels != 4) {
      throw new IllegalArgumentException("BGR0 (4) or BGR24 (3) channels: " + channels);
    }
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.pixelFormat = channels == 4 ? avutil.AV_PIX_FMT_BGR0 : avutil.AV_PIX_FMT_BGR24;
    this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, channels);
    this.pixels = (ByteBuffer) frame.image[0];
    this.stride = frame.imageStride;
    this.barWidth = Math.max(8, width / 48);
    this.cell = Math.max(4, height / 60);
    fill(0, 0, width, height, BG);
  }

  public TestPatternSource(int width, int height) {
    this(width, height, 4);
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int pixelFormat() {
    return pixelFormat;
  }

  @Override
  public void start() {
    started = true;
  }

  @Override
  public synchronized CapturedFrame newest() {
    if (!started) {
      return null;
    }
    long n = sequence.incrementAndGet();
    int x = (int) ((n * 8) % (width - barWidth));
    if (barX >= 0) {
      fill(barX, 0, barWidth, height, BG);
    }
    fill(x, 0, barWidth, height, 0xE0);
    barX = x;
    drawNumber(n);
    current = new CapturedFrame(frame, n, System.nanoTime());
    return current;
  }

  private void drawNumber(long n) {
    int glyphW = 3 * cell;
    int left = cell * 2;
    int top = cell * 2;
    fill(left - cell, top - cell, DIGITS * (glyphW + cell) + cell, 5 * cell + 2 * cell, 0);
    long value = n;
    for (int d = DIGITS - 1; d >= 0; d--) {
      int glyph = GLYPHS[(int) (value % 10)];
      value /= 10;
      int gx = left + d * (glyphW + cell);
      for (int row = 0; row < 5; row++) {
        for (int col = 0; col < 3; col++) {
          if ((glyph >> (14 - row * 3 - col) & 1) != 0) {
            fill(gx + col * cell, top + row * cell, cell, cell, 0xFF);
          }
        }
      }
    }
  }

  /** Paints a grey rectangle, clipped to the picture. */
  private void fill(int x, int y, int w, int h, int grey) {
    int x0 = Math.max(0, x);
    int y0 = Math.max(0, y);
    int x1 = Math.min(width, x + w);
    int y1 = Math.min(height, y + h);
    if (x0 >= x1 || y0 >= y1) {
      return;
    }
    byte[] row = new byte[(x1 - x0) * channels];
    java.util.Arrays.fill(row, (byte) grey);
    for (int yy = y0; yy < y1; yy++) {
      pixels.put(yy * stride + x0 * channels, row);
    }
  }

  @Override
  public JsonObject status() {
    return new JsonObject().put("state", started ? "running" : "stopped").put("source", "test-pattern")
        .put("frameAgeMs", 0).put("restarts", 0).put("frames", sequence.get());
  }

  @Override
  public void close() {
    started = false;
  }
}
