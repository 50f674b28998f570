package io.tallycast.overlay;

import io.tallycast.support.Browser;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the overlay through its DOM hooks (see the issue 4 contract): what a viewer sees, as the tests check it. */
final class OverlayPage {
  /** won, leading, total as shown in one tally row. */
  record Row(long won, long leading, long total, String change) {
  }

  private final Browser browser;

  OverlayPage(Browser browser) {
    this.browser = browser;
  }

  OverlayPage open(String url) {
    browser.go(url);
    waitUntilReady();
    return this;
  }

  void waitUntilReady() {
    browser.waitUpTo(Duration.ofSeconds(20))
        .withMessage(() -> "the overlay never showed its first figures (body[data-ready=1]); the page at "
            + browser.driver.getCurrentUrl() + " says: " + browser.js("return document.body.innerText.slice(0, 200)"))
        .until(d -> "1".equals(browser.js("return document.body.dataset.ready")));
  }

  String scene() {
    return (String) browser.js("return document.body.dataset.scene");
  }

  String liveStatus() {
    return (String) browser.js("return document.body.dataset.live || ''");
  }

  /** Party code -> the figures in its #tally row ("OTHERS" included), in board order. */
  @SuppressWarnings("unchecked")
  Map<String, Row> tally() {
    List<List<String>> rows = (List<List<String>>) browser.js("""
        return [...document.querySelectorAll('#tally [data-party]')].map((row) => {
          const text = (name) => row.querySelector('.' + name).textContent;
          return [row.dataset.party, text('won'), text('leading'), text('total'), text('change')];
        });""");
    Map<String, Row> out = new LinkedHashMap<>();
    for (List<String> row : rows) {
      out.put(row.get(0), new Row(number(row.get(1)), number(row.get(2)), number(row.get(3)), row.get(4)));
    }
    return out;
  }

  /** The summary's won/leading for each party the board shows (Others aside): the board should say exactly these. */
  static Map<String, List<Long>> expected(JsonObject summary, Iterable<String> shown) {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    for (String party : shown) {
      summary.getJsonArray("parties").stream().map(JsonObject.class::cast)
          .filter(p -> p.getString("party").equals(party)).findFirst()
          .ifPresent(p -> out.put(party, List.of(p.getLong("won"), p.getLong("leading"))));
    }
    return out;
  }

  /** The board's won/leading for each party shown, Others aside. */
  Map<String, List<Long>> shownFigures() {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    tally().forEach((party, row) -> {
      if (!"OTHERS".equals(party)) {
        out.put(party, List.of(row.won(), row.leading()));
      }
    });
    return out;
  }

  /** Waits until fonts are in, the map picture is decoded and transitions settled, then saves a screenshot. */
  void screenshot(String name) {
    browser.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.js("""
        const img = document.querySelector('#map img');
        return document.fonts.status === 'loaded' && (!img || img.complete);""")));
    browser.waitUpTo(Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(browser.js(
        "return document.getAnimations().every(a => a.playState !== 'running' "
            + "|| a.effect?.getTiming().iterations === Infinity)")));
    browser.screenshot(name);
  }

  private static long number(Object text) {
    String digits = String.valueOf(text).replaceAll("[^0-9]", "");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }
}
