package io.tallycast.operator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The replay site's fault switches behind the operator token, for rehearsals on the console: {@code
 * /api/operator/replay/faults[/{name}]} is passed to the demo's {@code /_replay/faults[/{name}]} with its method and
 * body, and its status and body come back as they are. Outside the demo there is no replay site: 404.
 */
final class FaultProxy {
  static final String NOT_DEMO = "fault switches exist only in the demo";
  private static final String PREFIX = "/api/operator/replay/faults";
  /** Fault names are lower-case words joined by '-': anything else must not reach another path of the site. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final long TIMEOUT_MS = 5_000;

  private final String controlUrl;
  private final WebClient client;

  /** @param controlUrl the replay site's control API ("http://127.0.0.1:PORT/_replay/"); empty outside the demo */
  FaultProxy(Vertx vertx, Optional<String> controlUrl) {
    this.controlUrl = controlUrl.map(url -> url.endsWith("/") ? url : url + "/").orElse(null);
    this.client = controlUrl.isEmpty() ? null : WebClient.create(vertx);
  }

  void mount(Router router) {
    router.get(PREFIX).handler(ctx -> forward(ctx, HttpMethod.GET, null));
    router.delete(PREFIX).handler(ctx -> forward(ctx, HttpMethod.DELETE, null));
    router.put(PREFIX + "/:name").handler(ctx -> forward(ctx, HttpMethod.PUT, ctx.pathParam("name")));
    router.delete(PREFIX + "/:name").handler(ctx -> forward(ctx, HttpMethod.DELETE, ctx.pathParam("name")));
  }

  private void forward(RoutingContext ctx, HttpMethod method, String name) {
    if (client == null) {
      Replies.error(ctx, 404, NOT_DEMO);
      return;
    }
    if (name != null && !NAME.matcher(name).matches()) {
      Replies.error(ctx, 404, "unknown fault '" + name + "'");
      return;
    }
    HttpRequest<Buffer> request = client.requestAbs(method, controlUrl + "faults" + (name == null ? "" : "/" + name))
        .timeout(TIMEOUT_MS);
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    String type = ctx.request().getHeader("Content-Type");
    if (type != null) {
      request.putHeader("Content-Type", type);
    }
    (body == null || body.length() == 0 ? request.send() : request.sendBuffer(body)).onSuccess(answer -> {
      String answerType = answer.getHeader("Content-Type");
      ctx.response().setStatusCode(answer.statusCode())
          .putHeader("Content-Type", answerType == null ? "application/json" : answerType)
          .putHeader("Cache-Control", "no-store")
          .end(answer.body() == null ? Buffer.buffer() : answer.body());
    }).onFailure(e -> Replies.error(ctx, 502, "the replay site did not answer: " + e.getMessage()));
  }
}
