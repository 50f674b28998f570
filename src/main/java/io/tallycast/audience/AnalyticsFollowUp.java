package io.tallycast.audience;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.PlatformTotals;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a broadcast ends, asks YouTube Analytics for its figures every {@code interval} until they arrive or
 * {@code giveUpAfter} has passed (Analytics lags hours, sometimes days), and publishes them once on
 * {@link Contract#PLATFORM_TOTALS}, where the store keeps them for the report. Health part {@value #PART}: OK while
 * waiting (note "figures not available yet") and once they came, DEGRADED while asking fails (why) or after giving up.
 */
public final class AnalyticsFollowUp {
  public static final String PART = "audience youtube analytics";
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsFollowUp.class);

  private final Vertx vertx;
  private final YouTubeAnalytics analytics;
  private final Duration interval;
  private final Duration giveUpAfter;
  private final Clock clock;
  private final Map<String, Follow> videos = new ConcurrentHashMap<>();
  private volatile boolean stopped;
  private Instant lastSuccess;
  private String lastError;
  private Instant lastErrorAt;

  public AnalyticsFollowUp(Vertx vertx, YouTubeAnalytics analytics, Duration interval, Duration giveUpAfter,
                           Clock clock) {
    this.vertx = vertx;
    this.analytics = analytics;
    this.interval = interval;
    this.giveUpAfter = giveUpAfter;
    this.clock = clock;
  }

  /** The real client on its own WebClient, timed as configured. */
  public static AnalyticsFollowUp create(Vertx vertx, AnalyticsConfig config) {
    return new AnalyticsFollowUp(vertx, new YouTubeAnalytics(WebClient.create(vertx), config, Clock.systemUTC()),
        config.interval(), config.giveUpAfter(), Clock.systemUTC());
  }

  /**
   * Starts asking about one video (the broadcast's days, in the channel's terms); asking again about a video already
   * followed gives the same future. Completes with the figures once published; fails after giving up.
   */
  public Future<PlatformTotals> follow(String videoId, LocalDate start, LocalDate end) {
    Follow follow = videos.compute(videoId, (id, old) -> old == null || old.state.equals("gave up")
        ? new Follow(id, start, end, clock.instant().plus(giveUpAfter)) : old);
    if (follow.started.compareAndSet(false, true)) {
      follow.ask();
    }
    return follow.promise.future();
  }

  /** The videos still being asked about. */
  public Set<String> following() {
    Set<String> open = new TreeSet<>();
    videos.forEach((id, f) -> {
      if (!f.promise.future().isComplete()) {
        open.add(id);
      }
    });
    return open;
  }

  /** No more asking (shutdown): what is still open fails. */
  public void stop() {
    stopped = true;
    videos.values().forEach(f -> {
      vertx.cancelTimer(f.timer);
      f.promise.tryFail("stopped before YouTube Analytics had the figures");
    });
  }

  /** One video's asking: ask, then publish, wait an interval, or give up. */
  private final class Follow {
    private final String video;
    private final LocalDate start;
    private final LocalDate end;
    private final Instant deadline;
    private final Promise<PlatformTotals> promise = Promise.promise();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile int asks;
    private volatile String state = "waiting";
    private volatile String note;
    private volatile long timer = -1;

    Follow(String video, LocalDate start, LocalDate end, Instant deadline) {
      this.video = video;
      this.start = start;
      this.end = end;
      this.deadline = deadline;
    }

    void ask() {
      if (stopped) {
        return;
      }
      asks++;
      analytics.ask(video, start, end).onSuccess(this::took);
    }

    private void took(YouTubeAnalytics.Answer answer) {
      if (stopped) {
        return;
      }
      String before = state + note;
      Instant now = clock.instant();
      if (answer.kind() == YouTubeAnalytics.Kind.READY) {
        state = "ready";
        note = null;
        PlatformTotals totals = answer.totals();
        Bus.of(vertx).publish(Contract.PLATFORM_TOTALS, totals);
        LOG.info("{}: {}: average {} and peak {} concurrent viewers, {} minutes watched", PART, video,
            totals.averageConcurrent(), totals.peakConcurrent(), totals.minutesWatched());
        report(video, now, null);
        promise.tryComplete(totals);
        return;
      }
      if (!now.isBefore(deadline)) {
        state = "gave up";
        note = "gave up after " + span(giveUpAfter) + ": " + (answer.kind() == YouTubeAnalytics.Kind.NOT_YET
            ? "the figures never came" : answer.problem());
        LOG.warn("{}: {}: {}", PART, video, note);
        report(video, null, note);
        promise.tryFail(note);
        return;
      }
      state = answer.kind() == YouTubeAnalytics.Kind.NOT_YET ? "waiting" : "failing";
      note = answer.problem();
      if (!before.equals(state + note)) {
        LOG.info("{}: {}: {} ({})", PART, video, state, note);
      }
      report(video, null, state.equals("failing") ? note : null);
      long waitMs = Math.min(interval.toMillis(), Duration.between(now, deadline).toMillis());
      timer = vertx.setTimer(Math.max(1, waitMs), id -> ask());
    }

    JsonObject json() {
      return new JsonObject().put("state", state).put("note", note).put("asks", asks)
          .put("giveUpAt", deadline.toString());
    }
  }

  private static String span(Duration d) {
    return d.toHours() > 0 ? d.toHours() + " h" : d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toMillis() + " ms";
  }

  private void report(String video, Instant success, String error) {
    HealthReport health;
    synchronized (this) {
      if (success != null) {
        lastSuccess = success;
      }
      if (error != null) {
        lastError = "video " + video + ": " + error;
        lastErrorAt = clock.instant();
      }
      JsonObject each = new JsonObject();
      boolean troubled = false;
      boolean waiting = false;
      for (Map.Entry<String, Follow> e : videos.entrySet()) {
        each.put(e.getKey(), e.getValue().json());
        troubled |= e.getValue().state.equals("failing") || e.getValue().state.equals("gave up");
        waiting |= e.getValue().state.equals("waiting");
      }
      JsonObject details = new JsonObject().put("videos", each).put("tokenRefreshes", analytics.tokenRefreshes())
          .put("intervalMs", interval.toMillis()).put("note", waiting ? "figures not available yet" : null);
      health = new HealthReport(PART, troubled ? HealthReport.Status.DEGRADED : HealthReport.Status.OK, lastSuccess,
          troubled ? lastError : null, troubled ? lastErrorAt : null, details);
    }
    health.publish(vertx);
  }
}
