package io.tallycast.operator;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.tallycast.election.Election;
import io.tallycast.store.ResultsReader;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's side of the API: {@code GET /api/overlay} (public: the overlay reads it) and everything under {@code
 * /api/operator/}, which needs the {@link OperatorToken}. Mounted by the web verticle ({@link #mount}).
 */
public final class OperatorApi {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorApi.class);
  private static final int BODY_LIMIT = 64 * 1024;
  private static final long WARN_EVERY_MS = 60_000;
  private static final String TOO_LARGE = "the body is larger than " + BODY_LIMIT / 1024 + " KiB, the most an "
      + "operator request may send";

  private final OperatorToken token;
  private final OverlaySettings overlay;
  private final Optional<String> replayControlUrl;
  private long lastWarning = Long.MIN_VALUE;

  /** @param replayControlUrl the demo's replay site controls ("http://127.0.0.1:PORT/_replay/"); empty outside it */
  public OperatorApi(OperatorToken token, OverlaySettings overlay, Optional<String> replayControlUrl) {
    this.token = token;
    this.overlay = overlay;
    this.replayControlUrl = replayControlUrl;
  }

  public OperatorToken token() {
    return token;
  }

  public OverlaySettings overlay() {
    return overlay;
  }

  /** Call from the web verticle's start: routes on its router, reads on its worker pool. */
  public void mount(Vertx vertx, Router router, Election election, ResultsReader reader, WorkerExecutor readers) {
    router.get("/api/overlay").handler(ctx -> Replies.json(ctx, 200, overlay.toJson()));
    router.get(OverlaySettings.LOGO_ROUTE).handler(this::logo);
    // The token first: a request without it is answered before its body is read. Two routes, since Vert.x wants a
    // body handler ahead of any other on one route; authorize() calls next() at once, so no body data is missed.
    router.route("/api/operator/*").handler(this::authorize);
    router.route("/api/operator/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    // what Vert.x answers by itself (a body over the limit, a failed handler, no such route or method) is JSON too
    router.route("/api/operator/*").failureHandler(OperatorApi::failed);
    for (int status : new int[] {404, 405, 413, 415}) {
      router.errorHandler(status, ctx -> unmatched(ctx, status));
    }
    SharedActions shared = new SharedActions(vertx, overlay);
    SceneSwitch scenes = new SceneSwitch(vertx, overlay, election, shared);
    SceneRotation rotation = new SceneRotation(vertx, scenes);
    new OperatorRoutes(vertx, scenes, rotation).mount(router);
    rotation.mount(router);
    new OverlayOptionRoutes(vertx, overlay, shared).mount(router);
    new OverrideRoutes(vertx, election, reader, readers, shared).mount(router);
    new FaultProxy(vertx, replayControlUrl).mount(router);
  }

  private void authorize(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (token.matches(header)) {
      ctx.next();
      return;
    }
    boolean missing = OperatorToken.bearer(header) == null;
    if (!missing) {
      warnAboutWrongToken(ctx);
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tallycast operator\"");
    Replies.error(ctx, 401, missing
        ? "operator token missing: send the header 'Authorization: Bearer <token>' (the token is in the data dir, "
            + OperatorToken.FILE + ")"
        : "operator token wrong: use the one in the data dir's " + OperatorToken.FILE);
  }

  /** A wrong token may be someone guessing: worth a line, at most one a minute, and never the token tried. */
  private void warnAboutWrongToken(RoutingContext ctx) {
    long now = System.currentTimeMillis();
    if (lastWarning == Long.MIN_VALUE || now - lastWarning >= WARN_EVERY_MS) {
      lastWarning = now;
      LOG.warn("operator request with a wrong token refused: {} {} from {}", ctx.request().method(),
          ctx.request().path(), ctx.request().remoteAddress());
    }
  }

  private static void failed(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset(); // half an answer: the client must not take it for a whole one
      return;
    }
    int status = ctx.statusCode() >= 400 && ctx.statusCode() < 600 ? ctx.statusCode() : 500;
    if (status == 413) {
      Replies.error(ctx, 413, TOO_LARGE);
    } else if (status >= 500) {
      LOG.error("operator request {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      Replies.error(ctx, status, "the request failed on the server: "
          + (ctx.failure() == null ? "HTTP " + status : ctx.failure().getMessage()));
    } else {
      Replies.error(ctx, status, HttpResponseStatus.valueOf(status).reasonPhrase());
    }
  }

  /** The router's own 404, 405, 413 and 415: JSON under /api/operator/, Vert.x's plain answer elsewhere. */
  private static void unmatched(RoutingContext ctx, int status) {
    String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
    if (!ctx.request().path().startsWith("/api/operator/")) {
      ctx.response().setStatusCode(status).setStatusMessage(reason).end(reason);
    } else if (status == 404) {
      Replies.error(ctx, 404, "no operator route " + ctx.request().path() + " (see the README's operator routes)");
    } else if (status == 405) {
      Replies.error(ctx, 405, ctx.request().method() + " is not a method of " + ctx.request().path());
    } else if (status == 413) {
      Replies.error(ctx, 413, TOO_LARGE);
    } else {
      Replies.error(ctx, status, reason);
    }
  }

  private void logo(RoutingContext ctx) {
    if (overlay.logoFile() == null) {
      Replies.error(ctx, 404, "no logo is configured: the overlay shows " + OverlaySettings.DEFAULT_LOGO);
      return;
    }
    ctx.response().putHeader("Cache-Control", "no-cache");
    ctx.response().sendFile(overlay.logoFile().toString()).onFailure(e -> {
      if (!ctx.response().headWritten()) {
        Replies.error(ctx, 404, "the configured logo cannot be read");
      }
    });
  }
}
