package io.tallycast.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;

/**
 * Two independent readings of a PNG for the tests: ImageIO, and a strict little decoder here that checks every chunk
 * CRC, inflates the zlib stream to its end (so zlib verifies the Adler-32) and undoes all five row filters.
 */
final class PngCheck {
  private PngCheck() {
  }

  static BufferedImage imageIo(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("ImageIO decodes it").isNotNull();
    return image;
  }

  /** 0xRRGGBB of every pixel, row-major, per ImageIO. */
  static int[] imageIoPixels(byte[] png) throws IOException {
    BufferedImage image = imageIo(png);
    int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    for (int i = 0; i < argb.length; i++) {
      argb[i] &= 0xFFFFFF;
    }
    return argb;
  }

  /** 0xRRGGBB of every pixel of an 8-bit RGB PNG, per the strict decoder. */
  static int[] strictPixels(byte[] png) throws IOException, DataFormatException {
    ByteBuffer in = ByteBuffer.wrap(png);
    byte[] signature = new byte[8];
    in.get(signature);
    assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
    int width = 0;
    int height = 0;
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    boolean ended = false;
    while (!ended) {
      int length = in.getInt();
      byte[] typeAndData = new byte[4 + length];
      in.get(typeAndData);
      CRC32 crc = new CRC32();
      crc.update(typeAndData);
      String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
      assertThat(in.getInt()).as("CRC of %s", type).isEqualTo((int) crc.getValue());
      ByteBuffer data = ByteBuffer.wrap(typeAndData, 4, length);
      switch (type) {
        case "IHDR" -> {
          width = data.getInt();
          height = data.getInt();
          assertThat(new byte[] {data.get(), data.get(), data.get(), data.get(), data.get()})
              .as("8-bit RGB, deflate, adaptive filters, no interlace").containsExactly(8, 2, 0, 0, 0);
        }
        case "IDAT" -> zlib.write(typeAndData, 4, length);
        case "IEND" -> ended = true;
        default -> { }
      }
    }
    assertThat(in.remaining()).as("nothing after IEND").isZero();
    int stride = width * 3;
    byte[] raw = new byte[(stride + 1) * height];
    Inflater inflater = new Inflater();
    inflater.setInput(zlib.toByteArray());
    int n = 0;
    while (!inflater.finished() && n < raw.length) {
      n += inflater.inflate(raw, n, raw.length - n);
    }
    byte[] extra = new byte[16];
    int more = inflater.finished() ? 0 : inflater.inflate(extra);
    assertThat(inflater.finished()).as("zlib stream ends, Adler-32 checked").isTrue();
    assertThat(n + more).isEqualTo(raw.length);
    assertThat(inflater.getRemaining()).isZero();
    inflater.end();
    int[] out = new int[width * height];
    byte[] prev = new byte[stride];
    byte[] row = new byte[stride];
    for (int y = 0; y < height; y++) {
      int at = y * (stride + 1);
      int filter = raw[at];
      for (int i = 0; i < stride; i++) {
        int a = i >= 3 ? row[i - 3] & 0xFF : 0;
        int b = prev[i] & 0xFF;
        int c = i >= 3 ? prev[i - 3] & 0xFF : 0;
        int predictor = switch (filter) {
          case 0 -> 0;
          case 1 -> a;
          case 2 -> b;
          case 3 -> (a + b) / 2;
          case 4 -> paeth(a, b, c);
          default -> throw new AssertionError("bad filter type " + filter + " in row " + y);
        };
        row[i] = (byte) (raw[at + 1 + i] + predictor);
      }
      for (int x = 0; x < width; x++) {
        out[y * width + x] = (row[3 * x] & 0xFF) << 16 | (row[3 * x + 1] & 0xFF) << 8 | row[3 * x + 2] & 0xFF;
      }
      byte[] t = prev;
      prev = row;
      row = t;
    }
    return out;
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  static int[] rgbOf(byte[] canvas) {
    int[] out = new int[canvas.length / 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = (canvas[3 * i] & 0xFF) << 16 | (canvas[3 * i + 1] & 0xFF) << 8 | canvas[3 * i + 2] & 0xFF;
    }
    return out;
  }
}
