package io.tallycast.operator;

import io.tallycast.store.ResultsReader;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's side of the API: {@code GET /api/overlay} (public: the overlay reads it) and everything under {@code
 * /api/operator/}, which needs the {@link OperatorToken}. Mounted by the web verticle ({@link #mount}), which also
 * puts the stream's placeholder on the health board.
 */
public final class OperatorApi {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorApi.class);
  private static final int BODY_LIMIT = 64 * 1024;
  private static final long WARN_EVERY_MS = 60_000;

  private final OperatorToken token;
  private final OverlaySettings overlay;
  private final String replayControlUrl;
  private long lastWarning = Long.MIN_VALUE;

  /** @param replayControlUrl the demo's replay site controls ("http://127.0.0.1:PORT/_replay/"), or null */
  public OperatorApi(OperatorToken token, OverlaySettings overlay, String replayControlUrl) {
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
  public void mount(Vertx vertx, Router router, ResultsReader reader, WorkerExecutor readers) {
    router.get("/api/overlay").handler(ctx -> Replies.json(ctx, 200, overlay.toJson()));
    router.get(OverlaySettings.LOGO_ROUTE).handler(this::logo);
    // The token first: a request without it is answered before its body is read. Two routes, since Vert.x wants a
    // body handler ahead of any other on one route; authorize() calls next() at once, so no body data is missed.
    router.route("/api/operator/*").handler(this::authorize);
    router.route("/api/operator/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    new OperatorRoutes(vertx, overlay).mount(router);
    new OverrideRoutes(vertx, reader, readers).mount(router);
    new FaultProxy(vertx, replayControlUrl).mount(router);
    StreamPlaceholder.report(vertx);
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
