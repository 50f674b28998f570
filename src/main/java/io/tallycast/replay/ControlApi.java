package io.tallycast.replay;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The operator and test controls outside the results prefix: {@code /_replay/faults} and {@code /_replay/clock}.
 * Clock changes write the state file, so they run off the event loop.
 */
final class ControlApi {
  private static final String JSON = "application/json";

  private final Vertx vertx;
  private final ReplayClock clock;
  private final Faults faults;

  ControlApi(Vertx vertx, ReplayClock clock, Faults faults) {
    this.vertx = vertx;
    this.clock = clock;
    this.faults = faults;
  }

  void mount(Router router) {
    router.route("/_replay/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.get("/_replay/faults").handler(ctx -> json(ctx, 200, faults.toJson().encode()));
    router.put("/_replay/faults/:name").handler(this::faultOn);
    router.delete("/_replay/faults/:name").handler(this::faultOff);
    router.delete("/_replay/faults").handler(ctx -> {
      faults.clear();
      json(ctx, 200, faults.toJson().encode());
    });
    router.get("/_replay/clock").handler(ctx -> json(ctx, 200, clock.toJson().encode()));
    router.post("/_replay/clock").handler(this::changeClock);
  }

  private void faultOn(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!Fault.NAMES.contains(name)) {
      error(ctx, 404, "unknown fault '" + name + "'; known: " + Fault.NAMES);
      return;
    }
    try {
      json(ctx, 200, faults.on(Fault.fromJson(name, body(ctx))).toJson().encode());
    } catch (IllegalArgumentException | DecodeException e) {
      error(ctx, 400, e.getMessage());
    }
  }

  private void faultOff(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!Fault.NAMES.contains(name)) {
      error(ctx, 404, "unknown fault '" + name + "'; known: " + Fault.NAMES);
      return;
    }
    faults.off(name);
    json(ctx, 200, faults.toJson().encode());
  }

  private void changeClock(RoutingContext ctx) {
    JsonObject change;
    try {
      change = body(ctx);
      if (change == null || change.isEmpty()) {
        throw new IllegalArgumentException("expected {\"paused\":true|false}, {\"advanceSeconds\":n} or {\"speed\":x}");
      }
    } catch (IllegalArgumentException | DecodeException e) {
      error(ctx, 400, e.getMessage());
      return;
    }
    vertx.executeBlocking(() -> {
      // validate everything before changing anything, so a bad request changes nothing
      Double speed = number(change, "speed");
      Double advance = number(change, "advanceSeconds");
      Object paused = change.getValue("paused");
      if (paused != null && !(paused instanceof Boolean)) {
        throw new IllegalArgumentException("'paused' must be true or false");
      }
      if (speed != null) {
        ReplayClock.checkSpeed(speed);
      }
      if (advance != null && !(advance >= 0)) {
        throw new IllegalArgumentException("'advanceSeconds' must not be negative: time only goes forward");
      }
      if (speed != null) {
        clock.setSpeed(speed);
      }
      if (advance != null) {
        clock.advance(advance);
      }
      if (Boolean.TRUE.equals(paused)) {
        clock.pause();
      } else if (Boolean.FALSE.equals(paused)) {
        clock.resume();
      }
      return clock.toJson();
    }).onSuccess(state -> json(ctx, 200, state.encode()))
        .onFailure(e -> error(ctx, e instanceof IllegalArgumentException ? 400 : 500, e.getMessage()));
  }

  private static Double number(JsonObject change, String key) {
    Object value = change.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("'" + key + "' must be a number");
    }
    return n.doubleValue();
  }

  private static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().isEmpty()) {
      return null;
    }
    String text = ctx.body().asString();
    return text.isBlank() ? null : new JsonObject(text);
  }

  private static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body);
  }

  private static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", String.valueOf(message)).encode());
  }
}
