package io.tallycast.bench;

import io.tallycast.stream.capture.CapturedFrame;
import io.tallycast.stream.capture.FrameSource;
import io.tallycast.stream.capture.X11Capture;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * A frame source that outlives the stream: {@link io.tallycast.stream.Streamer#close()} closes its source, and the
 * benchmark wants the same X server and kiosk Chromium, still showing the same page, for the plain ffmpeg pipeline
 * after ours. Closing it does nothing; {@link #release()} closes the capture.
 */
final class KeptSource implements FrameSource {
  private final FrameSource capture;

  KeptSource(FrameSource capture) {
    this.capture = capture;
  }

  @Override
  public int width() {
    return capture.width();
  }

  @Override
  public int height() {
    return capture.height();
  }

  @Override
  public int pixelFormat() {
    return capture.pixelFormat();
  }

  @Override
  public void start() throws Exception {
    capture.start();
  }

  @Override
  public CapturedFrame newest() {
    return capture.newest();
  }

  @Override
  public JsonObject status() {
    return capture.status();
  }

  /** Kept open: see {@link #release()}. */
  @Override
  public void close() {
    // the stream is done with it; the benchmark is not
  }

  /** Closes the capture: the browser and the X server stop. */
  void release() {
    capture.close();
  }

  /** The X display the page is shown on (":N"), when the capture is x11grab's (not the headless screencast). */
  Optional<String> display() {
    return capture instanceof X11Capture x ? Optional.of(x.display().name()) : Optional.empty();
  }
}
