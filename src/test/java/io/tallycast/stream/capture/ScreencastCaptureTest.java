package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.support.SlowTier;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fallback where no X server runs: real headless Chromium, real DevTools screencast. */
@SlowTier
class ScreencastCaptureTest {
  private TestPages pages;
  private FrameSource capture;

  @BeforeEach
  void serve() throws Exception {
    pages = new TestPages();
  }

  @AfterEach
  void stop() {
    if (capture != null) {
      capture.close();
    }
    pages.close();
  }

  @Test
  void theScreencastFallbackGivesFramesOfTheExactSizeWithThePagesColours() throws Exception {
    capture = Captures.open(CaptureConfig.of(pages.url("ticking.html"), 1280, 720, 30).withForceScreencast(true));
    assertThat(capture).isInstanceOf(ScreencastCapture.class);
    assertThat(capture.pixelFormat()).isEqualTo(avutil.AV_PIX_FMT_BGR24);
    CapturedFrame f = null;
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) { // the first pictures may be of about:blank or half painted: wait
      f = capture.newest();
      if (f != null && Pixels.near(Pixels.rgb(f.frame(), capture.pixelFormat(), 640, 360), TestPages.BACKGROUND, 12)
          && Pixels.near(Pixels.rgb(f.frame(), capture.pixelFormat(), 5, 5), TestPages.TOP_LEFT, 24)
          && Pixels.near(Pixels.rgb(f.frame(), capture.pixelFormat(), 1274, 714), TestPages.BOTTOM_RIGHT, 24)) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(f).isNotNull();
    assertThat(f.frame().imageWidth).isEqualTo(1280);
    assertThat(f.frame().imageHeight).isEqualTo(720);
    // JPEG: colours within a wider tolerance, and the marker edges blur by a pixel or two
    int[] centre = Pixels.rgb(f.frame(), capture.pixelFormat(), 640, 360);
    assertThat(Pixels.near(centre, TestPages.BACKGROUND, 12)).as("centre %s", java.util.Arrays.toString(centre))
        .isTrue();
    assertThat(Pixels.near(Pixels.rgb(f.frame(), capture.pixelFormat(), 5, 5), TestPages.TOP_LEFT, 24)).isTrue();
    assertThat(Pixels.near(Pixels.rgb(f.frame(), capture.pixelFormat(), 1274, 714), TestPages.BOTTOM_RIGHT, 24))
        .as("bottom-right marker %s",
            java.util.Arrays.toString(Pixels.rgb(f.frame(), capture.pixelFormat(), 1274, 714)))
        .isTrue();
    // the markers end where the page says: no stretched picture of another viewport size
    assertThat(Pixels.near(Pixels.rgb(f.frame(), capture.pixelFormat(), 1280 - TestPages.MARK - 4, 714),
        TestPages.BACKGROUND, 12)).as("left of the bottom-right marker").isTrue();
    assertThat(Pixels.near(Pixels.rgb(f.frame(), capture.pixelFormat(), 1274, 720 - TestPages.MARK - 4),
        TestPages.BACKGROUND, 12)).as("above the bottom-right marker").isTrue();
    assertThat(Pixels.near(Pixels.rgb(f.frame(), capture.pixelFormat(), 50, 50), TestPages.BACKGROUND, 12)).isTrue();
    System.out.println("screencast status " + capture.status().encode());
    assertThat(capture.status().getString("capture")).isEqualTo("screencast");
  }
}
