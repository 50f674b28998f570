package io.tallycast.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.support.Browser;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text on air carries no invisible controls, in real Chromium: a candidate whose name on the results site is wrapped
 * in bidi overrides shows in the ticker without them, and the operator's reason shows in the notes panel without its
 * bidi controls but with the ZWJ its Bengali is spelled with.
 */
@ExtendWith(VertxExtension.class)
@SlowTier
class OverlayOperatorTextTest {
  static final int SEAT = 1;
  static final String RALLY = "\u09B0\u200D\u09CD\u09AF\u09BE\u09B2\u09BF"; // "rally": ra, ZWJ, virama, ya...

  @TempDir
  Path dataDir;

  @Test
  void scraped_names_and_the_operators_reason_show_without_bidi_controls_and_with_the_zwj(Vertx vertx)
      throws Exception {
    String scrapedName = "\u202EAMAL\u202C \u2067KUMAR\u2069\u200F";
    try (Pipeline pipeline = Pipeline.start(MeteredVertx.of(vertx), dataDir, 1, c -> c,
        OverlayEscapingTest.withWinnerRenamed(SEAT, scrapedName))) {
      pipeline.clock(new JsonObject().put("paused", true));
      pipeline.clock(new JsonObject().put("advanceSeconds", 12 * 3600)); // past the last declaration
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "AMAL KUMAR".equals(
          pipeline.json("/api/constituencies/" + SEAT).getValue("leader") instanceof JsonObject leader
              ? leader.getString("candidate") : null));
      // the whole day stored first: declarations committed after the override would push its note off the panel
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
        JsonObject seats = pipeline.json("/api/summary").getJsonObject("seats");
        return seats.getInteger("declared").equals(seats.getInteger("total"));
      });

      String reason = "\u202ERO\u202C \u2067" + RALLY + "\u2069 \u200Econfirmed";
      String shown = "RO " + RALLY + " confirmed";
      HttpResponse<Buffer> override = pipeline.http.post(pipeline.engine.apiPort(), "127.0.0.1",
              "/api/operator/seats/" + SEAT + "/override")
          .putHeader("Authorization", "Bearer " + pipeline.engine.operatorToken().value())
          .sendJsonObject(new JsonObject().put("reason", reason).put("status", "declared")).await();
      assertThat(override.statusCode()).as(override.bodyAsString()).isEqualTo(200);

      try (Browser browser = Browser.open(1920, 1080)) {
        new OverlayPage(browser).open("http://127.0.0.1:" + pipeline.engine.apiPort() + "/overlay/");
        String candidate = "#ticker .item[data-seat=\"" + SEAT + "\"] .candidate";
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> "AMAL KUMAR".equals(
            browser.js("return document.querySelector(arguments[0])?.textContent", candidate)));
        String detail = "#notifications .note[data-type=\"seat.overridden\"][data-seat=\"" + SEAT + "\"] .detail";
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> browser.js(
            "return document.querySelector(arguments[0])?.textContent", detail) != null);
        String onAir = (String) browser.js("return document.querySelector(arguments[0]).textContent", detail);
        assertThat(onAir).isEqualTo(shown).contains("\u200D");
        assertThat(onAir.chars().filter(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
            || c == 0x200E || c == 0x200F)).isEmpty();
      }
    }
  }
}
