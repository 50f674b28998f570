package io.tallycast.map;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The map routes of the API:
 * <ul>
 *   <li>{@code GET /api/maps}: [{"map","name","width","height","version","url","seats"}]</li>
 *   <li>{@code GET /api/maps/state.png}, {@code /api/maps/district/<slug>.png}: the current picture, with an ETag
 *       (304 to a matching If-None-Match) and {@code Cache-Control: no-cache}</li>
 *   <li>{@code GET /api/maps/state/seats.json}, {@code /api/maps/district/<slug>/seats.json}: seat numbers, names,
 *       bounding boxes and label points for the overlay</li>
 * </ul>
 * Pictures are served from memory (see {@link PublishedMaps}); the first reader of a new version assembles its bytes,
 * on a worker thread rather than the event loop.
 */
public final class MapRoutes {
  private static final String PNG = ".png";
  private static final String SEATS = "/" + MapDefinition.SEATS_JSON;

  private final String prefix;
  private final Optional<PublishedMaps> maps;

  private MapRoutes(String prefix, Optional<PublishedMaps> maps) {
    this.prefix = prefix;
    this.maps = maps;
  }

  /**
   * Mounts the routes of one state's maps under {@code prefix} ("/api/maps/", "/api/states/S03/maps/"); with no maps
   * the list is empty and every map is a 404 saying so.
   */
  public static void mount(Router router, String prefix, Optional<PublishedMaps> maps) {
    MapRoutes routes = new MapRoutes(prefix, maps);
    router.get(prefix.substring(0, prefix.length() - 1)).handler(routes::list);
    router.get(prefix + "*").handler(routes::file);
  }

  private void list(RoutingContext ctx) {
    JsonArray list = maps.map(m -> m.toJson(prefix)).orElseGet(JsonArray::new);
    json(ctx.response(), 200, list.encode());
  }

  private void file(RoutingContext ctx) {
    String rest = ctx.normalizedPath().substring(prefix.length());
    if (rest.endsWith(PNG)) {
      png(ctx, rest.substring(0, rest.length() - PNG.length()));
    } else if (rest.endsWith(SEATS)) {
      String name = rest.substring(0, rest.length() - SEATS.length());
      Optional<PublishedMaps.Entry> entry = maps.flatMap(m -> m.entry(name));
      entry.ifPresentOrElse(e -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(Buffer.buffer(e.seatsJson())),
          () -> unknown(ctx, name));
    } else {
      error(ctx.response(), 404, "no such map resource: " + rest + " (maps end in .png or /seats.json)");
    }
  }

  private void png(RoutingContext ctx, String name) {
    if (maps.flatMap(m -> m.entry(name)).isEmpty()) {
      unknown(ctx, name);
      return;
    }
    PublishedMaps published = maps.orElseThrow();
    String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    ctx.vertx().executeBlocking(() -> published.read(name, ifNoneMatch).orElseThrow(), false).onSuccess(read -> {
      HttpServerResponse response = ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      switch (read.status()) {
        case 200 -> response.putHeader(HttpHeaders.ETAG, read.etag()).putHeader(HttpHeaders.CONTENT_TYPE, "image/png")
            .end(Buffer.buffer(read.png().bytes()));
        case 304 -> response.setStatusCode(304).putHeader(HttpHeaders.ETAG, read.etag()).end();
        default -> error(response, 503, "map " + name + " is not rendered yet");
      }
    }).onFailure(ctx::fail);
  }

  private void unknown(RoutingContext ctx, String name) {
    error(ctx.response(), 404, maps.isEmpty() ? "no maps are configured"
        : "no map named '" + name + "' (see " + prefix.substring(0, prefix.length() - 1) + ")");
  }

  private static void error(HttpServerResponse response, int status, String message) {
    json(response, status, new JsonObject().put("error", message).encode());
  }

  private static void json(HttpServerResponse response, int status, String body) {
    response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body);
  }
}
