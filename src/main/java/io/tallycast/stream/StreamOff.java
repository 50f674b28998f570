package io.tallycast.stream;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.Refusal;
import io.tallycast.bus.StreamControl;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The stream part in a run without a stream (demo --no-stream, no stream section in the configuration): its health
 * report carries the fields the console shows (state "off", fps, bitrate, dropped and repeated frames, reconnects,
 * uptime, destinations), all at rest, with status STOPPED, which does not make {@code /api/health} unhealthy. It
 * answers start and stop on {@link Contract#STREAM_CONTROL} with a failure coded {@link StreamControl#NO_STREAM} saying
 * why.
 */
public final class StreamOff extends VerticleBase {
  /** What the console shows when asked to start or stop a stream that is not in this run. */
  public static final String NOT_YET = "this run has no stream to start or stop "
      + "(the demo was started with --no-stream, "
      + "or the configuration has no stream section)";

  @Override
  public Future<?> start() {
    Bus.of(vertx).answer(Contract.STREAM_CONTROL,
        asked -> Future.failedFuture(new Refusal(StreamControl.NO_STREAM, NOT_YET)));
    StreamHealth.atRest("off", null).publish(vertx);
    return Future.succeededFuture();
  }
}
