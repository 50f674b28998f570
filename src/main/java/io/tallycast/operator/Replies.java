package io.tallycast.operator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON in and out for the operator routes: answers never cached, errors as {"error": message}. */
final class Replies {
  private Replies() {
  }

  static void json(RoutingContext ctx, int status, Object body) {
    String text = body instanceof JsonArray a ? a.encode() : body instanceof JsonObject o ? o.encode() : Json.encode(body);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(text);
  }

  static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  static JsonObject body(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    Object value;
    try {
      value = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("the body is not valid JSON: " + firstLine(e.getMessage()));
    }
    if (!(value instanceof JsonObject object)) {
      throw new IllegalArgumentException("the body must be a JSON object {...}");
    }
    return object;
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

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
