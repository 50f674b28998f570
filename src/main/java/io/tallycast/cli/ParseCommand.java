package io.tallycast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tallycast.scrape.page.EciPages;
import io.tallycast.scrape.page.PageFormatException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** An operator's check before the night: what does tallycast read from this page? */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Prints what a results page (file or URL) parses to, as JSON; exit 2 with the reason if it does not.")
public final class ParseCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE_OR_URL", description = "a saved page or an http(s) URL")
  String source;

  @Override
  public Integer call() throws Exception {
    String html = source.matches("(?i)https?://.*") ? fetch(source) : Files.readString(Path.of(source),
        StandardCharsets.UTF_8);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", source);
    try {
      out.putAll(parse(html));
    } catch (PageFormatException e) {
      System.err.println("tallycast parse: " + source + ": " + e.getMessage());
      return 2;
    }
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    System.out.println(json.writeValueAsString(out));
    return 0;
  }

  private interface PageParser {
    Object parse(String html, String url) throws PageFormatException;
  }

  /**
   * Tries each page kind. When none fits, the error worth showing is the one of the kind the page looks like: the
   * parsers say "expected a ... page" for a page of another kind, so any other message is the real fault.
   */
  private Map<String, Object> parse(String html) throws PageFormatException {
    Map<String, PageParser> kinds = new LinkedHashMap<>();
    kinds.put("constituency", EciPages::parseSeatPage);
    kinds.put("state-wise list", EciPages::parseListPage);
    kinds.put("party-wise summary", EciPages::parsePartySummary);
    PageFormatException shown = null;
    for (Map.Entry<String, PageParser> kind : kinds.entrySet()) {
      try {
        return Map.of("kind", kind.getKey(), "page", kind.getValue().parse(html, source));
      } catch (PageFormatException e) {
        if (shown == null || (shown.getMessage().startsWith("expected") && !e.getMessage().startsWith("expected"))) {
          shown = e;
        }
      }
    }
    throw shown;
  }

  private static String fetch(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0")
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document").GET().build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }
}
