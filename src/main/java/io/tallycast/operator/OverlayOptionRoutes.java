package io.tallycast.operator;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.OverlayOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/operator/overlay/options} {"watchingNow": true}: the overlay's options besides its scene. Checked
 * whole before anything changes, saved (a restart shows the same), then announced on {@link Contract#OVERLAY_OPTIONS}
 * so the overlay follows at once. A field left out keeps its value.
 */
final class OverlayOptionRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(OverlayOptionRoutes.class);
  private static final Set<String> FIELDS = Set.of("watchingNow");
  private final Vertx vertx;
  private final OverlaySettings overlay;
  private final SharedActions shared;

  OverlayOptionRoutes(Vertx vertx, OverlaySettings overlay, SharedActions shared) {
    this.shared = shared;
    this.vertx = vertx;
    this.overlay = overlay;
  }

  void mount(Router router) {
    router.post("/api/operator/overlay/options").handler(this::change);
  }

  private void change(RoutingContext ctx) {
    OverlayOptions chosen;
    try {
      chosen = check(Replies.body(ctx), overlay.options());
    } catch (IllegalArgumentException e) {
      Replies.refuse(ctx, e);
      return;
    }
    vertx.executeBlocking(() -> {
      overlay.save(chosen);
      return chosen;
    }, true).onSuccess(saved -> {
      overlay.options(saved);
      Bus.of(vertx).publish(Contract.OVERLAY_OPTIONS, saved);
      shared.share(saved);
      LOG.info("operator: overlay 'watching now' {}", saved.watchingNow() ? "on" : "off");
      Replies.json(ctx, 200, toJson(saved));
    }).onFailure(e -> Replies.error(ctx, 500, "the overlay options could not be saved, so they were not changed: "
        + e.getMessage()));
  }

  /** The options the body asks for, the others as they are; an unknown field or a value of the wrong kind refuses. */
  static OverlayOptions check(JsonObject body, OverlayOptions current) {
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("unknown overlay option '" + field + "'; known: " + FIELDS);
      }
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("send the options to change, e.g. {\"watchingNow\": true}");
    }
    Object watching = body.getValue("watchingNow", current.watchingNow());
    if (!(watching instanceof Boolean on)) {
      throw new IllegalArgumentException("'watchingNow' must be true or false, not "
          + Json.encode(body.getValue("watchingNow")));
    }
    return new OverlayOptions(on);
  }

  static JsonObject toJson(OverlayOptions options) {
    return new JsonObject().put("watchingNow", options.watchingNow());
  }
}
