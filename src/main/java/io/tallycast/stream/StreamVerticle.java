package io.tallycast.stream;

import io.micrometer.core.instrument.Metrics;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
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
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's stream: captures the overlay page, encodes it once and sends it to every destination (see
 * {@link Streamer}). Started at deploy when asked to (the demo does), and started or stopped by the operator on
 * {@link Contract#STREAM_CONTROL} (answered with the stream's status); {@link Contract#STREAM_PREVIEW} answers a still
 * of what is on air, or fails 404 when nothing is. Capture and encoder start-up and
 * shut-down block for seconds: they run on a single "stream-control" thread, never on the event loop, and one at a
 * time.
 */
public final class StreamVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(StreamVerticle.class);

  /** What to stream where; the page is the engine's own overlay. */
  public record Settings(StreamConfig config, boolean autostart) {
  }

  private final Settings settings;
  private final String page;
  private WorkerExecutor control;
  // touched only on the control thread
  private volatile Streamer streamer;
  private StreamHealth health;
  private volatile boolean stopping;

  public StreamVerticle(Settings settings, String page) {
    this.settings = settings;
    this.page = page;
  }

  @Override
  public Future<?> start() {
    control = vertx.createSharedWorkerExecutor("stream-control", 1, 2, TimeUnit.MINUTES);
    Bus bus = Bus.of(vertx);
    bus.answer(Contract.STREAM_CONTROL, this::control);
    bus.answer(Contract.STREAM_PREVIEW, none -> preview());
    reportStopped(null);
    if (settings.autostart()) {
      // the engine is up whatever the stream does: a stream that cannot start is reported, not fatal
      control.executeBlocking(this::begin, true)
          .onFailure(e -> LOG.error("stream not started: {}", safe(e.getMessage())));
    }
    return Future.succeededFuture();
  }

  private Future<StreamStatus> control(StreamControl asked) {
    return control.executeBlocking(asked.action() == StreamControl.Action.START ? this::begin : this::end, true)
        .map(StreamStatus::new)
        .recover(e -> Future.failedFuture(new Refusal(409, safe(e.getMessage()))));
  }

  /** JPEG encoding of the still on a worker thread; the control thread may be busy starting. */
  private Future<Preview> preview() {
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
      return streamer.status();
    }
    end();
    StreamConfig config = settings.config();
    LOG.info("stream: capturing {} at {}x{} {} fps", page, config.width(), config.height(), config.fps());
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
    Streamer started = new Streamer(config, source);
    try {
      started.start();
    } catch (Exception e) {
      started.close();
      reportStopped(e.getMessage());
      throw e;
    }
    streamer = started;
    health = new StreamHealth(started).bind(Metrics.globalRegistry).publish(vertx, 2000);
    return started.status();
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
      LOG.info("stream: stopped");
    }
    reportStopped(null);
    return stoppedStatus();
  }

  private static JsonObject stoppedStatus() {
    return new JsonObject().put("state", "stopped");
  }

  private void reportStopped(String error) {
    StreamHealth.atRest("stopped", error == null ? null : "stream: " + safe(error)).publish(vertx);
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

  @Override
  public Future<?> stop() {
    stopping = true;
    return control.executeBlocking(this::end, true).eventually(() -> control.close());
  }
}
