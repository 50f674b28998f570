package io.tallycast.health;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * One part's state as it reports it on the bus ({@link #ADDRESS}); the web part keeps the latest per part for
 * {@code /api/health} and the console. Parts report on change and on every cycle, never asking anyone back.
 *
 * @param lastSuccess when the part last did its job (the scraper: when it last read the state's whole list and most
 *                    seats with it; each seat's own age is in its details)
 * @param details     part-specific figures (counts, timings, data age inputs)
 */
public record HealthReport(String part, Status status, Instant lastSuccess, String lastError, Instant lastErrorAt,
                           JsonObject details) {
  public static final String ADDRESS = "health.report";
  /** The latest report per part, kept for whoever starts listening after a part last reported. */
  private static final String LATEST = "tallycast.health.latest";

  public enum Status {
    STARTING, OK, DEGRADED, DOWN, STOPPED;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("part", part).put("status", status.json())
        .put("lastSuccess", lastSuccess == null ? null : lastSuccess.toString())
        .put("lastError", lastError)
        .put("lastErrorAt", lastErrorAt == null ? null : lastErrorAt.toString())
        .put("details", details == null ? new JsonObject() : details);
  }

  public static HealthReport fromJson(JsonObject json) {
    return new HealthReport(json.getString("part"), Status.valueOf(json.getString("status").toUpperCase(Locale.ROOT)),
        instant(json.getString("lastSuccess")), json.getString("lastError"), instant(json.getString("lastErrorAt")),
        json.getJsonObject("details", new JsonObject()));
  }

  public void publish(Vertx vertx) {
    JsonObject json = toJson();
    vertx.sharedData().<String, JsonObject>getLocalMap(LATEST).put(part, json);
    vertx.eventBus().publish(ADDRESS, json);
  }

  /**
   * The last report of every part so far: a board that starts listening late (the API starts after the store and the
   * maps) would otherwise show a part that reports only on change as missing until it changes.
   */
  public static java.util.List<HealthReport> latest(Vertx vertx) {
    return vertx.sharedData().<String, JsonObject>getLocalMap(LATEST).values().stream().map(HealthReport::fromJson)
        .toList();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
