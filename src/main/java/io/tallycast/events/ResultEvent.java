package io.tallycast.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A change the store detected, with its store-assigned id (strictly increasing), the seat (null for tally events),
 * the source timestamp, and type-specific fields (from/to, before/after, winner, margin, result...).
 */
public record ResultEvent(long id, EventType type, Integer seat, Instant at, JsonObject body) {

  /** The API and push shape: {"id":..,"type":"lead.flipped","seat":12,"at":"...", ...body fields}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("type", type.address()).put("seat", seat)
        .put("at", at.toString());
    body.forEach(e -> json.put(e.getKey(), e.getValue()));
    return json;
  }

  public static ResultEvent fromJson(JsonObject json) {
    JsonObject body = json.copy();
    for (String key : new String[] {"id", "type", "seat", "at"}) {
      body.remove(key);
    }
    return new ResultEvent(json.getLong("id"), EventType.fromAddress(json.getString("type")), json.getInteger("seat"),
        Instant.parse(json.getString("at")), body);
  }
}
