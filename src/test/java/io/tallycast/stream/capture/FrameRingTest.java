package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameRingTest {
  private static void publish(FrameRing ring, int value) {
    ByteBuffer src = ByteBuffer.allocate(8 * 4 * 4);
    while (src.hasRemaining()) {
      src.put((byte) value);
    }
    src.flip();
    ring.copyIntoWritable(src, 8 * 4);
    ring.publish(System.nanoTime());
  }

  private static int firstByte(CapturedFrame f) {
    return ((ByteBuffer) f.frame().image[0]).get(0);
  }

  @Test
  void theHandedOutFrameStaysUnchangedUntilTheNextCallWhateverTheWriterDoes() {
    FrameRing ring = new FrameRing(8, 4, 4);
    assertThat(ring.newest()).isNull();
    publish(ring, 1);
    CapturedFrame held = ring.newest();
    assertThat(held.sequence()).isEqualTo(1);
    for (int v = 2; v < 10; v++) {
      publish(ring, v);
      assertThat(firstByte(held)).isEqualTo(1);
    }
    CapturedFrame next = ring.newest();
    assertThat(next.sequence()).isEqualTo(9);
    assertThat(firstByte(next)).isEqualTo(9);
    assertThat(next.frame()).isNotSameAs(held.frame());
  }

  @Test
  void noNewPictureGivesTheSameFrameAndSequenceAgain() {
    FrameRing ring = new FrameRing(8, 4, 4);
    publish(ring, 7);
    CapturedFrame a = ring.newest();
    CapturedFrame b = ring.newest();
    assertThat(b.sequence()).isEqualTo(a.sequence());
    assertThat(b.frame()).isSameAs(a.frame());
    assertThat(firstByte(b)).isEqualTo(7);
  }
}
