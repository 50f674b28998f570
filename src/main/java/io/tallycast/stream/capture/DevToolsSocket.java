package io.tallycast.stream.capture;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A plain WebSocket to one DevTools target (a page): commands with ids, answers matched to them, events handed to a
 * listener. Selenium's DevTools module does not match Chromium 156 and chromedriver queues every command behind a
 * hung page, so the parts that must not wait for chromedriver talk to Chromium directly through this.
 */
final class DevToolsSocket implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
  private final Consumer<JsonObject> events;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private DevToolsSocket(String wsUrl, Consumer<JsonObject> events) throws Exception {
    this.events = events;
    this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(3))
        .buildAsync(URI.create(wsUrl), new Listener()).get(5, TimeUnit.SECONDS);
  }

  /** Whether the browser itself (not a page) answers on its DevTools port within {@code timeout}. */
  static boolean browserAnswers(String hostPort, Duration timeout) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + hostPort + "/json/version")).timeout(timeout)
          .build();
      return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  /** Connects to the page target on this DevTools port whose URL starts with {@code urlPrefix} (or any page). */
  static DevToolsSocket toPage(String hostPort, String urlPrefix, Consumer<JsonObject> events) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + hostPort + "/json/list"))
        .timeout(Duration.ofSeconds(3)).build();
    JsonArray targets = new JsonArray(HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body());
    String ws = null;
    for (Object o : targets) {
      JsonObject t = (JsonObject) o;
      if (!"page".equals(t.getString("type")) || t.getString("webSocketDebuggerUrl") == null) {
        continue;
      }
      if (ws == null || t.getString("url", "").startsWith(urlPrefix)) {
        ws = t.getString("webSocketDebuggerUrl");
      }
    }
    if (ws == null) {
      throw new IOException("no page target on the DevTools port " + hostPort);
    }
    return new DevToolsSocket(ws, events);
  }

  /** Sends a command; the future completes with its "result" or fails with its "error". */
  CompletableFuture<JsonObject> send(String method, JsonObject params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    String text = new JsonObject().put("id", id).put("method", method).put("params", params).encode();
    synchronized (socket) { // one sendText at a time: WebSocket forbids overlapping sends
      socket.sendText(text, true).join();
    }
    return answer;
  }

  JsonObject call(String method, JsonObject params, Duration timeout) throws Exception {
    return send(method, params).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isOpen() {
    return !closed.isDone() && !socket.isInputClosed();
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(1, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the browser may be gone already
    }
    socket.abort();
    closed.complete(null);
    waiting.values().forEach(f -> f.completeExceptionally(new IOException("DevTools socket closed")));
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data); // a screencast frame arrives in many pieces
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        dispatch(new JsonObject(text));
      }
      ws.request(1);
      return null;
    }

    private void dispatch(JsonObject msg) {
      Integer id = msg.getInteger("id");
      if (id != null) {
        CompletableFuture<JsonObject> f = waiting.remove(id);
        if (f != null) {
          JsonObject error = msg.getJsonObject("error");
          if (error != null) {
            f.completeExceptionally(new IOException("DevTools: " + error.getString("message")));
          } else {
            f.complete(msg.getJsonObject("result", new JsonObject()));
          }
        }
      } else if (events != null) {
        events.accept(msg);
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      closed.complete(null);
      waiting.values().forEach(f -> f.completeExceptionally(new IOException("DevTools socket closed")));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(null);
      waiting.values().forEach(f -> f.completeExceptionally(error));
    }
  }
}
