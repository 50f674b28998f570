package io.tallycast.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/** Results sites that misbehave on purpose, over real HTTP on loopback, for the hostile-site tests. */
public final class HostileServers {
  private HostileServers() {
  }

  /** Answers every request with a page sent one byte every 100 ms, for ever. */
  public static HttpServer trickle(Vertx vertx) {
    return vertx.createHttpServer().requestHandler(request -> {
      request.response().setChunked(true).putHeader("Content-Type", "text/html");
      vertx.setPeriodic(100, id -> {
        if (request.response().closed()) {
          vertx.cancelTimer(id);
        } else {
          request.response().write("<");
        }
      });
    }).listen(0, "127.0.0.1").await();
  }

  /** Takes every request and never answers. */
  public static HttpServer silent(Vertx vertx) {
    return vertx.createHttpServer().requestHandler(request -> { }).listen(0, "127.0.0.1").await();
  }

  /** Redirects {@code a.htm} to {@code b.htm} and everything else back to {@code a.htm}, in the given folder. */
  public static HttpServer redirectLoop(Vertx vertx, String folder) {
    return vertx.createHttpServer().requestHandler(request -> request.response().setStatusCode(302)
        .putHeader("Location", request.path().equals(folder + "a.htm") ? folder + "b.htm" : folder + "a.htm").end())
        .listen(0, "127.0.0.1").await();
  }
}
