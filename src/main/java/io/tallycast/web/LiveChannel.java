package io.tallycast.web;

import io.tallycast.bus.Address;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.Wire;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Server-sent events at {@code /api/live}: every result event as it is committed ({@code event: seat.changed} ...,
 * {@code id:} the event id) and health reports ({@code event: health}). A client that reconnects with
 * {@code Last-Event-ID} (browsers do it by themselves) or {@code ?after=ID} first gets what it missed, so a dropped
 * connection loses nothing. Besides, every message on the {@link #BROADCASTS} addresses goes out under its address as
 * an event of its own ({@code event: health}, {@code event: map.updated}, {@code event: scene},
 * {@code event: overlay.options}, {@code event: audience}, {@code event: cluster}, {@code event: national}): state,
 * not history, so never replayed. A comment line every 15 s keeps proxies from closing an idle stream. Never gzipped,
 * so each event leaves at once (see {@link Compression}).
 */
final class LiveChannel {
  private static final long KEEPALIVE_MS = 15_000;
  /**
   * What is pushed as it comes, besides the events: health reports, new map pictures, the overlay's scene and options,
   * every viewer reading (as {@code /api/audience} shows a platform), the national tally when it changes (as
   * {@code /api/national} answers) and, on a node of a cluster, the cluster when it changes (as {@code /api/cluster}
   * answers).
   */
  private static final List<Broadcast<?>> BROADCASTS = List.of(new Broadcast<>(Contract.HEALTH, "health"),
      new Broadcast<>(Contract.MAP_UPDATED, "map.updated"), new Broadcast<>(Contract.SCENE, "scene"),
      new Broadcast<>(Contract.OVERLAY_OPTIONS, "overlay.options"),
      new Broadcast<>(Contract.VIEWERS, "audience", AudienceAnswer::platform),
      new Broadcast<>(Contract.NATIONAL, "national"),
      new Broadcast<>(Contract.CLUSTER_VIEW, "cluster", ClusterRoutes::answer));

  /** A bus address pushed to the browser under an SSE event name, as its {@link Wire} JSON or another form. */
  private record Broadcast<T>(Address<T> address, String event, Function<T, JsonObject> form) {
    Broadcast(Address<T> address, String event) {
      this(address, event, Wire::json);
    }

    MessageConsumer<T> forward(Bus bus, Client client, LastJson json) {
      return bus.subscribe(address, payload -> client.write(event, null, json.of(payload, form)));
    }
  }

  private final Vertx vertx;
  private final LastJson json = new LastJson();
  private final LongFunction<Future<JsonArray>> missedSince;

  LiveChannel(Vertx vertx, LongFunction<Future<JsonArray>> missedSince) {
    this.vertx = vertx;
    this.missedSince = missedSince;
  }

  void connect(RoutingContext ctx) {
    String lastId = ctx.request().getHeader("Last-Event-ID");
    if (lastId == null) {
      lastId = ctx.queryParams().get("after");
    }
    long after;
    try {
      after = lastId == null ? -1 : Long.parseLong(lastId.strip());
    } catch (NumberFormatException e) {
      ApiVerticle.error(ctx, 400, "'after' / Last-Event-ID must be a whole number, not '" + lastId + "'");
      return;
    }
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.write("retry: 2000\n\n");
    Client client = new Client(response, after);
    Bus bus = Bus.of(vertx);
    MessageConsumer<ResultEvent> events = bus.subscribe(Contract.EVENTS, e -> client.event(json.of(e)));
    List<MessageConsumer<?>> broadcasts = new ArrayList<>();
    BROADCASTS.forEach(b -> broadcasts.add(b.forward(bus, client, json)));
    long keepalive = vertx.setPeriodic(KEEPALIVE_MS, id -> response.write(": keepalive\n\n"));
    response.closeHandler(v -> {
      events.unregister();
      broadcasts.forEach(MessageConsumer::unregister);
      vertx.cancelTimer(keepalive);
    });
    if (after < 0) {
      client.live();
    } else {
      missedSince.apply(after).onSuccess(missed -> {
        missed.forEach(e -> client.send((JsonObject) e));
        client.live();
      }).onFailure(e -> response.reset());
    }
  }

  /**
   * Every connected browser gets the same payload object from the bus, one after the other on this event loop: its JSON
   * is made once for all of them, not once per browser.
   */
  private static final class LastJson {
    private Object payload;
    private JsonObject json;

    JsonObject of(Object next) {
      return of(next, Wire::json);
    }

    <T> JsonObject of(T next, Function<T, JsonObject> form) {
      if (next != payload) {
        payload = next;
        json = form.apply(next);
      }
      return json;
    }
  }

  /** Holds live events back while the missed ones are sent, then drops any already sent. */
  private static final class Client {
    private final HttpServerResponse response;
    private final List<JsonObject> held = new ArrayList<>();
    private boolean catchingUp = true;
    private long lastSent;

    Client(HttpServerResponse response, long after) {
      this.response = response;
      this.lastSent = after;
    }

    void event(JsonObject event) {
      if (catchingUp) {
        held.add(event);
      } else {
        send(event);
      }
    }

    void send(JsonObject event) {
      long id = event.getLong("id");
      if (id > lastSent) {
        lastSent = id;
        write(event.getString("type"), id, event);
      }
    }

    void live() {
      // the held ones were published while catching up; in id order, after the missed ones
      List<JsonObject> pending = new ArrayList<>(held);
      held.clear();
      catchingUp = false;
      pending.sort((a, b) -> Long.compare(a.getLong("id"), b.getLong("id")));
      pending.forEach(this::send);
    }

    void write(String type, Long id, JsonObject data) {
      if (response.closed()) {
        return;
      }
      StringBuilder frame = new StringBuilder();
      if (id != null) {
        frame.append("id: ").append(id).append('\n');
      }
      frame.append("event: ").append(type).append('\n').append("data: ").append(data.encode()).append("\n\n");
      response.write(frame.toString());
    }
  }
}
