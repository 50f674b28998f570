package io.tallycast.stream;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.tallycast.bus.HealthReport;
import io.tallycast.stream.output.Output;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stream as health, the console and Prometheus see it: a {@link HealthReport} part "stream" on the bus (details
 * in the shape the console reads: state, fps, bitrate, dropped, repeated, reconnects, uptimeSeconds, destinations,
 * and pictureAgeSeconds, recentDropped, recentRepeated). The status looks at the picture, not only at the
 * connections: a picture unchanged beyond {@link StreamConfig#pictureStaleAfter()} (a frozen overlay) or more than a
 * second's worth of frames dropped within {@link StreamConfig#dropWindow()} is DEGRADED, whatever the ingests say.
 * published every {@code periodMs} from a Vert.x timer (reading atomics only, so the event loop never waits), and
 * {@code tallycast.stream.*} meters. Destinations appear only redacted.
 */
public final class StreamHealth implements AutoCloseable {
  /** The first channel's part; another channel's is "stream NAME" ({@link #partOf}). */
  public static final String PART = "stream";

  /** A channel's health part: "stream" for the first (as before there were several), "stream NAME" for the others. */
  public static String partOf(String channel, boolean first) {
    return first ? PART : PART + " " + channel;
  }

  /**
   * The part when nothing is on air (status STOPPED, which does not make /api/health unhealthy), with every field the
   * console shows at rest: state "off" in a run without a stream, "stopped" for a stream that is not running.
   */
  public static HealthReport atRest(String state, String error) {
    return atRest(PART, null, state, error);
  }

  /** The same for one channel's part; the details name the channel. */
  public static HealthReport atRest(String part, String channel, String state, String error) {
    JsonObject details = new JsonObject().put("state", state).put("fps", 0).put("bitrate", 0).put("dropped", 0)
        .put("repeated", 0).put("reconnects", 0).put("uptimeSeconds", 0).put("pictureAgeSeconds", 0)
        .put("recentDropped", 0).put("recentRepeated", 0).put("destinations", new JsonArray());
    if (channel != null) {
      details.put("channel", channel);
    }
    return new HealthReport(part, HealthReport.Status.STOPPED, null, error, error == null ? null : Instant.now(),
        details);
  }

  private final Streamer streamer;
  private final String part;
  private final String channel;
  private final List<Meter> meters = new ArrayList<>();
  private MeterRegistry registry;
  private Vertx vertx;
  private long timer = -1;
  private volatile Instant lastLive;

  public StreamHealth(Streamer streamer) {
    this(streamer, PART, null);
  }

  /** One channel's: its part (see {@link #partOf}), its name in the details and on every meter (tag "channel"). */
  public StreamHealth(Streamer streamer, String part, String channel) {
    this.streamer = streamer;
    this.part = part;
    this.channel = channel;
  }

  /** The report for the current moment. */
  public HealthReport report() {
    JsonObject status = streamer.status().put("channel", channel);
    JsonArray destinations = status.getJsonArray("destinations");
    long live = count(destinations, "live");
    long paused = count(destinations, "paused");
    HealthReport.Status health;
    switch (streamer.state()) {
      // every destination live: OK; some: DEGRADED (the others are reconnecting); none: DOWN, nobody sees us. A
      // recording paused by the disk policy is a known, chosen state: DEGRADED, not DOWN, even when it is the only one
      case RUNNING -> health = live == destinations.size() ? HealthReport.Status.OK
          : live == 0 && paused == 0 ? HealthReport.Status.DOWN : HealthReport.Status.DEGRADED;
      case STARTING -> health = HealthReport.Status.STARTING;
      case FAILED -> health = HealthReport.Status.DOWN;
      default -> health = HealthReport.Status.STOPPED;
    }
    if (live > 0) {
      lastLive = Instant.now();
    }
    String lastError = status.getString("lastError");
    String picture = streamer.state() == Streamer.State.RUNNING ? pictureProblem(status) : null;
    if (picture != null) {
      health = health == HealthReport.Status.OK ? HealthReport.Status.DEGRADED : health;
      lastError = lastError == null ? picture : picture + "; " + lastError;
    }
    if (lastError == null) {
      for (Object d : destinations) {
        String e = ((JsonObject) d).getString("lastError");
        if (e != null && !"live".equals(((JsonObject) d).getString("state"))) {
          lastError = e;
        }
      }
    }
    return new HealthReport(part, health, lastLive, lastError, lastError == null ? null : Instant.now(), status);
  }

  private static long count(JsonArray destinations, String state) {
    return destinations.stream().filter(d -> state.equals(((JsonObject) d).getString("state"))).count();
  }

  /** What is wrong with the picture on air (frozen, or a burst of dropped frames), or null. */
  private String pictureProblem(JsonObject status) {
    StreamConfig config = streamer.config();
    List<String> problems = new ArrayList<>();
    double age = status.getDouble("pictureAgeSeconds");
    if (age * 1000 > config.pictureStaleAfter().toMillis()) {
      JsonObject source = status.getJsonObject("source", new JsonObject());
      String recovery = "restarting".equals(source.getString("browser")) ? "; the capture is restarting the browser"
          : "reloading".equals(source.getString("page")) ? "; the capture is reloading the page" : "";
      problems.add("picture unchanged for " + Math.round(age) + " s: the overlay browser may be frozen" + recovery);
    }
    long dropped = status.getLong("recentDropped");
    if (dropped > config.dropBurst()) {
      problems.add(dropped + " frames dropped in the last " + config.dropWindow().toSeconds()
          + " s: the encoder fell behind (machine overloaded?)");
    }
    // quality given up to keep time: on air and fine, but the operator should know the machine is short of CPU
    String encoder = status.getJsonObject("encoder", new JsonObject()).getString("note");
    if (encoder != null) {
      problems.add(encoder);
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  /** Publishes on the bus now and every {@code periodMs} until closed. */
  public StreamHealth publish(Vertx vertx, long periodMs) {
    this.vertx = vertx;
    report().publish(vertx);
    timer = vertx.setPeriodic(periodMs, id -> report().publish(vertx));
    return this;
  }

  /** Registers tallycast.stream.* meters: frames by kind, fps, bitrate, and per destination live/reconnects/bytes. */
  public StreamHealth bind(MeterRegistry registry) {
    this.registry = registry;
    Tags tags = Tags.of("channel", channel == null ? "" : channel);
    meters.add(FunctionCounter.builder("tallycast.stream.frames", streamer, Streamer::encoded).tag("kind", "encoded")
        .description("output frames encoded").tags(tags).register(registry));
    meters.add(FunctionCounter.builder("tallycast.stream.frames", streamer, Streamer::repeated).tag("kind", "repeated")
        .description("output frames that repeated the previous picture").tags(tags).register(registry));
    meters.add(FunctionCounter.builder("tallycast.stream.frames", streamer, Streamer::dropped).tag("kind", "dropped")
        .description("output frames skipped because the encoder fell behind").tags(tags).register(registry));
    meters.add(FunctionCounter.builder("tallycast.stream.frames", streamer, Streamer::droppedByPacer)
        .tag("kind", "dropped_by_pacer").description("captured pictures the clock never took").tags(tags)
        .register(registry));
    meters.add(FunctionCounter.builder("tallycast.stream.encoded.bytes", streamer, Streamer::encodedBytes)
        .tags(tags).register(registry));
    meters.add(Gauge.builder("tallycast.stream.fps", streamer, s -> s.status().getDouble("fps")).tags(tags)
        .register(registry));
    meters.add(Gauge.builder("tallycast.stream.encoder.level", streamer, Streamer::encoderLevel)
        .description("0 = the configured x264 settings; each level above is cheaper (faster preset, then lower "
            + "quality), taken when the machine could not keep up").tags(tags).register(registry));
    meters.add(Gauge.builder("tallycast.stream.encoder.load", streamer, Streamer::encoderLoad)
        .description("share of the frame time the clock thread's work took over the last second").tags(tags)
        .register(registry));
    meters.add(FunctionCounter.builder("tallycast.stream.encoder.changes", streamer, Streamer::encoderChanges)
        .description("steps of the encoder down or up").tags(tags).register(registry));
    for (Output output : streamer.outputs()) {
      String target = output.destination().shown();
      meters.add(Gauge.builder("tallycast.stream.destination.live", output,
          o -> o.state() == Output.State.LIVE ? 1 : 0).tag("destination", target).tags(tags).register(registry));
      meters.add(FunctionCounter.builder("tallycast.stream.destination.reconnects", output, Output::reconnects)
          .tag("destination", target).tags(tags).register(registry));
      meters.add(FunctionCounter.builder("tallycast.stream.destination.bytes", output, Output::bytes)
          .tag("destination", target).tags(tags).register(registry));
    }
    return this;
  }

  @Override
  public void close() {
    if (vertx != null && timer >= 0) {
      vertx.cancelTimer(timer);
      report().publish(vertx);
    }
    if (registry != null) {
      meters.forEach(registry::remove);
    }
  }
}
