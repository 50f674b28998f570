package io.tallycast.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Timeline;
import io.tallycast.election.TimelineRow;
import io.tallycast.support.Pipeline;
import io.tallycast.support.RealDay2026;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sources beside the list pages, on the replayed real 2026 day: ECI's live JSON is a first pass that only helps
 * (missing, garbled or stale, every seat still ends on its real result), and the party-wise summary is checked against
 * what we stored.
 */
@ExtendWith(VertxExtension.class)
@SlowTier
class ScrapeSourcesTest {
  private static final ElectionData WB = ElectionData.westBengal2026();
  /** After the last declaration of the replayed day. */
  private static final double END_OF_DAY = 20 * 3600;

  @TempDir
  Path dataDir;
  Pipeline pipeline;

  @BeforeEach
  void siteBeforeCounting(Vertx vertx) {
    pipeline = Pipeline.realDay2026(MeteredVertx.of(vertx), dataDir, 1, 0, c -> c);
    pipeline.clock(new JsonObject().put("paused", true));
  }

  @AfterEach
  void stop() throws Exception {
    pipeline.close();
  }

  @Test
  void a_garbled_live_json_costs_only_its_hint_and_is_reported() {
    pipeline.fault("garbage", new JsonObject().put("pages", "json"));
    pipeline.clock(new JsonObject().put("advanceSeconds", END_OF_DAY));
    awaitTheRealResult();
    // the cycle that stored the result may have read the JSON before the fault: the next one meets it
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(json(scraper).getString("state")).isEqualTo("unreadable");
      assertThat(scraper.getString("status")).isEqualTo("degraded");
      assertThat(scraper.getString("lastError")).contains("live JSON unusable").contains("election-json-S25-live.json");
    });
  }

  @Test
  void a_site_that_serves_no_live_json_is_read_from_its_list_pages_and_is_not_a_fault() {
    pipeline.fault("not-found", new JsonObject().put("pages", "json"));
    pipeline.clock(new JsonObject().put("advanceSeconds", END_OF_DAY));
    awaitTheRealResult();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(json(scraper).getString("state")).contains("not served");
      assertThat(scraper.getString("status")).isEqualTo("ok");
    });
  }

  @Test
  void a_live_json_stuck_before_counting_does_not_hold_anything_back() {
    pipeline.fault("frozen", new JsonObject().put("pages", "json"));
    pipeline.clock(new JsonObject().put("advanceSeconds", END_OF_DAY));
    awaitTheRealResult();
  }

  @Test
  void a_lead_change_in_the_live_json_is_read_even_while_the_list_pages_lag() {
    Timeline timeline = Timeline.embedded("wb2026");
    // the first recorded lead change: seat s led by one party at moment k and another at k + 1
    int k = -1;
    int seat = -1;
    for (int m = 0; m + 1 < timeline.moments().size() && seat < 0; m++) {
      for (Map.Entry<Integer, TimelineRow> e : timeline.rowsAt(m).entrySet()) {
        TimelineRow next = timeline.rowsAt(m + 1).get(e.getKey());
        if (e.getValue().hasLeader() && next.hasLeader() && !e.getValue().leaderParty().equals(next.leaderParty())) {
          k = m;
          seat = e.getKey();
          break;
        }
      }
    }
    assertThat(seat).as("a lead change in the recording").isPositive();
    String before = timeline.rowsAt(k).get(seat).leaderParty();
    String after = timeline.rowsAt(k + 1).get(seat).leaderParty();
    pipeline.clock(new JsonObject().put("advanceSeconds", secondsOf(timeline, k) + 1));
    int s = seat;
    await().atMost(Duration.ofSeconds(60)).until(() -> before.equals(leadingParty(s)));
    // two whole cycles more: every row of moment k is taken, so no cycle in flight still has a seat page to read
    long settled = cycles() + 2;
    await().atMost(Duration.ofSeconds(60)).until(() -> cycles() > settled);
    pipeline.fault("frozen", new JsonObject().put("pages", "statewise")); // the list pages stop at moment k
    pipeline.clock(new JsonObject().put("advanceSeconds", secondsOf(timeline, k + 1) - secondsOf(timeline, k)));
    await().atMost(Duration.ofSeconds(60)).until(() -> after.equals(leadingParty(s)));
    assertThat(json(pipeline.scraperHealth()).getInteger("leadChangesSeen")).isPositive();
  }

  @Test
  void a_party_wise_summary_that_keeps_disagreeing_with_our_tally_is_a_warning_naming_the_parties() {
    pipeline.clock(new JsonObject().put("advanceSeconds", 5 * 3600)); // 13:00: every seat has a trend
    await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.summary().getJsonObject("seats")
        .getInteger("counting") > 250);
    pipeline.fault("frozen", new JsonObject().put("pages", "party")); // the site's own summary stops there
    pipeline.clock(new JsonObject().put("advanceSeconds", END_OF_DAY));
    awaitTheRealResult();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(scraper.getString("status")).isEqualTo("degraded");
      assertThat(scraper.getString("lastError")).contains("party-wise summary disagrees").contains("BJP");
      JsonObject check = scraper.getJsonObject("details").getJsonObject("sources").getJsonObject("partyCheck");
      assertThat(check.getBoolean("agrees")).isFalse();
      assertThat(check.getJsonArray("differences").stream().map(JsonObject.class::cast)
          .filter(d -> d.getString("party").equals("BJP")).findFirst().orElseThrow().getInteger("ourWon"))
          .isEqualTo(expectedWon().get("BJP"));
    });
  }

  @Test
  void the_party_wise_summary_agrees_with_our_tally_at_the_end_of_the_day() {
    pipeline.clock(new JsonObject().put("advanceSeconds", END_OF_DAY));
    awaitTheRealResult();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pipeline.scraperHealth()
        .getJsonObject("details").getJsonObject("sources").getJsonObject("partyCheck").getBoolean("agrees")).isTrue());
  }

  private static double secondsOf(Timeline timeline, int moment) {
    return timeline.moments().get(moment).fetchedAt().getEpochSecond()
        - WB.countingDay().atTime(8, 0).toEpochSecond(java.time.ZoneOffset.ofHoursMinutes(5, 30));
  }

  private long cycles() {
    return pipeline.scraperHealth().getJsonObject("details").getLong("cycles");
  }

  private String leadingParty(int seat) {
    JsonObject leader = pipeline.json("/api/constituencies/" + seat).getJsonObject("leader");
    return leader == null ? null : leader.getString("party");
  }

  private static JsonObject json(JsonObject scraperHealth) {
    return scraperHealth.getJsonObject("details").getJsonObject("sources").getJsonObject("liveJson");
  }

  /** Seats won per party at the end of the real day, from results-2026.csv itself (Falta: a repoll, no result). */
  private static Map<String, Integer> expectedWon() {
    Map<String, Integer> won = new TreeMap<>();
    RealDay2026.read().winners().values().forEach(w -> won.merge(RealDay2026.code(WB.parties(), w.party()), 1,
        Integer::sum));
    return won;
  }

  private void awaitTheRealResult() {
    Map<String, Integer> expected = expectedWon();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      Map<String, Integer> won = new TreeMap<>();
      pipeline.summary().getJsonArray("parties").stream().map(JsonObject.class::cast)
          .filter(p -> p.getInteger("won") > 0).forEach(p -> won.put(p.getString("party"), p.getInteger("won")));
      assertThat(won).isEqualTo(expected);
    });
    assertThat(pipeline.summary().getJsonObject("seats").getInteger("declared")).isEqualTo(293);
  }
}
