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
  /** The state a channel's health shows on the nodes of a cluster that do not carry it. */
  static final String ELSEWHERE = "on another node";

  private final StreamVerticle.Settings settings;
  private final String page;
  private final String part;
  private final Vertx vertx;
  private final WorkerExecutor control;
  // touched only on the control thread
  private volatile Streamer streamer;
  private StreamHealth health;
  private volatile boolean stopping;
  /** Always, except on a node of a cluster, where the cluster places the channel on one node at a time. */
  private volatile boolean carried;

  /**
   * @param first  the engine's first channel: its part is "stream" and its thread "stream-control", as before there
   *               were several
   * @param placed on a node of a cluster: carried only once the cluster places it here ({@link #carry})
   */
  Channel(Vertx vertx, StreamVerticle.Settings settings, String page, boolean first, boolean placed) {
    this.vertx = vertx;
    this.settings = settings;
    this.page = page;
    this.part = StreamHealth.partOf(settings.name(), first);
    this.control = vertx.createSharedWorkerExecutor(first ? "stream-control" : "stream-control-" + settings.name(), 1,
        2, TimeUnit.MINUTES);
    this.carried = !placed;
    if (placed) {
      reportElsewhere();
    } else {
      reportStopped(null);
    }
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
    if (!carried && action == StreamControl.Action.START) {
      return Future.failedFuture(new Refusal(409, "channel " + name() + " is carried by another node of the cluster: "
          + "start or stop it on that node"));
    }
    return control.executeBlocking(action == StreamControl.Action.START ? this::begin : this::end, false)
        .map(StreamStatus::new)
        .recover(e -> Future.failedFuture(new Refusal(409, safe(e.getMessage()))));
  }

  /**
   * On a node of a cluster: placed here (started when the settings say so; answered at once, the start goes on on the
   * control thread) or taken away (answered once stopped, its outputs finished, so two nodes never send it at once).
   */
  Future<StreamStatus> carry(boolean here) {
    carried = here;
    if (!here) {
      return control.executeBlocking(this::letGo, false).map(StreamStatus::new);
    }
    control.executeBlocking(this::taken, false)
        .onFailure(e -> LOG.error("{}: not started: {}", part, safe(e.getMessage())));
    return Future.succeededFuture(new StreamStatus(status(new JsonObject().put("state",
        settings.autostart() ? "starting" : "stopped"))));
  }

  /** Control thread: carried here now; on air at once unless the settings wait for the operator. */
  private JsonObject taken() throws Exception {
    if (!carried) { // taken away again before this ran
      return stoppedStatus();
    }
    if (settings.autostart()) {
      return begin();
    }
    reportStopped(null);
    return stoppedStatus();
  }

  /** Control thread: stopped, and said to be carried elsewhere. */
  private JsonObject letGo() {
    JsonObject out = end();
    reportElsewhere();
    return out;
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

  private void reportElsewhere() {
    StreamHealth.atRest(part, name(), ELSEWHERE, null).publish(vertx);
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
