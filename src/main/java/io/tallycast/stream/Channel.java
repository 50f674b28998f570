package io.tallycast.stream;

import io.micrometer.core.instrument.Metrics;
import io.tallycast.bus.Preview;
import io.tallycast.bus.Refusal;
import io.tallycast.bus.StreamControl;
import io.tallycast.bus.StreamStatus;
import io.tallycast.stream.capture.CaptureConfig;
import io.tallycast.stream.capture.Captures;
import io.tallycast.stream.capture.FrameSource;
import io.tallycast.stream.output.Destination;
import io.tallycast.stream.output.Redact;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel on air: its own capture (Xvfb display and kiosk Chromium), encoder and outputs ({@link Streamer}), its
 * own health part and meters. Start-up and shut-down block for seconds: they run on the channel's own single control
 * thread, never on the event loop, one at a time; two channels start and stop independently of each other (not
 * "ordered" tasks: Vert.x orders those per verticle context, across executors, which would make one channel's start
 * wait for the other's; the pool of one thread keeps each channel's own in order).
 */
final class Channel {
  private static final Logger LOG = LoggerFactory.getLogger(Channel.class);

  private final StreamVerticle.Settings settings;
  private final String page;
  private final String part;
  private final Vertx vertx;
  private final WorkerExecutor control;
  // touched only on the control thread
  private volatile Streamer streamer;
  private StreamHealth health;
  private volatile boolean stopping;

  /**
   * @param first the engine's first channel: its part is "stream" and its thread "stream-control", as before there
   *              were several
   */
  Channel(Vertx vertx, StreamVerticle.Settings settings, String page, boolean first) {
    this.vertx = vertx;
    this.settings = settings;
    this.page = page;
    this.part = StreamHealth.partOf(settings.name(), first);
    this.control = vertx.createSharedWorkerExecutor(first ? "stream-control" : "stream-control-" + settings.name(), 1,
        2, TimeUnit.MINUTES);
    reportStopped(null);
  }

  String name() {
    return settings.name();
  }

  /** Starts now when the settings say so; a channel that cannot start is reported, not fatal. */
  void autostart() {
    if (settings.autostart()) {
      control.executeBlocking(this::begin, false)
          .onFailure(e -> LOG.error("{}: not started: {}", part, safe(e.getMessage())));
    }
  }

  Future<StreamStatus> control(StreamControl.Action action) {
    return control.executeBlocking(action == StreamControl.Action.START ? this::begin : this::end, false)
        .map(StreamStatus::new)
        .recover(e -> Future.failedFuture(new Refusal(409, safe(e.getMessage()))));
  }

  /** JPEG encoding of the still on a worker thread; the control thread may be busy starting. */
  Future<Preview> preview() {
    Streamer current = streamer;
    if (current == null) {
      return Future.failedFuture(new Refusal(404, "the stream is not running"));
    }
    return vertx.executeBlocking(current::previewJpeg, false).compose(jpeg -> jpeg == null
        ? Future.failedFuture(new Refusal(404, "no picture yet: the stream is starting"))
        : Future.succeededFuture(new Preview(jpeg)));
  }

  /** Control thread. Starting a running stream answers its status. */
  private JsonObject begin() throws Exception {
    if (streamer != null && streamer.state() == Streamer.State.RUNNING) {
      return status(streamer.status());
    }
    end();
    StreamConfig config = settings.config();
    LOG.info("{}: capturing {} at {}x{} {} fps", part, page, config.width(), config.height(), config.fps());
    FrameSource source;
    try {
      source = Captures.open(CaptureConfig.of(page, config.width(), config.height(), config.fps()), () -> stopping);
    } catch (Exception e) {
      if (stopping) { // Ctrl-C during the capture's start: a stop, not a failure
        return stoppedStatus();
      }
      throw e;
    }
    if (stopping) { // the engine began to stop while the capture started: nothing goes on air now
      source.close();
      return stoppedStatus();
    }
    Streamer started = new Streamer(config, source).labelled(part);
    try {
      started.start();
    } catch (Exception e) {
      started.close();
      reportStopped(e.getMessage());
      throw e;
    }
    streamer = started;
    health = new StreamHealth(started, part, name()).bind(Metrics.globalRegistry).publish(vertx, 2000);
    return status(started.status());
  }

  /** Control thread: outputs finished (recording trailers written), capture closed. */
  private JsonObject end() {
    if (health != null) {
      health.close();
      health = null;
    }
    if (streamer != null) {
      streamer.close();
      streamer = null;
      LOG.info("{}: stopped", part);
    }
    reportStopped(null);
    return stoppedStatus();
  }

  private JsonObject stoppedStatus() {
    return status(new JsonObject().put("state", "stopped"));
  }

  private JsonObject status(JsonObject status) {
    return status.put("channel", name());
  }

  private void reportStopped(String error) {
    StreamHealth.atRest(part, name(), "stopped", error == null ? null : part + ": " + safe(error)).publish(vertx);
  }

  /** Error texts can echo an ingest URL (FFmpeg's do): no key leaves this class. */
  private String safe(String text) {
    String out = String.valueOf(text);
    for (Destination d : settings.config().destinations()) {
      if (d.network()) {
        out = Redact.text(out, d.url());
        out = Redact.text(out, d.url().substring(d.url().lastIndexOf('/') + 1));
      }
    }
    return out;
  }

  /** The engine stops: whatever is starting gives up, what is on air is finished properly. */
  Future<?> stop() {
    stopping = true;
    return control.executeBlocking(this::end, false).eventually(() -> control.close());
  }
}
