package io.tallycast.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.support.DemoProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a machine without a UTF-8 locale the pages still go out declared as UTF-8: the overlay on air shows "±". */
class TextEncodingTest {
  private static final Pattern API = Pattern.compile("results API\\s+http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir
  Path dataDir;

  @Test
  void the_overlay_and_console_are_served_as_utf_8_even_when_the_jvm_defaults_to_ascii() throws Exception {
    try (DemoProcess demo = DemoProcess.start(List.of("-Dfile.encoding=US-ASCII"), dataDir, "--port", "0",
        "--no-stream", "--speed", "1")) {
      String port = await().atMost(Duration.ofSeconds(60)).until(() -> demo.output().stream()
          .map(API::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null), p -> p != null);
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("/overlay/", "/overlay/index.html", "/console/", "/lib/dom.js")) {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).containsIgnoringCase("utf-8");
      }
    }
  }
}
