package io.tallycast.stream.capture;

import io.vertx.core.json.JsonObject;

/**
 * Where the stream's pictures come from: the capture of the overlay (Xvfb + kiosk Chromium + x11grab, or the DevTools
 * screencast where no X server runs), or a test pattern. The pacer asks for the newest picture once per output frame,
 * from its own thread; capturing runs on the source's own threads.
 */
public interface FrameSource extends AutoCloseable {

  int width();

  int height();

  /** The FFmpeg pixel format of the frames (an {@code avutil.AV_PIX_FMT_*} value), e.g. BGR0 from x11grab. */
  int pixelFormat();

  /** Starts capturing; blocking, but bounded in time; fails with a message an operator can act on. */
  void start() throws Exception;

  /**
   * The newest picture, or null before the first. It stays valid and unchanged until the next call (sources keep
   * their own buffers), and its sequence number tells the caller whether it is new since the previous call.
   */
  CapturedFrame newest();

  /** For health and the console: {"state", "frameAgeMs", "restarts", ...}. Thread-safe. */
  JsonObject status();

  @Override
  void close();
}
