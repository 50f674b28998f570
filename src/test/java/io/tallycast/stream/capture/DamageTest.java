package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the capture learns by comparing a picture with the last: which bands of rows changed. */
class DamageTest {
  private static final int WIDTH = 40;
  private static final int HEIGHT = 90; // five whole bands and a short one of ten rows
  private static final int ROW = WIDTH * 4;

  private static ByteBuffer picture(int seed) {
    ByteBuffer b = ByteBuffer.allocateDirect(ROW * HEIGHT);
    for (int i = 0; i < b.capacity(); i++) {
      b.put(i, (byte) (i * 31 + seed));
    }
    return b;
  }

  private static List<Integer> changedBands(Damage d) {
    List<Integer> bands = new ArrayList<>();
    IntStream.range(0, d.bands()).filter(d::changed).forEach(bands::add);
    return bands;
  }

  @Test
  void one_changed_pixel_marks_exactly_the_band_it_is_in() {
    ByteBuffer before = picture(0);
    for (int y : new int[] {0, 15, 16, 47, 80, HEIGHT - 1}) {
      ByteBuffer after = picture(0);
      after.put(y * ROW + 7, (byte) (after.get(y * ROW + 7) + 1));
      Damage d = Damage.between(before, ROW, after, ROW, ROW, HEIGHT);
      assertThat(changedBands(d)).as("row %d", y).containsExactly(y / Damage.BAND_ROWS);
    }
    assertThat(Damage.between(before, ROW, picture(0), ROW, ROW, HEIGHT).isEmpty()).isTrue();
  }

  @Test
  void padded_rows_are_compared_on_their_pixels_only() {
    int stride = ROW + 12;
    ByteBuffer padded = ByteBuffer.allocateDirect(stride * HEIGHT);
    ByteBuffer packed = picture(3);
    for (int y = 0; y < HEIGHT; y++) {
      padded.put(y * stride, packed, y * ROW, ROW);
      padded.put(y * stride + ROW, new byte[] {9, 9, 9}); // padding that differs from anything
    }
    assertThat(Damage.between(padded, stride, packed, ROW, ROW, HEIGHT).isEmpty()).isTrue();
    packed.put(50 * ROW, (byte) 77);
    assertThat(changedBands(Damage.between(padded, stride, packed, ROW, ROW, HEIGHT))).containsExactly(50 / 16);
  }

  @Test
  void the_last_band_is_as_short_as_the_picture_leaves_it() {
    Damage all = Damage.all(HEIGHT);
    assertThat(all.bands()).isEqualTo((HEIGHT + 15) / 16);
    assertThat(IntStream.range(0, all.bands()).map(all::rows).sum()).isEqualTo(HEIGHT);
    assertThat(all.changedBands()).isEqualTo(all.bands());
  }

  @Test
  void a_still_picture_is_not_published_and_the_reader_gets_every_band_changed_since_it_last_took_one() {
    FrameRing ring = new FrameRing(WIDTH, HEIGHT, 4);
    ByteBuffer screen = picture(1);
    assertThat(ring.publishIfChanged(screen, ROW, 1)).isTrue();
    assertThat(ring.newest().damage().changedBands()).as("the first picture is new everywhere")
        .isEqualTo(Damage.bands(HEIGHT));
    assertThat(ring.publishIfChanged(screen, ROW, 2)).as("the same screen again").isFalse();
    screen.put(3 * ROW, (byte) 1);
    assertThat(ring.publishIfChanged(screen, ROW, 3)).isTrue();
    screen.put(70 * ROW, (byte) 2);
    assertThat(ring.publishIfChanged(screen, ROW, 4)).isTrue();
    CapturedFrame taken = ring.newest();
    assertThat(changedBands(taken.damage())).containsExactly(0, 70 / 16);
    assertThat(taken.sequence()).isEqualTo(3);
  }

  @Test
  void copying_only_the_stale_bands_leaves_every_slot_equal_to_the_screen_it_published() {
    FrameRing ring = new FrameRing(WIDTH, HEIGHT, 4);
    ByteBuffer screen = picture(5);
    java.util.Random random = new java.util.Random(42);
    for (int step = 0; step < 200; step++) {
      int y = random.nextInt(HEIGHT);
      screen.put(y * ROW + random.nextInt(ROW), (byte) random.nextInt());
      ring.publishIfChanged(screen, ROW, step);
      if (random.nextInt(3) == 0) { // the reader takes a picture now and then, as a slower pacer would
        CapturedFrame f = ring.newest();
        ByteBuffer held = ((ByteBuffer) f.frame().image[0]).duplicate().clear();
        assertThat(held.limit(ROW * HEIGHT).mismatch(screen.duplicate().clear())).as("step %d", step).isEqualTo(-1);
      }
    }
  }
}
