package io.tallycast.stream;

import io.micrometer.core.instrument.Metrics;
import io.tallycast.stream.capture.CaptureConfig;
import io.tallycast.stream.capture.Captures;
import io.tallycast.stream.capture.FrameSource;
import io.tallycast.stream.output.Destination;
import io.tallycast.stream.output.Redact;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's stream: captures the overlay page, encodes it once and sends it to every destination (see
 * {@link Streamer}). Started at deploy when asked to (the demo does), and started or stopped by the operator on
 * {@value #CONTROL} ({"action":"start"|"stop"}, answered with the stream's status). Capture and encoder start-up and
 * shut-down block for seconds: they run on a single "stream-control" thread, never on the event loop, and one at a time.
 */
public final class StreamVerticle extends VerticleBase {
  public static final String CONTROL = "stream.control";
  /** Asks for a small JPEG of what is on air: replied with the bytes, or failed 404 when nothing is on air. */
  public static final String PREVIEW = "stream.preview";
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
    vertx.eventBus().<JsonObject>consumer(CONTROL, this::control);
    vertx.eventBus().<Object>consumer(PREVIEW, this::preview);
    reportStopped(null);
    if (settings.autostart()) {
      // the engine is up whatever the stream does: a stream that cannot start is reported, not fatal
      control.executeBlocking(this::begin, true)
          .onFailure(e -> LOG.error("stream not started: {}", safe(e.getMessage())));
    }
    return Future.succeededFuture();
  }

  private void control(Message<JsonObject> message) {
    String action = message.body() == null ? null : message.body().getString("action");
    if (!"start".equals(action) && !"stop".equals(action)) {
      message.fail(400, "stream action is start or stop, not " + action);
      return;
    }
    control.executeBlocking("start".equals(action) ? this::begin : this::end, true)
        .onSuccess(message::reply)
        .onFailure(e -> message.fail(409, safe(e.getMessage())));
  }

  /** JPEG encoding of the still on a worker thread; the control thread may be busy starting. */
  private void preview(Message<Object> message) {
    Streamer current = streamer;
    if (current == null) {
      message.fail(404, "the stream is not running");
      return;
    }
    vertx.executeBlocking(current::previewJpeg, false).onSuccess(jpeg -> {
      if (jpeg == null) {
        message.fail(404, "no picture yet: the stream is starting");
      } else {
        message.reply(io.vertx.core.buffer.Buffer.buffer(jpeg));
      }
    }).onFailure(e -> message.fail(500, String.valueOf(e.getMessage())));
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
