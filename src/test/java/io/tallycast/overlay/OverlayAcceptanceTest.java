package io.tallycast.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.cli.DemoCommand;
import io.tallycast.support.Browser;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance: after the whole demo counting day (replayed at 2000x), Chromium's --dump-dom of /overlay/
 * shows AITC with 215 seats and BJP with 77, read through the tally board's DOM hooks.
 */
@ExtendWith(VertxExtension.class)
@SlowTier
class OverlayAcceptanceTest {
  @TempDir
  Path dataDir;
  @TempDir
  Path profile;

  @Test
  void after_a_full_replay_chromium_dump_dom_shows_aitc_with_215_and_bjp_with_77(Vertx vertx) throws Exception {
    try (Pipeline pipeline = Pipeline.start(vertx, dataDir, 2000, c -> c.withInterval(DemoCommand.intervalFor(2000)))) {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> pipeline.summary().getJsonObject("seats").getInteger("declared") == 294);
      String url = "http://127.0.0.1:" + pipeline.engine.apiPort() + "/overlay/";

      Document dom = Jsoup.parse(dumpDom(url));
      assertThat(dom.body().attr("data-ready")).isEqualTo("1");
      assertThat(figures(dom, "AITC")).containsExactly("215", "0", "215");
      assertThat(figures(dom, "BJP")).containsExactly("77", "0", "77");

      try (Browser browser = Browser.open(1920, 1080)) {
        OverlayPage page = new OverlayPage(browser).open(url);
        browser.waitUpTo(Duration.ofSeconds(5)).until(d -> "AITC wins majority".equals(
            browser.js("return document.querySelector('#verdict').textContent")));
        browser.waitUpTo(Duration.ofSeconds(5)).until(d -> Long.valueOf(5).equals(
            browser.js("return document.querySelectorAll('#notifications .note').length")));
        page.screenshot("overlay-final");
      }
    }
  }

  /** won, leading, total in a party's tally row. */
  private static List<String> figures(Document dom, String party) {
    Element row = dom.selectFirst("#tally [data-party=" + party + "]");
    assertThat(row).as("#tally row of " + party).isNotNull();
    return List.of(row.selectFirst(".won").text(), row.selectFirst(".leading").text(),
        row.selectFirst(".total").text());
  }

  /** The command an operator (or CI) runs by hand; a fresh profile so parallel Chromiums never share one. */
  private String dumpDom(String url) throws Exception {
    File out = Files.createTempFile("overlay-dom", ".html").toFile();
    Process chromium = new ProcessBuilder("/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
        "--virtual-time-budget=10000", "--user-data-dir=" + profile, "--dump-dom", url)
        .redirectOutput(out).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium --dump-dom finished").isTrue();
      assertThat(chromium.exitValue()).isZero();
      return Files.readString(out.toPath(), StandardCharsets.UTF_8);
    } finally {
      chromium.destroyForcibly();
      out.delete();
    }
  }
}
