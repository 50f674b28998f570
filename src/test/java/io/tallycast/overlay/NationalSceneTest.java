package io.tallycast.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.election.Election;
import io.tallycast.support.Browser;
import io.tallycast.support.LokSabha2024Results;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lok Sabha 2024 replayed to the end on one engine, seen in a real Chromium: the operator puts the national scene
 * on air from the console, and the overlay shows the states added up as results-2024.csv gives them (each big party's
 * seats, the rest as Others, all 543 declared, the majority mark 272 on the bar) with the national map; mid-count the
 * board shows what {@code /api/national} says, as it is pushed.
 * Screenshots go to target/screenshots/.
 */
@SlowTier
class NationalSceneTest {
  private static final Election LS = Election.embedded("ls2024");

  @TempDir
  Path dataDir;

  @Test
  void the_operator_puts_the_national_scene_on_air_and_it_shows_the_files_national_tally_and_the_national_map()
      throws Exception {
    Map<String, Integer> real = LokSabha2024Results.seatsByParty(LokSabha2024Results.winners(LS.main().parties()));
    int seats = LS.seatCount();
    int majority = seats / 2 + 1;
    try (Pipeline pipeline = Pipeline.election(MeteredVertx.of(Vertx.vertx()), dataDir, 1, LS)) {
      pipeline.clock(new JsonObject().put("paused", true));
      String base = "http://127.0.0.1:" + pipeline.engine.apiPort();
      String token = Files.readString(dataDir.resolve("operator.token")).strip();
      try (Browser browser = Browser.open(1920, 1080)) {
        // mid-count: the board follows the pushes, leads tinted beside the seats won
        pipeline.clock(new JsonObject().put("advanceSeconds", 4 * 3600));
        OverlayPage counting = new OverlayPage(browser).open(base + "/overlay/?scene=national");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
          JsonObject now = pipeline.json("/api/national");
          return now.getJsonObject("seats").getInteger("counting") > 0 && partyRows(browser).equals(top(now));
        });
        counting.screenshot("overlay-national-counting");

        pipeline.clock(new JsonObject().put("advanceSeconds", 8 * 3600));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
            .until(() -> pipeline.json("/api/national").getJsonObject("seats").getInteger("declared") == seats);
        // the operator's console: the National button, as the other scenes'
        browser.go(base + "/console/");
        browser.js("localStorage.setItem('tallycast.operatorToken', arguments[0])", token);
        browser.go(base + "/console/");
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> "unlocked".equals(browser.js(
            "return document.body.dataset.operator")));
        browser.js("document.querySelector(\"[data-scene-button='national']\").click()");
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "NATIONAL".equals(browser.js(
            "return document.getElementById('current-scene').textContent")));
        assertThat(pipeline.json("/api/overlay").getString("scene")).isEqualTo("national");

        // the overlay follows the operator's choice
        OverlayPage page = new OverlayPage(browser).open(base + "/overlay/");
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "national".equals(page.scene()));
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> (seats + " / " + seats + " declared").equals(browser.js(
            "return document.querySelector('#national .count').textContent")));
        Map<String, List<Integer>> shown = rows(browser);
        int others = 0;
        int sum = 0;
        for (Map.Entry<String, List<Integer>> row : shown.entrySet()) {
          List<Integer> figures = row.getValue(); // won, leading, total
          assertThat(figures.get(1)).as(row.getKey()).isZero();
          assertThat(figures.get(2)).as(row.getKey()).isEqualTo(figures.get(0));
          sum += figures.get(0);
          if (!row.getKey().equals("OTHERS")) {
            assertThat(figures.get(0)).as(row.getKey()).isEqualTo(real.get(row.getKey()));
          }
        }
        for (Map.Entry<String, Integer> party : real.entrySet()) {
          others += shown.containsKey(party.getKey()) ? 0 : party.getValue();
        }
        assertThat(shown).containsKey("OTHERS");
        assertThat(shown.get("OTHERS").get(0)).isEqualTo(others);
        assertThat(sum).isEqualTo(seats);
        String first = real.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(shown.keySet().iterator().next()).isEqualTo(first);
        assertThat(browser.js("return document.querySelector('#national .bar .mark .need').textContent"))
            .isEqualTo(String.valueOf(majority));
        assertThat(browser.js("return document.querySelector('#national .majority').textContent"))
            .isEqualTo(majority + " for majority");
        // the bar: the first party's solid share of the house is its seats won
        double share = Double.parseDouble((String) browser.js("return getComputedStyle(document.querySelector("
            + "'#national .bar .segment[data-party=\"' + arguments[0] + '\"]')).getPropertyValue('--won')", first));
        assertThat(Math.round(share * seats)).isEqualTo(real.get(first).longValue());
        assertThat(browser.js("return document.querySelector('#national .verdict').textContent"))
            .isEqualTo(real.get(first) >= majority ? first + " wins majority" : "no party has a majority");
        assertThat(browser.js("return document.querySelector('#counted .declared').textContent"))
            .isEqualTo(String.valueOf(seats));

        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.js(
            "const img = document.querySelector('#national .frame img');"
                + "return !!img && img.complete && img.naturalWidth > 0"
                + " && img.src.includes('/api/national/maps/state.png')")));
        page.screenshot("overlay-national");
      }
      assertThat(pipeline.array("/api/national/maps").getJsonObject(0).getString("map")).isEqualTo("state");
    }
  }

  /** The first six parties of /api/national as the board shows them (the rest is in Others). */
  private static Map<String, List<Integer>> top(JsonObject national) {
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    national.getJsonArray("parties").stream().map(JsonObject.class::cast).limit(6).forEach(p -> out.put(
        p.getString("party"), List.of(p.getInteger("won"), p.getInteger("leading"), p.getInteger("total"))));
    return out;
  }

  /** Party code -> won, leading, total as the national board's rows show them, in board order. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<Integer>> rows(Browser browser) {
    List<List<String>> rows = (List<List<String>>) browser.js("return [...document.querySelectorAll("
        + "'#national .rows .row.party')].map(r => [r.dataset.party, r.querySelector('.won').textContent,"
        + " r.querySelector('.leading').textContent, r.querySelector('.total').textContent])");
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(r.get(0), List.of(Integer.parseInt(r.get(1)), Integer.parseInt(r.get(2)),
        Integer.parseInt(r.get(3)))));
    return out;
  }

  /** The board's rows, Others aside. */
  private static Map<String, List<Integer>> partyRows(Browser browser) {
    Map<String, List<Integer>> out = rows(browser);
    out.remove("OTHERS");
    return out;
  }
}
