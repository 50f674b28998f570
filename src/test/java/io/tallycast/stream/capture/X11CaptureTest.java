package io.tallycast.stream.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.support.SlowTier;
import java.time.Duration;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real Xvfb, real kiosk Chromium, real x11grab. */
@SlowTier
class X11CaptureTest {
  private TestPages pages;
  private X11Capture capture;

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

  private X11Capture open(String page, int w, int h) throws Exception {
    capture = new X11Capture(CaptureConfig.of(pages.url(page), w, h, 30).withStallTimeout(Duration.ofSeconds(2)));
    capture.start();
    return capture;
  }

  private CapturedFrame awaitNewFrame(long after, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      CapturedFrame f = capture.newest();
      if (f != null && f.sequence() > after) {
        return f;
      }
      Thread.sleep(20);
    }
    return null;
  }

  /**
   * Waits (up to 10 s) until the capture shows the whole test page: a loaded machine may paint it later than the
   * capture starts, and a kill before it would find no good picture to hold.
   */
  private void pageShown(int width, int height) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    AssertionError last = null;
    while (System.nanoTime() < deadline) {
      CapturedFrame f = capture.newest();
      if (f != null) {
        try {
          Pixels.assertShowsTestPage(f.frame(), capture.pixelFormat(), width, height, 6);
          return;
        } catch (AssertionError notYet) {
          last = notYet;
        }
      }
      Thread.sleep(50);
    }
    throw last != null ? last : new AssertionError("no picture within 10 s");
  }

  /**
   * Watches a 1280x720 capture after a kill for up to 10 s: every picture meanwhile must be the page (the last good
   * one held, never the bare X screen of a dead browser), and once the restart is done the picture is returned as
   * soon as more than 5 grabs found the page on screen again (a still page publishes no new picture: the capture
   * publishes only changes); null when that does not happen.
   */
  private CapturedFrame framesAfterRestart(long killedAt) throws InterruptedException {
    long heldGrabs = -1;
    while (System.nanoTime() - killedAt < 10_000_000_000L) {
      CapturedFrame f = capture.newest();
      assertThat(f).isNotNull();
      Pixels.assertShowsTestPage(f.frame(), capture.pixelFormat(), 1280, 720, 6);
      if (capture.status().getInteger("restarts") >= 1 && heldGrabs < 0) {
        heldGrabs = liveGrabs();
      }
      if (heldGrabs >= 0 && liveGrabs() > heldGrabs + 5) {
        return f;
      }
      Thread.sleep(30);
    }
    return null;
  }

  private long liveGrabs() {
    return capture.status().getLong("liveGrabs");
  }

  /** Up to {@code within}, until more than 5 grabs after now found the page on screen; then the picture held. */
  private CapturedFrame awaitLiveGrabs(Duration within) throws InterruptedException {
    long from = liveGrabs();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (liveGrabs() > from + 5) {
        return capture.newest();
      }
      Thread.sleep(20);
    }
    return null;
  }

  @Test
  void capturesTheWholePageAt1080pWithNoBorderScrollbarOrOffset() throws Exception {
    capturesTheSolidPage(1920, 1080);
    assertThat(capture.pixelFormat()).isEqualTo(avutil.AV_PIX_FMT_BGR0);
  }

  @Test
  void capturesTheWholePageAt720pToo() throws Exception {
    capturesTheSolidPage(1280, 720);
  }

  private void capturesTheSolidPage(int width, int height) throws Exception {
    open("solid.html", width, height);
    CapturedFrame f = awaitNewFrame(0, Duration.ofSeconds(5));
    assertThat(f).isNotNull();
    assertThat(f.frame().imageWidth).isEqualTo(width);
    assertThat(f.frame().imageHeight).isEqualTo(height);
    pageShown(width, height); // every corner and edge of the page, exactly where the page puts it
  }

  @Test
  void deliversAboutThirtyNewFramesPerSecondAt1080p30OnAnAnimatedPage() throws Exception {
    open("animated.html", 1920, 1080);
    Thread.sleep(500);
    long seq0 = capture.newest().sequence();
    var cpu0 = CpuMeter.sample(capture.display().pid(), capture.browserPid());
    long t0 = System.nanoTime();
    Thread.sleep(3000);
    long seq1 = capture.newest().sequence();
    double secs = (System.nanoTime() - t0) / 1e9;
    var cpu1 = CpuMeter.sample(capture.display().pid(), capture.browserPid());
    double fps = (seq1 - seq0) / secs;
    StringBuilder line = new StringBuilder(
        String.format("x11grab 1080p30, animated page: %.1f new frames/s over %.1f s; CPU", fps, secs));
    cpu1.forEach((k, v) -> line.append(String.format(" %s %.0f%%", k, 100 * (v - cpu0.get(k)) / secs)));
    System.out.println(line);
    System.out.println("status " + capture.status().encode());
    assertThat(fps).isGreaterThan(20);
    assertThat(capture.status().getDouble("fps")).isGreaterThan(20);
  }

  @Test
  void aKilledBrowserIsRestartedWithinTenSecondsWhileTheLastGoodFrameStays() throws Exception {
    open("solid.html", 1280, 720);
    pageShown(1280, 720);
    long pid = capture.browserPid();
    assertThat(pid).isPositive();
    long before = capture.newest().sequence();
    new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
    long killedAt = System.nanoTime();
    CapturedFrame back = framesAfterRestart(killedAt);
    double secs = (System.nanoTime() - killedAt) / 1e9;
    System.out.printf("browser pid %d killed; new frames after %.1f s; status %s%n", pid, secs,
        capture.status().encode());
    assertThat(back).as("new frames within 10 s of the kill (last sequence %d, before it %d)",
        capture.newest().sequence(), before).isNotNull();
    assertThat(capture.browserPid()).isNotEqualTo(pid);
    assertThat(capture.status().getInteger("restarts")).isEqualTo(1);
    assertThat(capture.status().getString("browser")).isEqualTo("running");
  }

  @Test
  void aFrozenPageIsReloadedByTheWatchdog() throws Exception {
    open("freezes.html", 1280, 720);
    long t0 = System.nanoTime();
    // the page spins from 2 s after load; the stall timeout is 2 s, the reload follows
    while (capture.status().getInteger("reloads") + capture.status().getInteger("restarts") == 0
        && System.nanoTime() - t0 < 15_000_000_000L) {
      assertThat(capture.newest()).isNotNull();
      Thread.sleep(50);
    }
    System.out.printf("frozen page recovered after %.1f s: %s%n", (System.nanoTime() - t0) / 1e9,
        capture.status().encode());
    assertThat(capture.status().getInteger("reloads")).isEqualTo(1);
    assertThat(pages.frozenLoads.get()).isGreaterThanOrEqualTo(2);
    CapturedFrame f = awaitLiveGrabs(Duration.ofSeconds(3));
    assertThat(f).isNotNull();
    Pixels.assertShowsTestPage(f.frame(), capture.pixelFormat(), 1280, 720, 6);
    Thread.sleep(2500); // healthy after the reload: no second reload
    assertThat(capture.status().getInteger("reloads")).isEqualTo(1);
    assertThat(capture.status().getString("page")).isEqualTo("ok");
  }

  @Test
  void aDeadXServerIsStartedAgainWithTheBrowserWithinTenSeconds() throws Exception {
    open("solid.html", 1280, 720);
    pageShown(1280, 720);
    long xvfb = capture.display().pid();
    String display = capture.display().name();
    new ProcessBuilder("kill", "-9", Long.toString(xvfb)).inheritIO().start().waitFor();
    long killedAt = System.nanoTime();
    CapturedFrame back = framesAfterRestart(killedAt);
    System.out.printf("Xvfb pid %d killed; new frames after %.1f s; status %s%n", xvfb,
        (System.nanoTime() - killedAt) / 1e9, capture.status().encode());
    assertThat(back).as("new frames within 10 s of the X server's death").isNotNull();
    assertThat(capture.display().pid()).isNotEqualTo(xvfb);
    assertThat(capture.display().name()).isEqualTo(display);
  }
}
