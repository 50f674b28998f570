package io.tallycast.scrape;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP GET the way a polite browser does it: browser-like headers (the ECI site answers 403 to bare clients),
 * conditional requests (ETag / Last-Modified, so an unchanged page costs a 304), a hard timeout, and only to
 * configured hosts.
 */
final class PageFetcher {
  static final String USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

  private final WebClient client;
  private final ScrapeConfig config;
  private final Map<String, Validators> validators = new ConcurrentHashMap<>();

  private record Validators(String etag, String lastModified) {
  }

  PageFetcher(Vertx vertx, ScrapeConfig config) {
    this.config = config;
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setKeepAlive(true)
        .setConnectTimeout((int) config.requestTimeout().toMillis())
        .setFollowRedirects(true)
        .setDecompressionSupported(true), new PoolOptions().setHttp1MaxSize(config.concurrency()));
  }

  Future<Fetched> get(String url) {
    String host = URI.create(url).getHost();
    if (!config.allowedHosts().contains(host)) {
      return Future.failedFuture(new ScrapeException(url, "host '" + host + "' is not among the configured hosts "
          + config.allowedHosts() + "; not fetched"));
    }
    long started = System.nanoTime();
    var request = client.getAbs(url)
        .timeout(config.requestTimeout().toMillis())
        .putHeader("User-Agent", USER_AGENT)
        .putHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .putHeader("Accept-Language", "en-IN,en;q=0.9")
        .putHeader("Sec-Fetch-Dest", "document")
        .putHeader("Sec-Fetch-Mode", "navigate")
        .putHeader("Sec-Fetch-Site", "same-origin")
        .putHeader("Upgrade-Insecure-Requests", "1");
    Validators known = validators.get(url);
    if (known != null && known.etag() != null) {
      request.putHeader("If-None-Match", known.etag());
    }
    if (known != null && known.lastModified() != null) {
      request.putHeader("If-Modified-Since", known.lastModified());
    }
    return request.send()
        .recover(e -> Future.failedFuture(new ScrapeException(url, describe(e))))
        .compose(response -> answer(url, response, (System.nanoTime() - started) / 1_000_000));
  }

  /** Forget the validators of a page whose content could not be used, so the next request fetches it whole. */
  void forget(String url) {
    validators.remove(url);
  }

  private Future<Fetched> answer(String url, HttpResponse<Buffer> response, long millis) {
    if (response.statusCode() == 304) {
      return Future.succeededFuture(new Fetched(url, true, null, millis));
    }
    if (response.statusCode() != 200) {
      return Future.failedFuture(new ScrapeException(url, "HTTP " + response.statusCode()
          + (response.statusCode() == 403 ? " (forbidden: the site refuses this client)" : ""), response.statusCode()));
    }
    validators.put(url, new Validators(response.getHeader("ETag"), response.getHeader("Last-Modified")));
    Buffer body = response.body();
    return Future.succeededFuture(new Fetched(url, false, body == null ? "" : body.toString(), millis));
  }

  private String describe(Throwable e) {
    String name = e.getClass().getSimpleName();
    if (name.contains("Timeout") || String.valueOf(e.getMessage()).contains("timeout")) {
      return "no answer within " + config.requestTimeout().toMillis() + " ms (timed out)";
    }
    return "request failed: " + (e.getMessage() == null ? name : e.getMessage());
  }

  void close() {
    client.close();
  }
}
