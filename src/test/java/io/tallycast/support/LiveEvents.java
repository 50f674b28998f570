package io.tallycast.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client of /api/live that keeps every server-sent event it receives as {"event": name, "data": {...}}. */
public final class LiveEvents implements AutoCloseable {
  private final HttpClient client;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final StringBuilder pending = new StringBuilder();

  public LiveEvents(Vertx vertx, int port) {
    client = vertx.createHttpClient();
    client.request(new RequestOptions().setMethod(HttpMethod.GET).setPort(port).setHost("127.0.0.1")
        .setURI("/api/live"))
        .compose(req -> req.send()).onSuccess(response -> response.handler(chunk -> {
          pending.append(chunk.toString());
          int end;
          while ((end = pending.indexOf("\n\n")) >= 0) {
            frame(pending.substring(0, end));
            pending.delete(0, end + 2);
          }
        })).await();
  }

  private void frame(String frame) {
    String event = null;
    String data = null;
    for (String line : frame.split("\n")) {
      if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data = line.substring(6);
      }
    }
    if (event != null && data != null) {
      received.add(new JsonObject().put("event", event).put("data", new JsonObject(data)));
    }
  }

  /** The data of every event of that name received so far. */
  public List<JsonObject> named(String event) {
    return received.stream().filter(e -> e.getString("event").equals(event)).map(e -> e.getJsonObject("data")).toList();
  }

  @Override
  public void close() {
    client.close();
  }
}
