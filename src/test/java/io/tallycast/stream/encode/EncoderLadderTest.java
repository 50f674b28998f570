package io.tallycast.stream.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.stream.capture.Damage;
import io.tallycast.support.SlowTier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cheaper encoders the stream falls back on, and the picture they share. */
@SlowTier
class EncoderLadderTest {

  @ParameterizedTest(name = "{0}x{1}, preset {2}, cbr {3}")
  @CsvSource({"1920,1080,ultrafast,false", "1920,1080,veryfast,false", "1280,720,veryfast,true",
      "1920,1080,faster,false"})
  void every_rung_writes_the_same_stream_headers_so_an_ingest_sees_one_stream(int w, int h, String preset,
                                                                               boolean cbr) {
    EncoderSettings base = new EncoderSettings(w, h, 30, 4_500_000, cbr, preset);
    List<EncoderLadder.Step> steps = EncoderLadder.steps(base);
    assertThat(steps).extracting(EncoderLadder.Step::preset).endsWith("ultrafast").startsWith(preset);
    assertThat(steps.get(steps.size() - 1).crf())
        .isEqualTo(cbr ? base.crf() : base.crf() + EncoderLadder.CRF_STEPS * EncoderLadder.CRF_STEP);
    byte[] first;
    try (VideoEncoder configured = new VideoEncoder(base)) {
      first = configured.headers();
    }
    assertThat(first).isNotEmpty();
    for (EncoderLadder.Step step : steps) {
      try (VideoEncoder e = new VideoEncoder(base.withPreset(step.preset()))) {
        assertThat(e.headers()).as("preset %s", step.preset()).isEqualTo(first);
      }
    }
  }

  @Test
  void a_cheaper_preset_takes_over_exactly_at_the_next_keyframe_and_no_frame_is_missing() {
    EncoderSettings base = new EncoderSettings(640, 360, 30, 1_000_000, false, "veryfast");
    List<long[]> packets = new ArrayList<>(); // pts, keyframe
    PacketSink sink = (AVPacket p, int track) -> packets.add(new long[] {p.pts(),
        (p.flags() & avcodec.AV_PKT_FLAG_KEY) != 0 ? 1 : 0});
    try (EncoderLadder ladder = new EncoderLadder(base); YuvPicture picture = new YuvPicture(640, 360)) {
      Frame frame = new Frame(640, 360, Frame.DEPTH_UBYTE, 4);
      int wantedAt = base.gop() + 7;
      long tookOverAt = -1;
      for (long pts = 0; pts < 4L * base.gop(); pts++) {
        paint(frame, (int) pts);
        picture.convert(frame, avutil.AV_PIX_FMT_BGR0, null);
        if (pts == wantedAt) {
          ladder.want(1);
          awaitPrepared(ladder);
        }
        ladder.encode(picture, pts, sink);
        if (ladder.level() == 1 && tookOverAt < 0) {
          tookOverAt = pts;
        }
      }
      ladder.flush(sink);
      assertThat(ladder.step().preset()).isEqualTo(EncoderLadder.steps(base).get(1).preset());
      assertThat(tookOverAt).isEqualTo(2L * base.gop());
    }
    assertThat(packets).extracting(p -> p[0]).containsExactlyElementsOf(
        java.util.stream.LongStream.range(0, 4L * base.gop()).boxed().toList());
    assertThat(packets).filteredOn(p -> p[1] == 1).extracting(p -> p[0])
        .containsExactly(0L, (long) base.gop(), 2L * base.gop(), 3L * base.gop());
  }

  @Test
  void a_rung_whose_headers_differ_is_refused_and_the_stream_stays_as_it_is() {
    // medium's psy-rd shifts the PPS's chroma QP offset, which the fast presets do not
    EncoderSettings base = new EncoderSettings(640, 360, 30, 1_000_000, false, "medium");
    List<Long> keyframes = new ArrayList<>();
    PacketSink sink = (AVPacket p, int track) -> {
      if ((p.flags() & avcodec.AV_PKT_FLAG_KEY) != 0) {
        keyframes.add(p.pts());
      }
    };
    try (EncoderLadder ladder = new EncoderLadder(base); YuvPicture picture = new YuvPicture(640, 360)) {
      ladder.want(1);
      awaitPrepared(ladder);
      for (long pts = 0; pts < base.gop() + 1; pts++) {
        ladder.encode(picture, pts, sink);
      }
      assertThat(ladder.level()).isZero();
      assertThat(ladder.step().preset()).isEqualTo("medium");
      assertThat(ladder.maxLevel()).isZero();
    }
    assertThat(keyframes).containsExactly(0L, (long) base.gop());
  }

  @Test
  void converting_only_the_changed_bands_gives_the_picture_a_whole_conversion_gives() {
    int w = 320;
    int h = 200; // 12 whole bands and a short one
    Frame before = new Frame(w, h, Frame.DEPTH_UBYTE, 4);
    Frame after = new Frame(w, h, Frame.DEPTH_UBYTE, 4);
    paint(before, 1);
    paint(after, 1);
    ByteBuffer pixels = (ByteBuffer) after.image[0];
    for (int y : new int[] {20, 21, 199}) { // rows in bands 1 and 12 change
      for (int x = 0; x < w * 4; x++) {
        pixels.put(y * after.imageStride + x, (byte) (x * 7 + y));
      }
    }
    Damage damage = Damage.between((ByteBuffer) before.image[0], before.imageStride, pixels, after.imageStride,
        w * 4, h);
    assertThat(damage.changedBands()).isEqualTo(2);
    try (YuvPicture partial = new YuvPicture(w, h); YuvPicture whole = new YuvPicture(w, h)) {
      partial.convert(before, avutil.AV_PIX_FMT_BGR0, null);
      partial.convert(after, avutil.AV_PIX_FMT_BGR0, damage);
      whole.convert(after, avutil.AV_PIX_FMT_BGR0, null);
      for (int plane = 0; plane < 3; plane++) {
        int rows = plane == 0 ? h : h / 2;
        int bytes = plane == 0 ? w : w / 2;
        for (int y = 0; y < rows; y++) {
          byte[] a = new byte[bytes];
          byte[] b = new byte[bytes];
          partial.frame().data(plane).position((long) y * partial.frame().linesize(plane)).get(a);
          whole.frame().data(plane).position((long) y * whole.frame().linesize(plane)).get(b);
          assertThat(a).as("plane %d row %d", plane, y).isEqualTo(b);
        }
      }
      assertThat(partial.convertedShare()).isLessThan(whole.convertedShare());
    }
  }

  private static void paint(Frame f, int seed) {
    ByteBuffer b = (ByteBuffer) f.image[0];
    for (int i = 0; i < b.capacity(); i += 4) {
      b.put(i, (byte) (i / 4 % f.imageWidth + seed)).put(i + 1, (byte) (i / 4 / f.imageWidth)).put(i + 2, (byte) 90)
          .put(i + 3, (byte) 0);
    }
  }

  private static void awaitPrepared(EncoderLadder ladder) {
    // the cheaper encoder opens on its own thread; the test waits for it instead of racing the keyframe
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!ladder.prepared() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(ladder.prepared()).isTrue();
  }
}
