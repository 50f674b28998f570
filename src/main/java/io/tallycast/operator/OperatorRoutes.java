package io.tallycast.operator;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.SceneChosen;
import io.tallycast.bus.ScraperControl;
import io.tallycast.bus.StreamControl;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The operator's small switches: the token check, pausing and resuming the scraper, the overlay's scene (which stops
 * the scene rotation), and each stream channel's start and stop (409 in a run without a stream).
 */
final class OperatorRoutes {

  /** Starting opens Xvfb, Chromium and every destination, each bounded; the whole can take tens of seconds. */
  private static final long STREAM_TIMEOUT_MS = 90_000;
  private final Bus bus;
  private final SceneSwitch scenes;
  private final SceneRotation rotation;

  OperatorRoutes(Vertx vertx, SceneSwitch scenes, SceneRotation rotation) {
    this.bus = Bus.of(vertx);
    this.scenes = scenes;
    this.rotation = rotation;
  }

  void mount(Router router) {
    router.get("/api/operator/check").handler(ctx -> Replies.json(ctx, 200, new JsonObject().put("ok", true)));
    router.post("/api/operator/scraper/pause").handler(ctx -> scraper(ctx, true));
    router.post("/api/operator/scraper/resume").handler(ctx -> scraper(ctx, false));
    router.post("/api/operator/scene").handler(this::scene);
    router.post("/api/operator/stream/start").handler(ctx -> stream(ctx, StreamControl.Action.START, null));
    router.post("/api/operator/stream/stop").handler(ctx -> stream(ctx, StreamControl.Action.STOP, null));
    router.post("/api/operator/streams/:channel/start")
        .handler(ctx -> stream(ctx, StreamControl.Action.START, ctx.pathParam("channel")));
    router.post("/api/operator/streams/:channel/stop")
        .handler(ctx -> stream(ctx, StreamControl.Action.STOP, ctx.pathParam("channel")));
  }

  /**
   * Asks the stream itself, for one channel (null: the first, /api/operator/stream/...); in a run without a stream
   * (demo --no-stream, no stream configured) its "off" form says so, and a channel the run does not have is a 404.
   */
  private void stream(RoutingContext ctx, StreamControl.Action action, String channel) {
    bus.request(Contract.STREAM_CONTROL, new StreamControl(action, channel), STREAM_TIMEOUT_MS)
        .onSuccess(status -> Replies.json(ctx, 200, status.status()))
        .onFailure(e -> {
          if (e instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE
              && r.failureCode() == StreamControl.NO_STREAM) {
            Replies.error(ctx, 409, e.getMessage());
          } else if (e instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE
              && r.failureCode() == 404) {
            Replies.error(ctx, 404, e.getMessage());
          } else if (e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
            Replies.error(ctx, 503, "no stream part answered: " + e.getMessage());
          } else if (e instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
            Replies.error(ctx, 409, "the stream did not " + action.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + e.getMessage());
          } else {
            Replies.error(ctx, 503, "the stream did not answer in time: " + e.getMessage());
          }
        });
  }

  /** Asks the scraper itself, so the answer is its state, not what was asked for. */
  private void scraper(RoutingContext ctx, boolean pause) {
    bus.request(Contract.SCRAPER_CONTROL, new ScraperControl(pause), 5_000)
        .onSuccess(state -> Replies.json(ctx, 200, new JsonObject()
            .put("scraper", state.paused() ? "paused" : "running")))
        .onFailure(e -> Replies.error(ctx, 503, "no scraper answered: " + e.getMessage()));
  }

  /** {"scene", "state"?}: saved before it goes on air, so what is on air is what a restart shows. */
  private void scene(RoutingContext ctx) {
    SceneChosen chosen;
    try {
      JsonObject body = Replies.body(ctx);
      chosen = scenes.check(body.getValue("scene"), body.getValue("state"));
    } catch (IllegalArgumentException e) {
      Replies.refuse(ctx, e);
      return;
    }
    rotation.stop(); // a scene chosen by hand stays on air
    scenes.put(chosen, "operator").onSuccess(saved -> {
      JsonObject answer = new JsonObject().put("scene", saved.scene());
      if (saved.state() != null) {
        answer.put("state", saved.state());
      }
      Replies.json(ctx, 200, answer);
    })
        .onFailure(e -> Replies.error(ctx, 500, "the scene could not be saved, so it was not changed: "
            + e.getMessage()));
  }
}
