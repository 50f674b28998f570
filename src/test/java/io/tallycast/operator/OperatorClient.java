package io.tallycast.operator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** Real HTTP calls to the operator API, with the token, a wrong one, or none. */
final class OperatorClient {
  private final WebClient http;
  private final int port;
  private final String token;

  OperatorClient(WebClient http, int port, String token) {
    this.http = http;
    this.port = port;
    this.token = token;
  }

  OperatorClient withToken(String other) {
    return new OperatorClient(http, port, other);
  }

  HttpResponse<Buffer> call(HttpMethod method, String path, Object body) {
    HttpRequest<Buffer> request = http.request(method, port, "127.0.0.1", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    if (body == null) {
      return request.send().await();
    }
    if (body instanceof Buffer bytes) {
      return request.putHeader("Content-Type", "application/json").sendBuffer(bytes).await();
    }
    if (body instanceof String text) {
      return request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(text)).await();
    }
    return request.sendJson(body).await();
  }

  /** Bytes as they are, with the content type given (none when null). */
  HttpResponse<Buffer> raw(HttpMethod method, String path, String contentType, Buffer bytes) {
    HttpRequest<Buffer> request = http.request(method, port, "127.0.0.1", path);
    request.putHeader("Authorization", "Bearer " + token);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return request.sendBuffer(bytes).await();
  }

  HttpResponse<Buffer> get(String path) {
    return call(HttpMethod.GET, path, null);
  }

  HttpResponse<Buffer> post(String path, Object body) {
    return call(HttpMethod.POST, path, body);
  }

  HttpResponse<Buffer> put(String path, Object body) {
    return call(HttpMethod.PUT, path, body);
  }

  HttpResponse<Buffer> delete(String path, Object body) {
    return call(HttpMethod.DELETE, path, body);
  }

  JsonObject json(String path) {
    return get(path).bodyAsJsonObject();
  }

  JsonArray overrides() {
    return get("/api/operator/overrides").bodyAsJsonArray();
  }
}
