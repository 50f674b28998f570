package io.tallycast.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;

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

  /** Answers every request with a page of {@code megabytes} MB of table rows, sent as fast as the client reads. */
  public static HttpServer flood(Vertx vertx, int megabytes) {
    Buffer chunk = Buffer.buffer("<tr><td>x</td></tr>".repeat(64 * 1024 / 19));
    return vertx.createHttpServer().requestHandler(request -> {
      HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/html");
      long[] sent = {0};
      Runnable[] pump = new Runnable[1];
      pump[0] = () -> {
        while (!response.closed() && !response.writeQueueFull() && sent[0] < megabytes * 1024L * 1024) {
          response.write(chunk);
          sent[0] += chunk.length();
        }
        if (response.closed() || sent[0] >= megabytes * 1024L * 1024) {
          if (!response.closed()) {
            response.end();
          }
        } else {
          response.drainHandler(v -> pump[0].run());
        }
      };
      pump[0].run();
    }).listen(0, "127.0.0.1").await();
  }
}
