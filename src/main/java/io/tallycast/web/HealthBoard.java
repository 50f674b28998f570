package io.tallycast.web;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.HealthReport.Status;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest report of every part, as {@code /api/health} shows it: overall status (the worst part's), each part's
 * state, last success and its age, last error, and the age of the results data (the scraper's last success: the
 * state's whole list read with most of its seats; each seat's own age is in the scraper's details).
 * Only the web verticle's event loop touches it.
 */
final class HealthBoard {
  private final Map<String, HealthReport> parts = new TreeMap<>();

  HealthBoard(Vertx vertx) {
    Bus.of(vertx).subscribe(Contract.HEALTH, report -> parts.put(report.part(), report));
    // on this event loop, before any report above is handled: those can only be newer
    HealthReport.latest(vertx).forEach(r -> parts.put(r.part(), r));
  }

  JsonObject toJson() {
    Instant now = Instant.now();
    JsonObject out = new JsonObject();
    Status overall = Status.OK;
    for (HealthReport r : parts.values()) {
      JsonObject part = r.toJson();
      part.remove("part");
      part.put("lastSuccessAgeSeconds", age(r.lastSuccess(), now));
      out.put(r.part(), part);
      overall = overall.worse(r.status());
    }
    HealthReport scraper = parts.get("scraper");
    return new JsonObject()
        .put("status", overall.json())
        .put("time", now.toString())
        .put("dataAgeSeconds", scraper == null ? null : age(scraper.lastSuccess(), now))
        .put("lastError", lastError())
        .put("parts", out);
  }

  /** Up means serving: a degraded part still serves; only a part that is down makes the whole service unhealthy. */
  boolean down() {
    return parts.values().stream().anyMatch(r -> r.status() == Status.DOWN);
  }

  private JsonObject lastError() {
    HealthReport latest = null;
    for (HealthReport r : parts.values()) {
      if (r.lastErrorAt() != null && (latest == null || r.lastErrorAt().isAfter(latest.lastErrorAt()))) {
        latest = r;
      }
    }
    return latest == null ? null : new JsonObject().put("part", latest.part()).put("error", latest.lastError())
        .put("at", latest.lastErrorAt().toString());
  }

  private static Double age(Instant since, Instant now) {
    return since == null ? null : Duration.between(since, now).toMillis() / 1000.0;
  }
}
