package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.support.SlowTier;
import org.junit.jupiter.api.Test;

/** The test pattern: a new picture on every call, drawn into one buffer. */
@SlowTier
class TestPatternSourceTest {
  @Test
  void the_test_pattern_changes_every_frame_in_one_reused_buffer() {
    TestPatternSource source = new TestPatternSource(1280, 720);
    assertThat(source.newest()).isNull();
    source.start();
    CapturedFrame first = source.newest();
    CapturedFrame second = source.newest();
    assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
    assertThat(second.frame()).isSameAs(first.frame());
    assertThat(source.pixelFormat()).isEqualTo(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0);
  }
}
