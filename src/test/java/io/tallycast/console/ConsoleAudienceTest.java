package io.tallycast.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.ViewerReading;
import io.tallycast.support.Browser;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audience on the operator's screen and on air, in a real Chromium on the real pipeline: the console's Audience
 * panel shows each platform's figure (or why there is none, as text), the total and its last hour as a line, and
 * follows new readings as they come; its switch puts "N watching now" on the overlay, and takes it off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTier
class ConsoleAudienceTest {
  private static final String NOTE = "<img src=x onerror=\"document.title='owned'\"> count hidden by the owner";

  @TempDir
  static Path dataDir;
  MeteredVertx runtime;
  Pipeline pipeline;
  String token;
  Instant now;

  @BeforeAll
  void countingUnderWayAndAnAudience() throws Exception {
    runtime = MeteredVertx.create();
    pipeline = Pipeline.start(runtime, dataDir, 1, c -> c);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 4 * 3600));
    await().atMost(Duration.ofSeconds(60))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("counting") > 0);
    token = Files.readString(dataDir.resolve("operator.token")).strip();

    now = Instant.now();
    for (int minute = 40; minute >= 0; minute--) { // youtube over the last 40 minutes, climbing
      read(ViewerReading.live("youtube", now.minus(Duration.ofMinutes(minute)), 80_000 + (40 - minute) * 1_000));
    }
    read(ViewerReading.live("facebook", now.minusSeconds(20), 3_456));
    read(ViewerReading.without("instagram", now.minusSeconds(10), ViewerReading.Kind.HIDDEN, NOTE));
    read(ViewerReading.without("twitch", now, ViewerReading.Kind.FAILED, "quota exceeded (HTTP 429)"));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> pipeline.json("/api/audience").getJsonArray("platforms").size() == 4);
  }

  private void read(ViewerReading reading) {
    Bus.of(runtime.vertx()).publish(Contract.VIEWERS, reading);
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  private static String row(String platform) {
    return "#audience-platforms li[data-platform='" + platform + "']";
  }

  @Test
  void the_console_shows_each_platforms_figure_the_total_and_the_hour_and_its_switch_puts_the_figure_on_air() {
    try (ConsolePage console = ConsolePage.open(pipeline.engine.apiPort());
         Browser overlay = Browser.open(1920, 1080)) {
      console.until(d -> "1,23,456".equals(console.text("#audience-total")));
      assertThat(console.text(row("youtube") + " .figure")).isEqualTo("1,20,000");
      assertThat(console.text(row("facebook") + " .figure")).isEqualTo("3,456");
      assertThat(console.attribute(row("instagram"), "data-state")).isEqualTo("hidden");
      assertThat(console.text(row("instagram") + " .figure")).isEqualTo("hidden");
      assertThat(console.text(row("instagram") + " .note")).isEqualTo(NOTE);
      assertThat(console.present("#audience-panel img")).isFalse();
      assertThat(console.text(row("twitch") + " .figure")).isEqualTo("failed");
      assertThat(console.text(row("twitch") + " .note")).isEqualTo("quota exceeded (HTTP 429)");
      String points = console.attribute("#audience-chart polyline.total", "points");
      assertThat(points.split(" ")).hasSizeGreaterThanOrEqualTo(40);

      // a new reading arrives over the push channel, no reload
      read(ViewerReading.live("facebook", Instant.now(), 10_000));
      console.until(d -> "1,30,000".equals(console.text("#audience-total")));
      assertThat(console.text(row("facebook") + " .figure")).isEqualTo("10,000");

      // the overlay, option off: no badge
      overlay.go("http://127.0.0.1:" + pipeline.engine.apiPort() + "/overlay/");
      overlay.waitUpTo(ConsolePage.PATIENCE).until(d -> Boolean.TRUE.equals(overlay.js(
          "return document.body.dataset.ready === '1' && window.__overlay?.watching.audience.total === 130000")));
      assertThat(overlay.js("return document.getElementById('watching').hidden")).isEqualTo(true);
      assertThat(overlay.js("return document.body.dataset.watching")).isEqualTo("0");

      // the operator turns it on from the console: saved, and on air at once
      console.unlock(token);
      console.find("#watching-now").click();
      console.until(d -> "1".equals(console.attribute("#audience-panel", "data-watching")));
      assertThat(pipeline.json("/api/overlay").getBoolean("watchingNow")).isTrue();
      overlay.waitUpTo(ConsolePage.PATIENCE).until(d -> Boolean.FALSE.equals(
          overlay.js("return document.getElementById('watching').hidden")));
      assertThat(overlay.js("return document.querySelector('#watching').textContent"))
          .isEqualTo("1,30,000watching now");
      assertThat(overlay.js("return document.querySelector('#watching').getBoundingClientRect().width"))
          .satisfies(w -> assertThat(((Number) w).doubleValue()).isGreaterThan(50));
      console.screenshot("console-audience");
      waitForFonts(overlay);
      overlay.screenshot("overlay-watching-now");

      // and off again
      console.find("#watching-now").click();
      console.until(d -> "0".equals(console.attribute("#audience-panel", "data-watching")));
      overlay.waitUpTo(ConsolePage.PATIENCE).until(d -> Boolean.TRUE.equals(
          overlay.js("return document.getElementById('watching').hidden")));
      assertThat(pipeline.json("/api/overlay").getBoolean("watchingNow")).isFalse();
      assertThat((String) console.browser.js("return document.title")).doesNotContain("owned");
    }
  }

  private static void waitForFonts(Browser browser) {
    browser.waitUpTo(ConsolePage.PATIENCE).until(d -> Boolean.TRUE.equals(browser.js("""
        const img = document.querySelector('#map img');
        return document.fonts.status === 'loaded' && (!img || img.complete)
          && !document.getElementById('stage').classList.contains('switching');""")));
  }
}
