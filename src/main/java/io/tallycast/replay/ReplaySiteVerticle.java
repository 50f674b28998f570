package io.tallycast.replay;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** The replay site's HTTP server: results pages under the prefix, controls under /_replay/. */
final class ReplaySiteVerticle extends VerticleBase {
  private final ReplayOptions options;
  private final SitePages pages;
  private final ReplayClock clock;
  private final Faults faults;
  private volatile HttpServer server;

  ReplaySiteVerticle(ReplayOptions options, SitePages pages, ReplayClock clock, Faults faults) {
    this.options = options;
    this.pages = pages;
    this.clock = clock;
    this.faults = faults;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    new ControlApi(vertx, clock, faults).mount(router);
    new PageHandler(vertx, pages, clock, faults, options.seed()).mount(router, options.prefix());
    return vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
        .requestHandler(router)
        .listen()
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    // close at once: requests held open by the timeout fault must not delay the shutdown
    return server == null ? Future.succeededFuture() : server.close();
  }

  int port() {
    return server.actualPort();
  }
}
