package io.tallycast.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.bus.HealthReport;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The operator console in a real Chromium on the real pipeline (replay site, scraper, SQLite, API), counting half
 * done and the replay clock stopped, so the figures hold still while the operator works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTier
class ConsoleOperatorTest {
  private static final String TOKEN_KEY = "tallycast.operatorToken";

  @TempDir
  static Path dataDir;
  MeteredVertx runtime;
  Pipeline pipeline;
  String token;

  @BeforeAll
  void countingUnderWay() throws Exception {
    runtime = MeteredVertx.create();
    pipeline = Pipeline.start(runtime, dataDir, 1, c -> c);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 6 * 3600));
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonObject seats = pipeline.summary().getJsonObject("seats");
      return seats.getInteger("declared") > 20 && seats.getInteger("counting") > 20;
    });
    token = Files.readString(dataDir.resolve("operator.token")).strip();
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  private ConsolePage console() {
    return ConsolePage.open(pipeline.engine.apiPort());
  }

  private long seatNamed(String name) {
    List<Long> found = pipeline.array("/api/constituencies").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("name").equalsIgnoreCase(name)).map(s -> s.getLong("no")).toList();
    assertThat(found).as("seats named %s", name).hasSize(1);
    return found.get(0);
  }

  @Test
  void an_operator_finds_a_seat_by_name_declares_it_with_a_reason_and_the_log_table_audit_and_overlay_show_it() {
    long seat = seatNamed("Dinhata");
    String reason = "RO declared Dinhata at 14:05; ECI page not updated yet";
    try (ConsolePage page = console()) {
      page.unlock(token);
      page.search("dinhata");
      page.until(d -> page.visibleSeats().equals(List.of(seat)));

      page.openSeat(seat);
      page.find("#override-form input[name='status'][value='declared']").click();
      WebElement topVotes = page.find("#override-candidates input[name='votes-0']");
      long corrected = Long.parseLong(topVotes.getDomProperty("value")) + 250;
      topVotes.clear();
      topVotes.sendKeys(Long.toString(corrected));
      page.find("#override-reason").sendKeys(reason);
      assertThat(page.text("#override-summary")).contains("declared").contains("1 figure corrected");
      page.find("#override-submit").click();
      page.until(d -> Boolean.FALSE.equals(page.browser.js("return document.getElementById('override-dialog').open")));

      String entry = "#events .event[data-type='seat.overridden'][data-seat='" + seat + "']";
      page.until(d -> page.present(entry));
      assertThat(page.text(entry + " .type")).isEqualTo("override");
      assertThat(page.text(entry + " .text")).contains("operator set declared").contains(reason);
      String row = "#seats tr[data-seat='" + seat + "']";
      page.until(d -> page.present(row + ".overridden"));
      assertThat(page.text(row + " .override-mark")).isEqualTo("OVERRIDDEN");
      assertThat(page.text(row + " td.status")).isEqualTo("declared");
      page.until(d -> page.present("#audit li[data-seat='" + seat + "']"));
      assertThat(page.text("#audit li[data-seat='" + seat + "']")).contains(reason).contains("active");

      JsonObject stored = pipeline.json("/api/constituencies/" + seat);
      assertThat(stored.getString("status")).isEqualTo("declared");
      assertThat(stored.getJsonObject("overridden").getString("reason")).isEqualTo(reason);
      assertThat(stored.getJsonObject("leader").getLong("votes")).isEqualTo(corrected);

      // what goes to air: the overlay in the console's own preview frame marks the seat
      page.until(d -> Boolean.TRUE.equals(page.browser.js(
          "const doc = document.getElementById('preview').contentDocument; const n = arguments[0];"
              + "return !!doc && !!(doc.querySelector(`#ticker .item[data-seat=\"${n}\"].overridden`)"
              + " || doc.querySelector(`#notifications .note[data-seat=\"${n}\"][data-type=\"seat.overridden\"]`))",
          seat)));

      // releasing it: same dialog, a reason again, and the scraped figures apply
      page.openSeat(seat);
      assertThat(page.text("#override-current")).contains("OVERRIDDEN since").contains(reason);
      page.find("#override-reason").sendKeys("ECI page caught up");
      page.find("#override-release").click();
      page.until(d -> page.present("#events .event[data-type='override.released'][data-seat='" + seat + "']"));
      page.until(d -> !page.present(row + ".overridden"));
      assertThat(pipeline.json("/api/constituencies/" + seat).getValue("overridden")).isNull();
      page.until(d -> page.text("#audit li[data-seat='" + seat + "']").contains("ECI page caught up"));
    }
  }

  @Test
  void the_server_refusal_of_an_override_is_shown_in_the_dialog_as_the_server_wrote_it() {
    long seat = seatNamed("Sitalkuchi");
    try (ConsolePage page = console()) {
      page.unlock(token);
      page.openSeat(seat);
      WebElement votes = page.find("#override-candidates input[name='votes-0']");
      votes.clear(); // empty: the console sends null, which the server refuses
      page.find("#override-reason").sendKeys("testing a refusal");
      page.find("#override-submit").click();
      page.until(d -> !page.text("#override-error").isEmpty());
      assertThat(page.text("#override-error")).isEqualTo("'candidates[0].votes' is required");
      assertThat(pipeline.json("/api/constituencies/" + seat).getValue("overridden")).isNull();
    }
  }

  @Test
  void an_override_without_the_token_gets_401_and_changes_nothing() {
    long seat = seatNamed("Kalchini");
    HttpResponse<Buffer> answer = pipeline.http.post(pipeline.engine.apiPort(), "127.0.0.1",
            "/api/operator/seats/" + seat + "/override")
        .sendJsonObject(new JsonObject().put("reason", "no token").put("status", "declared")).await();
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.bodyAsJsonObject().getString("error")).contains("token");
    assertThat(pipeline.json("/api/constituencies/" + seat).getValue("overridden")).isNull();
  }

  @Test
  void the_console_asks_for_the_token_once_per_browser_and_asks_again_when_it_is_wrong_or_stops_working() {
    try (ConsolePage page = console()) {
      assertThat(page.tokenDialogOpen()).as("a browser without the token is asked for it").isTrue();
      page.enterToken("not-the-token");
      page.until(d -> page.text("#token-error").startsWith("That token was refused"));
      assertThat(page.tokenDialogOpen()).isTrue();
      assertThat(page.browser.js("return localStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();

      page.unlock(token);
      assertThat(page.browser.js("return localStorage.getItem(arguments[0])", TOKEN_KEY)).isEqualTo(token);
      page.load();
      page.until(d -> "unlocked".equals(page.attribute("body", "data-operator")));
      assertThat(page.tokenDialogOpen()).as("asked once per browser").isFalse();

      // the token stops working (say, a new data dir): the next action's 401 forgets it and asks again
      page.browser.js("localStorage.setItem(arguments[0], 'stale-token')", TOKEN_KEY);
      page.find("#pause-scraper").click();
      page.until(d -> page.tokenDialogOpen());
      assertThat(page.text("#token-error")).contains("refused");
      assertThat(page.browser.js("return localStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();
      assertThat(pipeline.scraperHealth().getJsonObject("details").getBoolean("paused")).isFalse();

      // and a stale token found at load is checked, forgotten and asked for
      page.browser.js("localStorage.setItem(arguments[0], 'stale-token')", TOKEN_KEY);
      page.load();
      page.until(d -> page.tokenDialogOpen());
      assertThat(page.text("#token-error")).contains("saved token was refused");
      assertThat(page.browser.js("return localStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();
    }
  }

  @Test
  void pausing_and_resuming_scraping_switching_the_scene_and_the_stream_buttons_take_effect_from_the_console() {
    try (ConsolePage page = console()) {
      page.unlock(token);

      page.find("#pause-scraper").click();
      page.until(d -> "PAUSED".equals(page.text("#scraper-state")));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> pipeline.scraperHealth().getJsonObject("details").getBoolean("paused"));
      page.until(d -> "1".equals(page.attribute("#health [data-part='scraper']", "data-paused")));
      assertThat(page.text("#health [data-part='scraper'] [data-field='state']")).contains("PAUSED");
      assertThat(page.text("#overall-text")).isEqualTo("SCRAPING PAUSED");

      page.find("#resume-scraper").click();
      page.until(d -> "running".equals(page.text("#scraper-state")));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> !pipeline.scraperHealth().getJsonObject("details").getBoolean("paused"));
      page.until(d -> "0".equals(page.attribute("#health [data-part='scraper']", "data-paused")));

      page.find("[data-scene-button='map']").click();
      page.until(d -> "MAP".equals(page.text("#current-scene")));
      assertThat(pipeline.json("/api/overlay").getString("scene")).isEqualTo("map");
      assertThat(page.attribute("[data-scene-button='map']", "aria-pressed")).isEqualTo("true");
      assertThat(page.attribute("[data-scene-button='full']", "aria-pressed")).isEqualTo("false");
      page.until(d -> "map".equals(page.browser.js(
          "return document.getElementById('preview').contentDocument?.body?.dataset.scene")));

      // a switch made elsewhere (another console) shows here through the push channel
      pipeline.http.post(pipeline.engine.apiPort(), "127.0.0.1", "/api/operator/scene")
          .putHeader("Authorization", "Bearer " + token).sendJsonObject(new JsonObject().put("scene", "full")).await();
      page.until(d -> "FULL".equals(page.text("#current-scene")));

      page.find("#start-stream").click();
      page.until(d -> page.text("#stream-message").contains("no stream"));
      assertThat(page.text("#stream-message")).isEqualTo(
          pipeline.http.post(pipeline.engine.apiPort(), "127.0.0.1", "/api/operator/stream/start")
              .putHeader("Authorization", "Bearer " + token).send().await().bodyAsJsonObject().getString("error"));
    }
  }

  @Test
  void another_stream_channel_gets_its_own_card_with_its_figures_the_encoders_note_when_given_and_its_own_buttons() {
    // what a second channel reports (TwoChannelsTest runs real ones); this run has no stream: its buttons are refused
    JsonObject details = new JsonObject().put("channel", "second").put("state", "running").put("fps", 29.9)
        .put("bitrate", 2_400_000).put("dropped", 3).put("repeated", 0).put("reconnects", 0).put("uptimeSeconds", 65)
        .put("destinations", new io.vertx.core.json.JsonArray().add(new JsonObject()
            .put("target", "rtmp://ingest.example/live/****").put("state", "live")))
        .put("encoder", new JsonObject().put("preset", "superfast").put("note",
            "encoder under load: preset superfast since 21:04"));
    HealthReport.Status ok = HealthReport.Status.OK;
    try (ConsolePage page = console()) {
      page.unlock(token);
      page.until(d -> page.present("#health [data-part='stream']"));
      new HealthReport("stream second", ok, Instant.now(), null, null, details).publish(runtime.vertx());
      String card = "#health [data-part='stream second']";
      page.until(d -> page.present(card + " .encoder-note"));
      assertThat(page.text(card + " h2")).isEqualTo("Stream second");
      assertThat(page.text(card + " [data-field='fps']")).isEqualTo("29.9");
      assertThat(page.text(card + " [data-field='dropped']")).isEqualTo("3");
      assertThat(page.text(card + " .destinations")).contains("rtmp://ingest.example/live/****");
      assertThat(page.text(card + " .encoder-note")).isEqualTo("encoder under load: preset superfast since 21:04");
      assertThat(page.text("#health [data-part='stream'] [data-field='state']")).as("the first's own").isEqualTo("off");
      page.screenshot("console-two-channels");

      details.remove("encoder");
      new HealthReport("stream second", ok, Instant.now(), null, null, details).publish(runtime.vertx());
      page.until(d -> "true".equals(String.valueOf(page.browser.js(
          "return document.querySelector(\"[data-part='stream second'] .encoder-note\").hidden"))));

      page.find(card + " .start-channel").click();
      page.until(d -> page.text(card + " [data-field='streamMessage']").contains("no stream"));
    } finally {
      new HealthReport("stream second", HealthReport.Status.STOPPED, null, null, null,
          details.put("state", "stopped")).publish(runtime.vertx());
    }
  }

  @Test
  void the_health_wall_shows_every_part_and_the_stream_fields_and_the_screenshots_show_the_desk() {
    long overridden = seatNamed("Mathabhanga");
    HttpResponse<Buffer> set = pipeline.http.post(pipeline.engine.apiPort(), "127.0.0.1",
            "/api/operator/seats/" + overridden + "/override")
        .putHeader("Authorization", "Bearer " + token)
        .sendJsonObject(new JsonObject().put("reason", "Returning officer's sheet: final round counted")
            .put("status", "declared")).await();
    assertThat(set.statusCode()).as(set.bodyAsString()).isEqualTo(200);
    try (ConsolePage page = console()) {
      page.unlock(token);
      for (String part : List.of("scraper", "store", "maps")) {
        page.until(d -> "ok".equals(page.attribute("#health [data-part='" + part + "']", "data-status")));
      }
      page.until(d -> "stopped".equals(page.attribute("#health [data-part='stream']", "data-status")));
      assertThat(page.text("#health [data-part='stream'] [data-field='state']")).isEqualTo("off");
      assertThat(page.text("#health [data-part='stream'] [data-field='fps']")).isEqualTo("0");
      assertThat(page.text("#health [data-part='stream'] [data-field='dropped']")).isEqualTo("0");
      assertThat(page.text("#health [data-part='scraper'] [data-field='dataAge']")).endsWith(" s");
      assertThat(page.attribute("#overall", "data-status")).isEqualTo("ok");
      page.until(d -> page.present("#seats tr[data-seat='" + overridden + "'].overridden"));
      page.until(d -> page.present("#audit li[data-seat='" + overridden + "']"));
      page.until(d -> page.present("#events .event[data-type='seat.overridden']"));
      page.until(d -> "1".equals(page.browser.js(
          "return document.getElementById('preview').contentDocument?.body?.dataset.ready")));
      page.screenshot("console");

      page.openSeat(seatNamed("Sitai"));
      page.find("#override-form input[name='status'][value='declared']").click();
      WebElement second = page.find("#override-candidates input[name='votes-1']");
      long votes = Long.parseLong(second.getDomProperty("value"));
      second.clear();
      second.sendKeys(Long.toString(votes + 1200));
      page.find("#override-reason").sendKeys("Round 20 sheet from the RO: BJP postal votes missing on the ECI page");
      page.screenshot("console-override-dialog");
    }
  }
}
