package io.tallycast.operator;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON in and out for the operator routes: answers never cached, errors as {"error": message}. */
final class Replies {
  private Replies() {
  }

  static void json(RoutingContext ctx, int status, Object body) {
    String text = body instanceof JsonArray a ? a.encode()
        : body instanceof JsonObject o ? o.encode() : Json.encode(body);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(text);
  }

  static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }

  /** The request body as a JSON object (an empty body is an empty object), read strictly: see {@link JsonBody}. */
  static JsonObject body(RoutingContext ctx) {
    return JsonBody.read(ctx);
  }

  /** A request refused before anything was done: 400, or the status its {@link JsonBody.Refused} carries. */
  static void refuse(RoutingContext ctx, IllegalArgumentException e) {
    error(ctx, e instanceof JsonBody.Refused r ? r.status : 400, e.getMessage());
  }

  /** The seat number of the path, or a 400 naming the mistake (null then: the answer is sent). */
  static Integer seat(RoutingContext ctx) {
    String text = ctx.pathParam("no");
    try {
      int no = Integer.parseInt(text.strip());
      if (no > 0) {
        return no;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    error(ctx, 400, "'no' must be a seat number, not '" + text + "'");
    return null;
  }
}
