package io.tallycast.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.SceneChosen;
import io.tallycast.bus.Wire;
import io.tallycast.support.Browser;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overlay in Debian's Chromium against the real pipeline, its replay clock paused in the middle of counting day
 * and moved on by the tests: figures as /api/summary reports them, updates within a second of a committed event,
 * scene switching, recovery from a dropped connection, and screenshots of every scene.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SlowTier
class OverlayLiveTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @TempDir
  static Path dataDir;
  Vertx vertx;
  Pipeline pipeline;
  Browser browser;
  OverlayPage page;
  /** Every committed event, with the time (System.nanoTime) the store published it. */
  final List<Timed> events = new CopyOnWriteArrayList<>();
  final AtomicLong lastEventNanos = new AtomicLong(System.nanoTime());
  MessageConsumer<ResultEvent> listener;

  record Timed(long nanos, JsonObject event) {
  }

  @BeforeAll
  void countingUnderWayAndPaused(Vertx vertx) {
    this.vertx = vertx;
    listener = Bus.of(vertx).subscribe(Contract.EVENTS, e -> {
      long now = System.nanoTime();
      lastEventNanos.set(now);
      events.add(new Timed(now, Wire.json(e)));
    });
    pipeline = Pipeline.start(MeteredVertx.of(vertx), dataDir, 1, c -> c);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 5 * 3600)); // early afternoon: leads and declarations
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("declared") > 10);
    awaitQuiet();
    browser = Browser.open(1920, 1080);
    page = new OverlayPage(browser).open(overlay(""));
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (listener != null) {
      listener.unregister();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  @Order(1)
  void the_tally_board_shows_the_won_and_leading_seats_that_the_summary_reports_for_the_top_parties() {
    JsonObject summary = pipeline.summary();
    Map<String, OverlayPage.Row> board = page.tally();
    assertThat(board.keySet()).as("the largest parties, then Others").startsWith("AITC", "BJP").endsWith("OTHERS")
        .doesNotContain("NOTA").hasSize(6);
    assertThat(page.shownFigures()).isEqualTo(OverlayPage.expected(summary, page.shownFigures().keySet()));
    OverlayPage.Row aitc = board.get("AITC");
    assertThat(aitc.total()).isEqualTo(aitc.won() + aitc.leading());
    assertThat(browser.js("return document.querySelector('#title').textContent"))
        .isEqualTo("West Bengal Assembly Election 2021");
    assertThat(browser.js("return document.querySelector('#clock').textContent")).asString()
        .matches("\\d\\d:\\d\\d:\\d\\d");
    assertThat(browser.js("return document.querySelectorAll('#ticker .item[data-seat]').length")).isEqualTo(294L);
  }

  @Test
  @Order(2)
  void a_committed_tally_change_shows_on_the_overlay_within_one_second() {
    Map<String, List<Long>> start = allFigures(pipeline.summary());
    int before = events.size();
    List<Timed> tallies = new ArrayList<>();
    for (int step = 0; step < 20 && tallies.isEmpty(); step++) {
      pipeline.clock(new JsonObject().put("advanceSeconds", 600));
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> events.size() > before && System.nanoTime() - lastEventNanos.get() > 300_000_000L
              || !tallyEventsSince(before).isEmpty());
      tallies = tallyEventsSince(before);
    }
    assertThat(tallies).as("a tally.changed event after moving the count on").isNotEmpty();
    // follow the board until it shows every committed change; each must be on screen within a second of its commit
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    long shownAt = -1;
    long lastCommit = -1;
    while (System.nanoTime() < deadline) {
      List<Timed> committed = tallyEventsSince(before);
      Map<String, List<Long>> want = merged(start, committed);
      long latest = committed.get(committed.size() - 1).nanos();
      if (latest != lastCommit) {
        lastCommit = latest; // a newer commit: it has to reach the screen in its turn
        shownAt = -1;
      }
      Map<String, List<Long>> shown = page.shownFigures();
      boolean showsIt = shown.keySet().stream().allMatch(p -> shown.get(p).equals(want.get(p)));
      if (!showsIt) {
        shownAt = -1;
      } else if (shownAt < 0) {
        shownAt = System.nanoTime();
      }
      if (shownAt > 0 && System.nanoTime() - lastEventNanos.get() > 1_500_000_000L) {
        break; // shown, and nothing more is coming
      }
      sleepBriefly();
    }
    assertThat(shownAt).as("the board caught up with the committed tallies").isPositive();
    assertThat(Duration.ofNanos(Math.max(0, shownAt - lastCommit))).isLessThanOrEqualTo(SECOND);
    assertThat(page.shownFigures()).isEqualTo(OverlayPage.expected(pipeline.summary(), page.shownFigures().keySet()));
  }

  @Test
  @Order(3)
  void the_state_map_follows_the_renderer_by_swapping_in_each_new_picture() {
    long version = pipeline.array("/api/maps").stream().map(JsonObject.class::cast)
        .filter(m -> "state".equals(m.getString("map"))).findFirst().orElseThrow().getLong("version");
    browser.waitUpTo(Duration.ofSeconds(5)).until(d -> String.valueOf(
        browser.js("return document.querySelector('#map img')?.getAttribute('src')")).endsWith("?v=" + version));
    assertThat(browser.js("return document.querySelectorAll('#map img').length")).isEqualTo(1L);
  }

  @Test
  @Order(4)
  void the_operator_scene_switches_the_overlay_live_unless_the_url_fixes_it() {
    for (String scene : List.of("map", "tally", "ticker", "full")) {
      Bus.of(vertx).publish(Contract.SCENE, new SceneChosen(scene));
      browser.waitUpTo(Duration.ofSeconds(3)).until(d -> scene.equals(page.scene()));
    }
    Bus.of(vertx).publish(Contract.SCENE, new SceneChosen("no-such-scene"));
    try (Browser fixed = Browser.open(1920, 1080)) {
      OverlayPage tallyOnly = new OverlayPage(fixed).open(overlay("?scene=tally"));
      Bus.of(vertx).publish(Contract.SCENE, new SceneChosen("map"));
      browser.waitUpTo(Duration.ofSeconds(3)).until(d -> "map".equals(page.scene()));
      assertThat(tallyOnly.scene()).isEqualTo("tally");
      assertThat(fixed.js("return getComputedStyle(document.querySelector('#map')).display")).isEqualTo("none");
    }
    Bus.of(vertx).publish(Contract.SCENE, new SceneChosen("full"));
    browser.waitUpTo(Duration.ofSeconds(3)).until(d -> "full".equals(page.scene()));
  }

  @Test
  @Order(5)
  void after_the_connection_drops_the_overlay_reconnects_by_itself_catches_up_and_keeps_updating() {
    try (DroppingProxy proxy = DroppingProxy.start(vertx, pipeline.engine.apiPort())) {
      page.open("http://127.0.0.1:" + proxy.port() + "/overlay/");
      browser.waitUpTo(Duration.ofSeconds(5)).until(d -> "live".equals(page.liveStatus()));
      proxy.refuse(true);
      proxy.dropAll();
      browser.waitUpTo(Duration.ofSeconds(5)).until(d -> "reconnecting".equals(page.liveStatus()));
      // results move on while the overlay is cut off
      Map<String, List<Long>> stale = page.shownFigures();
      moveOnUntilTheSummaryDiffersFrom(stale);
      assertThat(page.shownFigures()).isEqualTo(stale);
      proxy.refuse(false);
      browser.waitUpTo(Duration.ofSeconds(20)).until(d -> "live".equals(page.liveStatus()));
      awaitBoardMatchesSummary(Duration.ofSeconds(5));
      // and it is live again: the next change arrives by the push channel
      moveOnUntilTheSummaryDiffersFrom(page.shownFigures());
      awaitBoardMatchesSummary(Duration.ofSeconds(5));
    }
    page.open(overlay(""));
  }

  @Test
  @Order(6)
  void screenshots_of_every_scene_and_of_the_720p_variant() {
    for (String scene : List.of("full", "map", "tally", "ticker")) {
      page.open(overlay("?scene=" + scene));
      browser.waitUpTo(Duration.ofSeconds(5))
          .until(d -> ((Number) browser.js("return document.querySelectorAll('#notifications .note').length"))
              .intValue() > 0);
      page.screenshot("overlay-" + scene);
    }
    try (Browser small = Browser.open(1280, 720)) {
      OverlayPage smallPage = new OverlayPage(small).open(overlay("?size=720"));
      assertThat(small.js("return document.querySelector('#stage').getBoundingClientRect().width"))
          .asString().startsWith("1280");
      smallPage.screenshot("overlay-720");
    }
    assertThat(Browser.SCREENSHOTS.resolve("overlay-full.png")).exists();
  }

  private String overlay(String query) {
    return "http://127.0.0.1:" + pipeline.engine.apiPort() + "/overlay/" + query;
  }

  private List<Timed> tallyEventsSince(int index) {
    List<Timed> all = new ArrayList<>(events);
    return all.subList(Math.min(index, all.size()), all.size()).stream()
        .filter(t -> "tally.changed".equals(t.event().getString("type"))).toList();
  }

  /** Every party's [won, leading] in a summary. */
  private static Map<String, List<Long>> allFigures(JsonObject summary) {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    summary.getJsonArray("parties").stream().map(JsonObject.class::cast)
        .forEach(p -> out.put(p.getString("party"), List.of(p.getLong("won"), p.getLong("leading"))));
    return out;
  }

  /** Every party's figures as they should be after these tally events (each carries its parties' new won/leading). */
  private static Map<String, List<Long>> merged(Map<String, List<Long>> start, List<Timed> tallies) {
    Map<String, List<Long>> out = new LinkedHashMap<>(start);
    for (Timed t : tallies) {
      JsonObject after = t.event().getJsonObject("after", new JsonObject());
      for (String party : after.fieldNames()) {
        JsonObject figures = after.getJsonObject(party);
        out.put(party, List.of(figures.getLong("won", 0L), figures.getLong("leading", 0L)));
      }
    }
    return out;
  }

  private void moveOnUntilTheSummaryDiffersFrom(Map<String, List<Long>> shown) {
    for (int step = 0; step < 20; step++) {
      pipeline.clock(new JsonObject().put("advanceSeconds", 900));
      awaitQuiet();
      if (!OverlayPage.expected(pipeline.summary(), shown.keySet()).equals(shown)) {
        return;
      }
    }
    throw new AssertionError("the count did not move the board's parties in 20 steps");
  }

  private void awaitBoardMatchesSummary(Duration within) {
    await().atMost(within).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(page.shownFigures())
        .isEqualTo(OverlayPage.expected(pipeline.summary(), page.shownFigures().keySet())));
  }

  /** Waits until the scraper has caught up with the paused replay: no event for a second. */
  private void awaitQuiet() {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> System.nanoTime() - lastEventNanos.get() > 1_000_000_000L);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
