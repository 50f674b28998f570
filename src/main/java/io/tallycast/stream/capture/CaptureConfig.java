package io.tallycast.stream.capture;

import java.time.Duration;

/**
 * What to capture and how: the page, the exact picture size, the frame rate, and how long the watchdog tolerates
 * silence before it acts.
 *
 * @param pageUrl        the overlay page the browser shows
 * @param width          exact picture width in pixels (1920 by default)
 * @param height         exact picture height in pixels (1080 by default)
 * @param fps            frames per second asked of the grabber (30 by default)
 * @param stallTimeout   no new frame (or no page heartbeat) for this long counts as a stall
 * @param forceScreencast skip the X server even where one could run (tests, machines where Xvfb misbehaves)
 */
public record CaptureConfig(String pageUrl, int width, int height, int fps, Duration stallTimeout,
                            boolean forceScreencast) {

  public CaptureConfig {
    if (pageUrl == null || pageUrl.isBlank()) {
      throw new IllegalArgumentException("capture needs a page URL");
    }
    if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("capture size must be even and at least 16x16, got " + width + "x" + height);
    }
    if (fps < 1 || fps > 60) {
      throw new IllegalArgumentException("capture fps must be within 1..60, got " + fps);
    }
  }

  public static CaptureConfig of(String pageUrl, int width, int height, int fps) {
    return new CaptureConfig(pageUrl, width, height, fps, Duration.ofSeconds(3), false);
  }

  public CaptureConfig withStallTimeout(Duration timeout) {
    return new CaptureConfig(pageUrl, width, height, fps, timeout, forceScreencast);
  }

  public CaptureConfig withForceScreencast(boolean force) {
    return new CaptureConfig(pageUrl, width, height, fps, stallTimeout, force);
  }
}
