package io.tallycast.web;

import io.tallycast.bus.ViewerReading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audience as {@code GET /api/audience} answers it: each platform's newest reading, the total of the live figures,
 * and the last hour as a series. Pure: made from readings the caller took from the night's record.
 *
 * <p>{@code {"platforms":[{"platform","state":"live|hidden|ended|failed","viewers","at","note"}], "total", "at",
 * "series":[{"at","total","byPlatform":{"youtube":N}}]}}. A platform's figure counts only while its newest reading is
 * live: a hidden count, an ended broadcast or a failed look add nothing (and the total is null when no platform is
 * live). The series has one point per reading time in the hour up to the newest reading, each platform's figure held
 * from its latest reading before then, thinned evenly to at most {@value #MAX_POINTS} points.
 */
final class AudienceAnswer {
  /** The series' span, back from the newest reading. */
  static final Duration WINDOW = Duration.ofMinutes(60);
  /** How far before the window a platform's last reading is still held into it (a collector reads every minute). */
  static final Duration HOLD = Duration.ofMinutes(60);
  static final int MAX_POINTS = 240;

  private AudienceAnswer() {
  }

  /** A run without viewer readings (no audience configured, or none read yet). */
  static JsonObject none() {
    return new JsonObject().put("platforms", new JsonArray()).put("total", null).put("at", null)
        .put("series", new JsonArray());
  }

  /** The newest reading's time: the series ends there; null without readings. */
  static Instant newest(List<ViewerReading> latest) {
    return latest.stream().map(ViewerReading::at).max(Comparator.naturalOrder()).orElse(null);
  }

  /**
   * @param latest  each platform's newest reading
   * @param history the readings from {@link #WINDOW} plus {@link #HOLD} before the newest up to it, oldest first
   */
  static JsonObject of(List<ViewerReading> latest, List<ViewerReading> history) {
    Instant end = newest(latest);
    if (end == null) {
      return none();
    }
    JsonArray platforms = new JsonArray();
    latest.stream().sorted(Comparator.comparing(ViewerReading::platform)).forEach(r -> platforms.add(platform(r)));
    return new JsonObject().put("platforms", platforms).put("total", total(latest)).put("at", end.toString())
        .put("series", thin(series(history, end.minus(WINDOW))));
  }

  /** One platform's reading as the API and the live channel's {@code audience} event show it. */
  static JsonObject platform(ViewerReading r) {
    return new JsonObject().put("platform", r.platform()).put("state", r.kind().name().toLowerCase(Locale.ROOT))
        .put("viewers", r.kind() == ViewerReading.Kind.LIVE ? r.viewers() : null).put("at", r.at().toString())
        .put("note", r.problem());
  }

  private static Long total(Iterable<ViewerReading> readings) {
    Long total = null;
    for (ViewerReading r : readings) {
      if (r.kind() == ViewerReading.Kind.LIVE && r.viewers() != null) {
        total = (total == null ? 0 : total) + r.viewers();
      }
    }
    return total;
  }

  private static List<JsonObject> series(List<ViewerReading> history, Instant start) {
    Map<String, ViewerReading> held = new TreeMap<>();
    List<JsonObject> points = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      ViewerReading r = history.get(i);
      held.put(r.platform(), r);
      boolean lastAtThisTime = i + 1 == history.size() || !history.get(i + 1).at().equals(r.at());
      if (lastAtThisTime && !r.at().isBefore(start)) {
        JsonObject byPlatform = new JsonObject();
        held.values().stream().filter(h -> h.kind() == ViewerReading.Kind.LIVE && h.viewers() != null)
            .forEach(h -> byPlatform.put(h.platform(), h.viewers()));
        points.add(new JsonObject().put("at", r.at().toString()).put("total", total(held.values()))
            .put("byPlatform", byPlatform));
      }
    }
    return points;
  }

  /** Evenly spread, first and last kept: a sparkline's shape at a fraction of a long night's points. */
  private static JsonArray thin(List<JsonObject> points) {
    JsonArray out = new JsonArray();
    if (points.size() <= MAX_POINTS) {
      points.forEach(out::add);
      return out;
    }
    for (int i = 0; i < MAX_POINTS; i++) {
      out.add(points.get((int) Math.round((double) i * (points.size() - 1) / (MAX_POINTS - 1))));
    }
    return out;
  }
}
