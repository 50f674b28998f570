package io.tallycast.operator;

import io.tallycast.bus.Bus;
import io.tallycast.bus.SceneChosen;
import io.tallycast.bus.SeatDeclared;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The scene rotation the operator can switch on: a list of scenes (each optionally of one state: "full" of Assam, then
 * "full" of Kerala, then the "states" board...) put on air in turn every N seconds, or one step at each declaration
 * (at most one step per {@value #MIN_DWELL_MS} ms, so a burst of declarations does not flicker). Any scene the
 * operator chooses by hand stops it. {@code POST /api/operator/rotation} {"steps":[{"scene","state"?}],
 * "everySeconds"?, "onDeclaration"?} starts it; {@code DELETE} stops it; {@code GET} says what it does. Runs on the
 * web verticle's event loop (a timer and the bus only; saving a scene is the switch's worker).
 */
final class SceneRotation {
  static final long MIN_DWELL_MS = 8_000;
  static final int MIN_SECONDS = 5;
  static final int MAX_SECONDS = 3_600;
  private final Vertx vertx;
  private final SceneSwitch scenes;
  private List<SceneChosen> steps = List.of();
  private int everySeconds;
  private boolean onDeclaration;
  private int next;
  private long timerId = -1;
  private long lastStepAt;

  SceneRotation(Vertx vertx, SceneSwitch scenes) {
    this.vertx = vertx;
    this.scenes = scenes;
    Bus.of(vertx).subscribeTo(SeatDeclared.class, e -> {
      if (onDeclaration && !steps.isEmpty() && System.currentTimeMillis() - lastStepAt >= MIN_DWELL_MS) {
        step();
      }
    });
  }

  void mount(Router router) {
    router.get("/api/operator/rotation").handler(ctx -> Replies.json(ctx, 200, toJson()));
    router.post("/api/operator/rotation").handler(this::start);
    router.delete("/api/operator/rotation").handler(ctx -> {
      stop();
      Replies.json(ctx, 200, toJson());
    });
  }

  private void start(RoutingContext ctx) {
    try {
      JsonObject body = Replies.body(ctx);
      List<SceneChosen> parsed = parse(body.getValue("steps"));
      Object every = body.getValue("everySeconds");
      boolean declarations = Boolean.TRUE.equals(body.getValue("onDeclaration"));
      int seconds = every == null ? 0 : seconds(every);
      if (seconds == 0 && !declarations) {
        throw new IllegalArgumentException("say when to turn: 'everySeconds' (" + MIN_SECONDS + " to " + MAX_SECONDS
            + ") or 'onDeclaration': true");
      }
      stop();
      steps = parsed;
      everySeconds = seconds;
      onDeclaration = declarations;
      next = 0;
      step();
      if (seconds > 0) {
        timerId = vertx.setPeriodic(seconds * 1000L, id -> step());
      }
      Replies.json(ctx, 200, toJson());
    } catch (IllegalArgumentException e) {
      Replies.refuse(ctx, e);
    }
  }

  private List<SceneChosen> parse(Object value) {
    if (!(value instanceof JsonArray list) || list.size() < 2) {
      throw new IllegalArgumentException("'steps' must list at least two scenes, e.g. [{\"scene\": \"states\"}, "
          + "{\"scene\": \"full\", \"state\": \"" + scenes.election().main().stateCode() + "\"}]");
    }
    List<SceneChosen> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof JsonObject step)) {
        throw new IllegalArgumentException("each step is {\"scene\": ..., \"state\": ...}");
      }
      out.add(scenes.check(step.getValue("scene"), step.getValue("state")));
    }
    return List.copyOf(out);
  }

  private static int seconds(Object value) {
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < MIN_SECONDS
        || n.intValue() > MAX_SECONDS) {
      throw new IllegalArgumentException("'everySeconds' must be a whole number from " + MIN_SECONDS + " to "
          + MAX_SECONDS + ", not " + value);
    }
    return n.intValue();
  }

  private void step() {
    if (steps.isEmpty()) {
      return;
    }
    SceneChosen chosen = steps.get(next % steps.size());
    next = (next + 1) % steps.size();
    lastStepAt = System.currentTimeMillis();
    scenes.put(chosen, "rotation");
  }

  /** Stops turning (the operator chose a scene by hand, or switched it off); the scene on air stays. */
  void stop() {
    vertx.cancelTimer(timerId);
    timerId = -1;
    steps = List.of();
    onDeclaration = false;
    everySeconds = 0;
  }

  JsonObject toJson() {
    JsonArray list = new JsonArray();
    steps.forEach(s -> list.add(new JsonObject().put("scene", s.scene()).put("state", s.state())));
    return new JsonObject().put("on", !steps.isEmpty()).put("everySeconds", everySeconds)
        .put("onDeclaration", onDeclaration).put("steps", list);
  }
}
