package io.tallycast.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.election.CandidateResult;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.tallycast.support.Browser;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Scraped names are text: a winning candidate called like an HTML tag shows as those characters on the overlay. */
@ExtendWith(VertxExtension.class)
@SlowTier
class OverlayEscapingTest {
  static final String MARKUP = "<img src=x onerror=alert(1)>";
  static final int SEAT = 1;

  @TempDir
  Path dataDir;

  @Test
  void a_candidate_named_like_markup_shows_in_the_ticker_as_text_and_nothing_runs(Vertx vertx) throws Exception {
    try (Pipeline pipeline = Pipeline.start(MeteredVertx.of(vertx), dataDir, 1, c -> c,
        withWinnerRenamed(SEAT, MARKUP))) {
      pipeline.clock(new JsonObject().put("paused", true));
      pipeline.clock(new JsonObject().put("advanceSeconds", 12 * 3600)); // past the last declaration
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
          .until(() -> leaderOf(pipeline.json("/api/constituencies/" + SEAT)).equals(MARKUP));
      try (Browser browser = Browser.open(1920, 1080)) {
        // record alert() instead of letting a dialog block the page, from before any page script runs
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
            "window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));"));
        new OverlayPage(browser).open("http://127.0.0.1:" + pipeline.engine.apiPort() + "/overlay/");
        String selector = "#ticker .item[data-seat=\"" + SEAT + "\"] .candidate";
        browser.waitUpTo(Duration.ofSeconds(10))
            .until(d -> MARKUP.equals(browser.js("return document.querySelector(arguments[0]).textContent", selector)));
        assertThat(browser.js("return document.querySelector(arguments[0]).children.length", selector)).isEqualTo(0L);
        assertThat(browser.js("return [...document.images].filter(i => i.getAttribute('src') === 'x').length"))
            .isEqualTo(0L);
        assertThat(browser.js("return document.body.textContent.includes(arguments[0])", MARKUP)).isEqualTo(true);
        assertThat(browser.js("return window.__alerts.length")).isEqualTo(0L);
      }
    }
  }

  private static String leaderOf(JsonObject seat) {
    JsonObject leader = seat.getJsonObject("leader");
    return leader == null ? "" : leader.getString("candidate", "");
  }

  /** West Bengal 2021 with one seat's winner renamed in the final results the replay counts towards. */
  static ElectionData withWinnerRenamed(int seat, String name) {
    ElectionData wb = ElectionData.westBengal2021();
    Map<Integer, SeatResult> finals = new TreeMap<>(wb.finals());
    List<CandidateResult> candidates = new ArrayList<>(finals.get(seat).candidates());
    CandidateResult winner = candidates.get(0);
    candidates.set(0, new CandidateResult(name, winner.party(), winner.votes()));
    finals.put(seat, new SeatResult(seat, candidates));
    return new ElectionData(wb.state(), wb.stateCode(), wb.parties(), wb.seats(), wb.past(), wb.pastYear(), finals);
  }
}
