package io.tallycast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.scrape.page.EciPages;
import io.tallycast.scrape.page.PageFormatException;
import io.tallycast.scrape.page.PageIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An operator's check before the night: what does tallycast read from this page? */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Prints what a results page or ECI's live JSON (file or URL) parses to, as JSON: its kind, layout "
        + "and everything read from it; exit 2 with the reason if it does not parse.")
public final class ParseCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE_OR_URL", description = "a saved page or an http(s) URL")
  String source;

  @Option(names = "--timeout", defaultValue = "20", description = "seconds the whole answer may take (a server that "
      + "trickles or says nothing is given up on). Default: ${DEFAULT-VALUE}")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    String content;
    try {
      content = source.matches("(?i)https?://.*") ? fetch(source) : read(Path.of(source));
    } catch (IOException e) {
      // a silent server, a redirect loop, a missing file: the reason, not a stack trace
      System.err.println("tallycast parse: " + source + ": " + (e instanceof java.nio.file.NoSuchFileException
          ? "no such file" : e.getMessage()));
      return 2;
    }
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

  private static String read(Path file) throws IOException {
    if (Files.isRegularFile(file) && Files.size(file) > ScrapeConfig.MAX_PAGE_BYTES) {
      throw new IOException(BrowserHttp.tooLarge());
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private String fetch(String url) throws IOException {
    return new BrowserHttp(java.time.Duration.ofSeconds(Math.max(1, timeoutSeconds))).body(url);
  }
}
