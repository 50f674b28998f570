package io.tallycast.operator;

import io.tallycast.stream.StreamHealth;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * The stream part in a run without a stream: its health report carries the fields the console shows (state, fps,
 * bitrate, dropped and repeated frames, reconnects, uptime, destinations), all at rest, with status STOPPED, which does
 * not make {@code /api/health} unhealthy. Start and stop answer 409. A run with a stream overwrites it at once.
 */
final class StreamPlaceholder {
  static final String NOT_YET = "this run has no stream to start or stop (the demo was started with --no-stream, or "
      + "the configuration has no stream section)";

  private StreamPlaceholder() {
  }

  static void report(Vertx vertx) {
    StreamHealth.atRest("off", null).publish(vertx);
  }

  static void refuse(RoutingContext ctx) {
    Replies.error(ctx, 409, NOT_YET);
  }
}
