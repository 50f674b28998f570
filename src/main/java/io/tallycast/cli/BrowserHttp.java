package io.tallycast.cli;

import io.tallycast.scrape.BrowserHeaders;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.scrape.SiteCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One-off GETs for the operator's commands (parse, check), with the scraper's {@link BrowserHeaders}, and with a
 * deadline on the whole answer (a server that trickles or says nothing cannot hold the command) and redirects followed
 * by hand, a few hops at most, so a loop is named rather than followed forever.
 */
final class BrowserHttp implements SiteCheck.Fetch {
  static final Duration DEADLINE = Duration.ofSeconds(20);
  static final int MAX_REDIRECTS = 5;

  // HTTP/1.1 as the scraper speaks it: the JDK client's default offers an h2c upgrade on plain http, which a server
  // may take and then answer in a way the client misreads (a 50 MB page came back as a "protocol error")
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
  private final Duration deadline;

  BrowserHttp() {
    this(DEADLINE);
  }

  BrowserHttp(Duration deadline) {
    this.deadline = deadline;
  }

  @Override
  public SiteCheck.Answer get(String url) throws IOException {
    Set<String> seen = new LinkedHashSet<>();
    URI at = URI.create(url);
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!seen.add(at.toString())) {
        throw new IOException("redirect loop: " + String.join(" -> ", seen) + " -> " + at);
      }
      HttpResponse<String> response = once(at);
      int status = response.statusCode();
      String location = response.headers().firstValue("Location").orElse(null);
      if (status < 300 || status > 399 || location == null) {
        return new SiteCheck.Answer(status, response.body());
      }
      at = at.resolve(location);
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects: " + String.join(" -> ", seen));
  }

  private HttpResponse<String> once(URI uri) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(deadline).GET();
    BrowserHeaders.each(builder::header);
    HttpRequest request = builder.build();
    // the request's own timeout ends at the headers; the whole body must come within the deadline too
    CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, info -> capped());
    try {
      return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new IOException("no whole answer within " + deadline.toSeconds() + " s from " + uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
      throw new IOException((cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
          + " [" + uri + "]", cause);
    }
  }

  /**
   * The body as text, given up on past the scraper's page cap: a results page is well under a megabyte, and a 50 MB
   * answer read whole would take the command's memory with it.
   */
  private static HttpResponse.BodySubscriber<String> capped() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    HttpResponse.BodySubscriber<Void> reader = HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> {
      if (chunk.isPresent()) {
        if (body.size() + chunk.get().length > ScrapeConfig.MAX_PAGE_BYTES) {
          throw new UncheckedIOException(new IOException(tooLarge()));
        }
        body.writeBytes(chunk.get());
      }
    });
    return HttpResponse.BodySubscribers.mapping(reader, done -> body.toString(StandardCharsets.UTF_8));
  }

  static String tooLarge() {
    return "page larger than " + ScrapeConfig.MAX_PAGE_BYTES / (1024 * 1024) + " MB: not a results page";
  }

  /** The body of a 200 answer, or an error naming the status. */
  String body(String url) throws IOException {
    SiteCheck.Answer answer = get(url);
    if (answer.status() != 200) {
      throw new IOException(url + " answered HTTP " + answer.status());
    }
    return answer.body();
  }
}
