package io.tallycast.cli;

import io.tallycast.scrape.SiteCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One-off GETs for the operator's commands (parse, check), sent the way a browser sends them: the ECI site answers 403
 * to bare clients.
 */
final class BrowserHttp implements SiteCheck.Fetch {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  @Override
  public SiteCheck.Answer get(String url) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0")
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document").GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new SiteCheck.Answer(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The body of a 200 answer, or an error naming the status. */
  String body(String url) throws IOException {
    SiteCheck.Answer answer = get(url);
    if (answer.status() != 200) {
      throw new IllegalStateException(url + " answered HTTP " + answer.status());
    }
    return answer.body();
  }
}
