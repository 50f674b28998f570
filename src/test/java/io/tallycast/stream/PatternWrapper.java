package io.tallycast.stream;

import io.tallycast.stream.capture.CapturedFrame;
import io.tallycast.stream.capture.FrameSource;
import io.tallycast.stream.capture.TestPatternSource;
import io.vertx.core.json.JsonObject;

/** A 640x360 test pattern whose pictures a test hands out its own way (stalled, frozen, skipping): override newest. */
abstract class PatternWrapper implements FrameSource {
  protected final TestPatternSource pattern = new TestPatternSource(640, 360);

  @Override
  public int width() {
    return 640;
  }

  @Override
  public int height() {
    return 360;
  }

  @Override
  public int pixelFormat() {
    return pattern.pixelFormat();
  }

  @Override
  public void start() {
    pattern.start();
  }

  @Override
  public abstract CapturedFrame newest();

  @Override
  public JsonObject status() {
    return new JsonObject();
  }

  @Override
  public void close() {
    pattern.close();
  }
}
