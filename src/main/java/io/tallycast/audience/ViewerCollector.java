package io.tallycast.audience;

import io.tallycast.bus.HealthReport;
import io.tallycast.bus.ViewerReading;
import io.tallycast.util.Backoff;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every configured platform for its viewers on a timer and hands each reading on; one health part per platform
 * ("audience youtube"). A platform that fails is asked again after a backoff (jittered, doubling to a cap) instead of
 * at every tick, and a used-up quota waits the longest: asking again would only spend more of tomorrow's. The log says
 * a change of state once, not every failure.
 */
public final class ViewerCollector extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ViewerCollector.class);

  /** How often and how patiently: the interval while all is well, and the backoff's first step and cap. */
  public record Timing(Duration interval, Duration backoffFirst, Duration backoffMax) {
    public static Timing defaults() {
      return new Timing(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(10));
    }
  }

  private final List<ViewerSource> sources;
  private final Timing timing;
  private final Consumer<ViewerReading> readings;
  private volatile boolean stopping;

  public ViewerCollector(List<ViewerSource> sources, Timing timing, Consumer<ViewerReading> readings) {
    this.sources = List.copyOf(sources);
    this.timing = timing;
    this.readings = readings;
  }

  @Override
  public Future<?> start() {
    for (ViewerSource source : sources) {
      new Platform(source).ask();
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    return Future.succeededFuture();
  }

  /** One platform's loop: ask, report, wait (the interval, or the backoff after a failure). */
  private final class Platform {
    private final ViewerSource source;
    private final Backoff backoff = new Backoff(timing.backoffFirst(), timing.backoffMax());
    private final String part;
    private Instant lastSuccess;
    private ViewerReading.Kind lastKind;

    Platform(ViewerSource source) {
      this.source = source;
      this.part = "audience " + source.platform();
    }

    void ask() {
      if (stopping) {
        return;
      }
      source.read().onSuccess(this::took);
    }

    private void took(ViewerReading reading) {
      readings.accept(reading);
      long waitMs;
      if (reading.kind() == ViewerReading.Kind.FAILED) {
        waitMs = backoff.failed();
        if (reading.problem() != null && reading.problem().startsWith("quota exceeded")) {
          waitMs = timing.backoffMax().toMillis();
        }
      } else {
        backoff.reset();
        lastSuccess = reading.at();
        waitMs = timing.interval().toMillis();
      }
      if (reading.kind() != lastKind) {
        LOG.info("{}: {}{}", part, reading.kind().name().toLowerCase(java.util.Locale.ROOT),
            reading.problem() == null ? "" : " (" + reading.problem() + ")");
        lastKind = reading.kind();
      }
      report(reading, waitMs);
      vertx.setTimer(Math.max(1, waitMs), id -> ask());
    }

    private void report(ViewerReading reading, long nextMs) {
      HealthReport.Status status = reading.kind() == ViewerReading.Kind.FAILED
          ? (lastSuccess == null ? HealthReport.Status.DOWN : HealthReport.Status.DEGRADED) : HealthReport.Status.OK;
      JsonObject details = new JsonObject().put("platform", source.platform())
          .put("state", reading.kind().name().toLowerCase(java.util.Locale.ROOT)).put("viewers", reading.viewers())
          .put("note", reading.problem()).put("failuresInARow", backoff.failures()).put("nextAskMs", nextMs)
          .put("quotaUnits", source.quotaUnits());
      new HealthReport(part, status, lastSuccess, reading.kind() == ViewerReading.Kind.FAILED ? reading.problem()
          : null, reading.kind() == ViewerReading.Kind.FAILED ? reading.at() : null, details).publish(vertx);
    }
  }
}
