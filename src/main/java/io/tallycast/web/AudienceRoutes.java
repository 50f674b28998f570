package io.tallycast.web;

import io.tallycast.bus.ViewerReading;
import io.tallycast.store.NightRecord;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/audience} (see {@link AudienceAnswer}), read from the night's record on the API's worker threads.
 * The console and the overlay ask once at load and on every reconnection; the live channel's {@code audience} events
 * keep them current in between. A run without the record (a test of the results API alone) answers as one without
 * any audience.
 */
final class AudienceRoutes {
  private final Optional<NightRecord> night;
  private final WorkerExecutor readers;
  /** The last answer and the newest readings it was made from (read first: a newer reading is never missed). */
  private List<ViewerReading> cachedLatest;
  private JsonObject cached;

  AudienceRoutes(Optional<NightRecord> night, WorkerExecutor readers) {
    this.night = night;
    this.readers = readers;
  }

  void mount(Router router) {
    router.get("/api/audience").handler(this::audience);
  }

  private void audience(RoutingContext ctx) {
    if (night.isEmpty()) {
      ApiVerticle.send(ctx, 200, AudienceAnswer.none());
      return;
    }
    readers.executeBlocking(() -> read(night.get()), false)
        .onSuccess(answer -> ApiVerticle.send(ctx, 200, answer))
        .onFailure(ctx::fail);
  }

  private synchronized JsonObject read(NightRecord record) {
    List<ViewerReading> latest = record.latestViewers();
    if (!latest.equals(cachedLatest)) {
      Instant end = AudienceAnswer.newest(latest);
      List<ViewerReading> history = end == null ? List.of()
          : record.viewers(end.minus(AudienceAnswer.WINDOW).minus(AudienceAnswer.HOLD), end);
      cached = AudienceAnswer.of(latest, history);
      cachedLatest = latest;
    }
    return cached;
  }
}
