package io.tallycast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tallycast.scrape.page.EciPages;
import io.tallycast.scrape.page.PageFormatException;
import io.tallycast.scrape.page.PageIdentity;
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
    description = "Prints what a results page or ECI's live JSON (file or URL) parses to, as JSON: its kind, layout "
        + "and everything read from it; exit 2 with the reason if it does not parse.")
public final class ParseCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE_OR_URL", description = "a saved page or an http(s) URL")
  String source;

  @Override
  public Integer call() throws Exception {
    String content = source.matches("(?i)https?://.*") ? fetch(source) : Files.readString(Path.of(source),
        StandardCharsets.UTF_8);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", source);
    try {
      // The content says what it is (never the URL); then the one parser of that kind reads it.
      PageIdentity page = EciPages.identify(content, source);
      out.put("kind", page.kind().label());
      out.put("layout", page.layout());
      out.put("page", switch (page.kind()) {
        case LIST -> EciPages.parseListPage(content, source);
        case PARTY_SUMMARY -> EciPages.parsePartySummary(content, source);
        case CONSTITUENCY -> EciPages.parseSeatPage(content, source);
        case LIVE_JSON -> EciPages.parseLiveJson(content, source);
      });
    } catch (PageFormatException e) {
      System.err.println("tallycast parse: " + source + ": " + e.getMessage());
      return 2;
    }
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    System.out.println(json.writeValueAsString(out));
    return 0;
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
