package io.tallycast.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A change found by {@link ChangeDetector}, before the store gives it its id. */
public record DetectedEvent(EventType type, Integer seat, Instant at, JsonObject body) {

  public ResultEvent withId(long id) {
    return new ResultEvent(id, type, seat, at, body);
  }
}
