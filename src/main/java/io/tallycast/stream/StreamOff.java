package io.tallycast.stream;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * The stream part in a run without a stream (demo --no-stream, no stream section in the configuration): its health
 * report carries the fields the console shows (state "off", fps, bitrate, dropped and repeated frames, reconnects,
 * uptime, destinations), all at rest, with status STOPPED, which does not make {@code /api/health} unhealthy. It
 * answers start and stop on {@value StreamVerticle#CONTROL} with a failure coded {@link #ABSENT} saying why.
 */
public final class StreamOff extends VerticleBase {
  /** What the console shows when asked to start or stop a stream that is not in this run. */
  public static final String NOT_YET = "this run has no stream to start or stop (the demo was started with --no-stream, "
      + "or the configuration has no stream section)";
  /** The failure code of the answer on {@value StreamVerticle#CONTROL}: no stream in this run (the console's 409). */
  public static final int ABSENT = 410;

  @Override
  public Future<?> start() {
    vertx.eventBus().<JsonObject>consumer(StreamVerticle.CONTROL, this::control);
    StreamHealth.atRest("off", null).publish(vertx);
    return Future.succeededFuture();
  }

  private void control(Message<JsonObject> message) {
    message.fail(ABSENT, NOT_YET);
  }
}
