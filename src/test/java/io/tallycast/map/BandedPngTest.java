package io.tallycast.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;

class BandedPngTest {

  @Test
  void a_banded_png_decodes_with_imageio_and_a_strict_decoder_to_exactly_the_canvas() throws Exception {
    for (int[] size : new int[][] {{1, 1}, {1, 40}, {37, 16}, {120, 100}, {333, 71}}) {
      try (BandedPng png = new BandedPng(size[0], size[1])) {
        paintPattern(png, new Random(size[0] * 31L + size[1]));
        byte[] file = png.encode();
        int[] canvas = PngCheck.rgbOf(png.pixels());
        assertThat(PngCheck.imageIo(file).getWidth()).isEqualTo(size[0]);
        assertThat(PngCheck.imageIo(file).getHeight()).isEqualTo(size[1]);
        assertThat(PngCheck.imageIoPixels(file)).as("ImageIO, %dx%d", size[0], size[1]).isEqualTo(canvas);
        assertThat(PngCheck.strictPixels(file)).as("strict decoder, %dx%d", size[0], size[1]).isEqualTo(canvas);
      }
    }
  }

  @Test
  void repainting_rows_re_encodes_only_the_bands_they_touch_and_still_decodes_exactly() throws Exception {
    try (BandedPng png = new BandedPng(120, 100, 16, 1)) {
      paintPattern(png, new Random(7));
      png.encode();
      byte[][] before = new byte[png.bandCount()][];
      for (int b = 0; b < png.bandCount(); b++) {
        before[b] = png.bandChunk(b);
      }
      // a "seat" spanning rows 20..40: bands 1 (16-31) and 2 (32-47)
      fill(png, 10, 20, 50, 40, 0xE0301F);
      png.touchRows(20, 40);
      assertThat(png.dirtyBands()).isEqualTo(2);
      byte[] file = png.encode();
      for (int b = 0; b < png.bandCount(); b++) {
        if (b == 1 || b == 2) {
          assertThat(png.bandChunk(b)).as("band %d re-encoded", b).isNotEqualTo(before[b]);
        } else {
          assertThat(png.bandChunk(b)).as("band %d kept", b).isEqualTo(before[b]);
        }
      }
      int[] canvas = PngCheck.rgbOf(png.pixels());
      assertThat(PngCheck.imageIoPixels(file)).isEqualTo(canvas);
      assertThat(PngCheck.strictPixels(file)).isEqualTo(canvas);
    }
  }

  @Test
  void a_published_snapshot_keeps_showing_its_picture_after_later_repaints() throws Exception {
    try (BandedPng png = new BandedPng(90, 70, 16, 1)) {
      paintPattern(png, new Random(11));
      int[] before = PngCheck.rgbOf(png.pixels());
      EncodedPng published = png.snapshot();
      fill(png, 0, 10, 89, 60, 0x00FF00);
      png.touchRows(10, 60);
      EncodedPng next = png.snapshot();
      assertThat(PngCheck.strictPixels(published.bytes())).as("the earlier snapshot").isEqualTo(before);
      assertThat(PngCheck.strictPixels(next.bytes())).isEqualTo(PngCheck.rgbOf(png.pixels()));
      java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
      next.writeTo(streamed);
      assertThat(streamed.toByteArray()).isEqualTo(next.bytes()).hasSize(next.length());
    }
  }

  @Test
  void repainting_the_last_band_keeps_the_stream_finished_and_valid() throws Exception {
    try (BandedPng png = new BandedPng(64, 50, 16, 1)) {
      paintPattern(png, new Random(3));
      png.encode();
      fill(png, 0, 48, 63, 49, 0x123456);
      png.touchRows(48, 49);
      byte[] file = png.encode();
      assertThat(PngCheck.strictPixels(file)).isEqualTo(PngCheck.rgbOf(png.pixels()));
    }
  }

  @Test
  void the_combined_adler32_of_the_bands_equals_the_adler32_of_the_whole() {
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      byte[] a = new byte[random.nextInt(70_000)];
      byte[] b = new byte[random.nextInt(70_000)];
      random.nextBytes(a);
      random.nextBytes(b);
      if (trial % 3 == 0) {
        java.util.Arrays.fill(b, (byte) 0xFF); // sums near the modulus
      }
      Adler32 whole = new Adler32();
      whole.update(a);
      whole.update(b);
      assertThat(BandedPng.adler32Combine(adler(a), adler(b), b.length)).isEqualTo((int) whole.getValue());
    }
  }

  private static int adler(byte[] data) {
    Adler32 adler = new Adler32();
    adler.update(data);
    return (int) adler.getValue();
  }

  /** Flat areas, thin lines, some noise: what a map looks like to the filters, plus the cases they find hard. */
  static void paintPattern(BandedPng png, Random random) {
    int w = png.width();
    int h = png.height();
    fill(png, 0, 0, w - 1, h - 1, 0x8A93A0);
    for (int i = 0; i < 6; i++) {
      int x0 = random.nextInt(w);
      int y0 = random.nextInt(h);
      fill(png, x0, y0, Math.min(w - 1, x0 + random.nextInt(40)), Math.min(h - 1, y0 + random.nextInt(40)),
          random.nextInt(0x1000000));
    }
    byte[] rgb = png.pixels();
    for (int i = 0; i < rgb.length / 50 + 1; i++) {
      rgb[random.nextInt(rgb.length)] = (byte) random.nextInt(256);
    }
  }

  static void fill(BandedPng png, int x0, int y0, int x1, int y1, int colour) {
    byte[] rgb = png.pixels();
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        int o = (y * png.width() + x) * 3;
        rgb[o] = (byte) (colour >> 16);
        rgb[o + 1] = (byte) (colour >> 8);
        rgb[o + 2] = (byte) colour;
      }
    }
  }
}
