package io.tallycast.scrape;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP GET the way a polite browser does it: browser-like headers (the ECI site answers 403 to bare clients),
 * conditional requests (ETag / Last-Modified, so an unchanged page costs a 304), and only to configured hosts. A
 * hostile or broken site cannot hold or flood the scraper: the whole answer, body included, must come within the
 * request timeout (a page trickled a byte a second is given up on), a body larger than {@link #MAX_PAGE_BYTES} is cut
 * off, and redirects are followed by hand, a few hops at most, each checked against the allowed hosts.
 */
public final class PageFetcher {
  /** Far above any results page (the largest real ECI page saved is under 0.5 MB), far below what would hurt. */
  static final int MAX_PAGE_BYTES = ScrapeConfig.MAX_PAGE_BYTES;
  static final int MAX_REDIRECTS = 5;

  private final Vertx vertx;
  private final HttpClient client;
  private final ScrapeConfig config;
  private final Map<String, Validators> validators = new ConcurrentHashMap<>();

  private record Validators(String etag, String lastModified) {
  }

  /** Touched on the scraper's event loop only. */
  private long lastWholeAnswer = System.nanoTime();

  public PageFetcher(Vertx vertx, ScrapeConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setKeepAlive(true)
        .setConnectTimeout((int) config.requestTimeout().toMillis())
        .setDecompressionSupported(true), new PoolOptions().setHttp1MaxSize(config.concurrency()));
  }

  Future<Fetched> get(String url) {
    List<String> chain = new ArrayList<>(List.of(url));
    return hop(url, url, chain, System.nanoTime()).onSuccess(page -> lastWholeAnswer = System.nanoTime());
  }

  /** Since the site last gave a whole answer (a page or a 304), in ms; since this fetcher began if never. */
  long sinceLastWholeAnswerMillis() {
    return (System.nanoTime() - lastWholeAnswer) / 1_000_000;
  }

  /** One request of a (possibly redirected) fetch; {@code chain} holds every URL visited, the original first. */
  private Future<Fetched> hop(String original, String url, List<String> chain, long started) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new ScrapeException(original, "not a URL: " + url));
    }
    String host = uri.getHost();
    if (host == null || !config.allowedHosts().contains(host)) {
      String via = chain.size() > 1 ? "redirected " + String.join(" -> ", chain) + ": " : "";
      return Future.failedFuture(new ScrapeException(original, via + "host '" + host
          + "' is not among the configured hosts " + config.allowedHosts() + "; not fetched"));
    }
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url);
    BrowserHeaders.each(options::putHeader);
    Validators known = chain.size() == 1 ? validators.get(url) : null;
    if (known != null && known.etag() != null) {
      options.putHeader("If-None-Match", known.etag());
    }
    if (known != null && known.lastModified() != null) {
      options.putHeader("If-Modified-Since", known.lastModified());
    }
    Promise<Fetched> done = Promise.promise();
    long deadline = Math.max(1, config.requestTimeout().toMillis() - (System.nanoTime() - started) / 1_000_000);
    client.request(options).onComplete(opened -> {
      if (opened.failed()) {
        done.tryFail(new ScrapeException(original, describe(opened.cause())));
        return;
      }
      HttpClientRequest request = opened.result();
      long timer = vertx.setTimer(deadline, id -> {
        done.tryFail(new ScrapeException(original, "no whole answer within " + config.requestTimeout().toMillis()
            + " ms (timed out)"));
        request.reset(); // frees the connection: a trickling server holds nothing of ours
      });
      done.future().onComplete(ignored -> vertx.cancelTimer(timer));
      request.send().onComplete(sent -> {
        if (sent.failed()) {
          done.tryFail(new ScrapeException(original, describe(sent.cause())));
          return;
        }
        answer(original, url, chain, started, request, sent.result(), done);
      });
    });
    return done.future();
  }

  private void answer(String original, String url, List<String> chain, long started, HttpClientRequest request,
                      HttpClientResponse response, Promise<Fetched> done) {
    int status = response.statusCode();
    String location = response.getHeader("Location");
    if (status >= 300 && status <= 399 && status != 304 && location != null) {
      request.reset();
      String next = URI.create(url).resolve(location).toString();
      if (chain.contains(next) || chain.size() > MAX_REDIRECTS) {
        done.tryFail(new ScrapeException(original, (chain.contains(next) ? "redirect loop: " : "too many redirects: ")
            + String.join(" -> ", chain) + " -> " + next));
        return;
      }
      chain.add(next);
      hop(original, next, chain, started).onComplete(done);
      return;
    }
    if (status == 304) {
      done.tryComplete(new Fetched(url, true, null, millis(started)));
      return;
    }
    if (status != 200) {
      done.tryFail(new ScrapeException(original, "HTTP " + status
          + (status == 403 ? " (forbidden: the site refuses this client)" : ""), status));
      request.reset();
      return;
    }
    Buffer body = Buffer.buffer();
    response.handler(chunk -> {
      if (body.length() + chunk.length() > MAX_PAGE_BYTES) {
        done.tryFail(new ScrapeException(original, "page larger than " + MAX_PAGE_BYTES / (1024 * 1024)
            + " MB: not read"));
        request.reset(); // after the reason: the reset fails whatever is still waiting with its own
        return;
      }
      body.appendBuffer(chunk);
    });
    response.exceptionHandler(e -> done.tryFail(new ScrapeException(original, describe(e))));
    response.endHandler(v -> {
      if (chain.size() == 1) {
        validators.put(url, new Validators(response.getHeader("ETag"), response.getHeader("Last-Modified")));
      }
      done.tryComplete(new Fetched(url, false, body.toString(), millis(started)));
    });
  }

  private static long millis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** Forget the validators of a page whose content could not be used, so the next request fetches it whole. */
  void forget(String url) {
    validators.remove(url);
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
