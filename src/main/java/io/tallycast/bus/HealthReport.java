package io.tallycast.bus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One part's state as it reports it on {@link Contract#HEALTH}; the web part keeps the latest per part for
 * {@code /api/health} and the console. Parts report on change and on every cycle, never asking anyone back, and each
 * part reports only for itself.
 *
 * @param lastSuccess when the part last did its job (the scraper: when it last read the state's whole list and most
 *                    seats with it; each seat's own age is in its details)
 * @param details     part-specific figures (counts, timings, data age inputs), shown as they are
 */
public record HealthReport(String part, Status status, Instant lastSuccess, String lastError, Instant lastErrorAt,
                           JsonObject details) {
  /** The latest report per part, kept for whoever starts listening after a part last reported. */
  private static final String LATEST = "tallycast.health.latest";

  public HealthReport {
    details = details == null ? new JsonObject() : details;
  }

  public enum Status {
    STARTING, OK, DEGRADED, DOWN, STOPPED;

    @JsonValue
    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Status fromJson(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** How much it needs an operator's eye: 0 for OK and STOPPED (a part off on purpose), up to 3 for DOWN. */
    public int rank() {
      return switch (this) {
        case OK, STOPPED -> 0;
        case STARTING -> 1;
        case DEGRADED -> 2;
        case DOWN -> 3;
      };
    }

    /** The one of the two that needs more attention (a whole's status is its worst part's). */
    public Status worse(Status other) {
      return other.rank() > rank() ? other : this;
    }
  }

  /** The API's and the console's shape: {"part","status","lastSuccess","lastError","lastErrorAt","details"}. */
  public JsonObject toJson() {
    return Wire.json(this);
  }

  public static HealthReport fromJson(JsonObject json) {
    return Wire.fromJson(json, HealthReport.class);
  }

  public void publish(Vertx vertx) {
    vertx.sharedData().<String, JsonObject>getLocalMap(LATEST).put(part, toJson());
    Bus.of(vertx).publish(Contract.HEALTH, this);
  }

  /**
   * The last report of every part so far: a board that starts listening late (the API starts after the store and the
   * maps) would otherwise show a part that reports only on change as missing until it changes.
   */
  public static List<HealthReport> latest(Vertx vertx) {
    return vertx.sharedData().<String, JsonObject>getLocalMap(LATEST).values().stream().map(HealthReport::fromJson)
        .toList();
  }
}
