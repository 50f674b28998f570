package io.tallycast.platforms;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Local stand-ins for the platforms the demo and the tests cannot reach: one HTTP server answering as YouTube Data API
 * v3 ({@code /youtube/v3/videos}), Twitch Helix ({@code /helix/streams}), Facebook Graph ({@code /{live-video-id}})
 * and a newsroom website's JSON ({@code /website/live.json}) document, each playing a scripted {@link ViewerCurve}
 * through the counting day's hours. It checks the credentials as the platforms do (a wrong one is 401 or 400), so
 * the real clients run up to it as they would to the real thing.
 */
public final class PlatformStandIns extends VerticleBase {
  /** The ids and credentials the stand-ins accept, and each platform's curve. */
  public record Script(String youtubeKey, String youtubeVideo, String twitchClientId, String twitchToken,
                       String twitchLogin, String facebookToken, String facebookVideo,
                       Map<String, ViewerCurve> curves) {
  }

  private final Script script;
  private final DoubleSupplier hours;
  private final String host;
  private final Instant started = Instant.now();
  private volatile boolean ended;
  private HttpServer server;

  /**
   * @param hours how far the counting day has gone, in hours (the replay clock's), which moves every curve
   */
  public PlatformStandIns(Script script, DoubleSupplier hours, String host) {
    this.script = script;
    this.hours = hours;
    this.host = host;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/youtube/v3/videos").handler(this::youtube);
    router.get("/helix/streams").handler(this::twitch);
    router.get("/website/live.json").handler(this::website);
    router.get("/:video").handler(this::facebook);
    return vertx.createHttpServer().requestHandler(router).listen(0, host).onSuccess(s -> server = s);
  }

  /** The root every platform's base URL is set to. */
  public String baseUrl() {
    return "http://" + host + ":" + server.actualPort();
  }

  /** The broadcast is over on every platform: no more concurrent viewers, ended states as documented. */
  public void end() {
    ended = true;
  }

  private int viewers(String platform) {
    ViewerCurve curve = script.curves().get(platform);
    return curve == null ? 0 : curve.at(hours.getAsDouble());
  }

  private void youtube(RoutingContext ctx) {
    if (!script.youtubeKey().equals(ctx.request().getParam("key"))) {
      error(ctx, 400, new JsonObject().put("error", new JsonObject().put("code", 400)
          .put("message", "API key not valid. Please pass a valid API key.")
          .put("errors", new JsonArray().add(new JsonObject().put("reason", "badRequest")))));
      return;
    }
    JsonArray items = new JsonArray();
    if (script.youtubeVideo().equals(ctx.request().getParam("id"))) {
      JsonObject live = new JsonObject().put("actualStartTime", started.toString());
      if (ended) {
        live.put("actualEndTime", Instant.now().toString());
      } else {
        live.put("concurrentViewers", String.valueOf(viewers("youtube")));
      }
      items.add(new JsonObject().put("kind", "youtube#video").put("id", script.youtubeVideo())
          .put("liveStreamingDetails", live).put("statistics", new JsonObject().put("viewCount", "0")));
    }
    json(ctx, new JsonObject().put("kind", "youtube#videoListResponse").put("items", items));
  }

  private void twitch(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    if (!script.twitchClientId().equals(ctx.request().getHeader("Client-Id"))
        || !("Bearer " + script.twitchToken()).equals(auth)) {
      error(ctx, 401, new JsonObject().put("error", "Unauthorized").put("status", 401)
          .put("message", "Invalid OAuth token"));
      return;
    }
    JsonArray data = new JsonArray();
    if (!ended && script.twitchLogin().equalsIgnoreCase(ctx.request().getParam("user_login", ""))) {
      data.add(new JsonObject().put("user_login", script.twitchLogin()).put("type", "live")
          .put("viewer_count", viewers("twitch")).put("started_at", started.toString()));
    }
    json(ctx, new JsonObject().put("data", data).put("pagination", new JsonObject()));
  }

  private void facebook(RoutingContext ctx) {
    if (!("Bearer " + script.facebookToken()).equals(ctx.request().getHeader("Authorization"))) {
      error(ctx, 401, new JsonObject().put("error", new JsonObject().put("message", "Invalid OAuth access token.")
          .put("type", "OAuthException").put("code", 190)));
      return;
    }
    if (!script.facebookVideo().equals(ctx.pathParam("video"))) {
      error(ctx, 400, new JsonObject().put("error", new JsonObject()
          .put("message", "Unsupported get request.").put("type", "GraphMethodException").put("code", 100)));
      return;
    }
    JsonObject video = new JsonObject().put("id", script.facebookVideo()).put("status", ended ? "VOD" : "LIVE");
    if (!ended) {
      video.put("live_views", viewers("facebook"));
    }
    json(ctx, video);
  }

  private void website(RoutingContext ctx) {
    json(ctx, new JsonObject().put("watching", new JsonObject().put("now", ended ? 0 : viewers("website"))));
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json; charset=UTF-8").end(body.encode());
  }

  private static void error(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8")
        .end(body.encode());
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
