package io.tallycast.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.support.Browser;
import io.tallycast.support.DemoProcess;
import io.tallycast.support.SlowTier;
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

/** On a machine without a UTF-8 locale the pages still go out declared as UTF-8: the overlay on air shows "−". */
@SlowTier
class TextEncodingTest {
  /** What parties.js writes in a tally row's change column: "+4", "−3" (U+2212, a real minus sign) or "0". */
  private static final Pattern CHANGE = Pattern.compile("[+\u2212]?\\d+");

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

  @Test
  void the_overlay_shows_its_plus_and_minus_signs_when_the_demo_runs_with_no_locale_at_all() throws Exception {
    try (DemoProcess demo = DemoProcess.startWithoutEnvironment(dataDir, "--port", "0", "--no-stream",
        "--speed", "600");
        Browser browser = Browser.open(1280, 720)) {
      String port = await().atMost(Duration.ofSeconds(60)).until(() -> demo.output().stream()
          .map(API::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null), p -> p != null);
      browser.go("http://127.0.0.1:" + port + "/overlay/");
      // a gain and a loss against 2021 are on the board once the count has run a while
      List<String> changes = await().atMost(Duration.ofSeconds(90)).until(() -> changeColumn(browser),
          shown -> shown.stream().anyMatch(c -> c.startsWith("+"))
              && shown.stream().anyMatch(c -> c.startsWith("\u2212")));
      assertThat(changes).allSatisfy(c -> assertThat(c).matches(CHANGE));
      String board = (String) browser.js("return document.querySelector('#tally').textContent");
      assertThat(board).doesNotContain("\u00c2", "\u00e2");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> changeColumn(Browser browser) {
    return (List<String>) browser.js(
        "return [...document.querySelectorAll('#tally [data-party] .change')].map((c) => c.textContent.trim())");
  }
}
