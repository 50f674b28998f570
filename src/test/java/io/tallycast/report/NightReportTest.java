package io.tallycast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tallycast.bus.PlatformTotals;
import io.tallycast.bus.ViewerReading;
import io.tallycast.store.NightRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a data dir the real store made from the bus: real West Bengal results, two platforms' readings and
 * the stream's health. Its figures are worked out here from what was published.
 */
class NightReportTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  @TempDir
  Path dir;
  @TempDir
  Path out;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** youtube every 200 ms: 1000 then 5000 from the 6th reading, then ended; facebook every 300 ms: 400, then failed. */
  private static List<ViewerReading> readings(Instant t) {
    List<ViewerReading> out = new ArrayList<>();
    for (int k = 0; k <= 10; k++) {
      out.add(ViewerReading.live("youtube", t.plusMillis(200L * k), k < 5 ? 1000 : 5000));
    }
    out.add(ViewerReading.without("youtube", t.plusMillis(2200), ViewerReading.Kind.ENDED, "over"));
    for (int k = 0; k <= 6; k++) {
      out.add(ViewerReading.live("facebook", t.plusMillis(100 + 300L * k), 400));
    }
    out.add(ViewerReading.without("facebook", t.plusMillis(2200), ViewerReading.Kind.FAILED, "quota"));
    return out;
  }

  /** Viewer-minutes of one platform's evenly spaced readings: each LIVE figure held until the next reading. */
  private static double minutes(List<ViewerReading> all, String platform) {
    List<ViewerReading> mine = all.stream().filter(r -> r.platform().equals(platform)).toList();
    double viewerMs = 0;
    for (int i = 0; i + 1 < mine.size(); i++) {
      if (mine.get(i).viewers() != null) {
        viewerMs += mine.get(i).viewers() * (double) (mine.get(i + 1).at().toEpochMilli()
            - mine.get(i).at().toEpochMilli());
      }
    }
    return viewerMs / 60_000;
  }

  @Test
  void the_report_shows_the_figures_of_what_was_published_three_charts_and_names_as_text() throws Exception {
    NightFixture night = new NightFixture(vertx, dir);
    night.startBroadcast();
    night.aGainWithAFlip(Instant.parse("2021-05-02T06:00:00Z"));
    night.finals(Instant.parse("2021-05-02T07:00:00Z"), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    Instant t = Instant.now().plusMillis(100);
    List<ViewerReading> readings = readings(t);
    night.viewers(readings);
    PlatformTotals youtubeOwn = new PlatformTotals("youtube", "vid-<i>1</i>", Instant.ofEpochMilli(
        System.currentTimeMillis()), 3_100.5, 5_020L, 118L);
    night.platformTotals(youtubeOwn);
    night.stopBroadcast(t.plusMillis(2300), 2, 1);

    NightReport.Made made = NightReport.make(new NightReport.Request(dir, out.resolve("night.html"), null, IST));

    Summary s = made.summary();
    double youtube = minutes(readings, "youtube");
    double facebook = minutes(readings, "facebook");
    assertThat(youtube).isCloseTo((5 * 1000 + 6 * 5000) * 0.2 / 60, within(1e-9));
    assertThat(s.platforms()).extracting(Summary.Platform::platform).containsExactly("facebook", "youtube");
    assertThat(s.platforms().get(1).minutesWatched()).isCloseTo(youtube, within(1e-6));
    assertThat(s.platforms().get(0).minutesWatched()).isCloseTo(facebook, within(1e-6));
    assertThat(s.platforms().get(1).peak()).isEqualTo(5000);
    assertThat(s.total().peak()).isEqualTo(5400);
    assertThat(s.total().minutesWatched()).isCloseTo(youtube + facebook, within(1e-6));
    // someone held a figure from the first youtube reading to the last ones, 2.2 s later
    assertThat(s.total().average()).isCloseTo((youtube + facebook) / (2.2 / 60), within(1e-3));
    assertThat(s.stream().all().dropped()).isEqualTo(2);
    assertThat(s.stream().all().reconnects()).isEqualTo(1);
    assertThat(s.states()).singleElement().satisfies(st -> {
      assertThat(st.declared()).isEqualTo(11);
      assertThat(st.seats()).isEqualTo(294);
    });
    assertThat(s.jumps().get(0).toViewers() - s.jumps().get(0).fromViewers()).isEqualTo(4400);
    assertThat(s.jumps().get(0).events()).startsWith(
        "BJP takes the lead from AITC in ALIPURDUARS (" + NightFixture.MARKUP_NAME + ")",
        "BJP gain from AITC in ALIPURDUARS (" + NightFixture.MARKUP_NAME + ")");

    String html = Files.readString(made.html(), StandardCharsets.UTF_8);
    assertThat(made.pdf()).isNull();
    assertThat(html).contains("West Bengal 2021", "Asia/Kolkata", "<td class=\"n\">5,400</td>",
        "<td class=\"n\">5,000</td>", "<td class=\"n\">" + Summary.count(youtube) + "</td>",
        "<td class=\"n\">" + Summary.count(facebook) + "</td>",
        "<td class=\"n\">" + Summary.count(s.total().average()) + "</td>", "West Bengal (S25)", "majority mark 148");
    assertThat(html.split("<svg", -1).length - 1).as("the viewers, seats and stream charts").isEqualTo(3);
    List<String> ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(html).results()
        .map(m -> m.group(1)).toList();
    assertThat(ids).as("the charts' clip paths, each its own").isNotEmpty().doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(html).contains("url(#" + id + ")"));
    assertThat(html).contains("ALIPURDUARS (&lt;b&gt;Bold&lt;/b&gt; Barman)").doesNotContain("<b>Bold</b>");
    // the platform's own figures beside ours, not instead of them
    assertThat(s.platformTotals()).containsExactly(youtubeOwn);
    assertThat(html).contains("YouTube's own figures", "vid-&lt;i&gt;1&lt;/i&gt;", "<td class=\"n\">5,020</td>",
        "<td class=\"n\">3,101</td>");
    Path summaryFile = dir.resolve("reports").resolve(s.key() + ".json");
    assertThat(Summary.fromJson(new JsonObject(Files.readString(summaryFile)))).isEqualTo(s);
    assertThat(s.headlineText()).contains("youtube: peak 5,000", "Stream: 2 frames dropped, 1 reconnects");
  }

  @Test
  void a_later_broadcast_is_compared_with_the_earlier_one_and_remaking_a_report_overwrites_its_own_entry()
      throws Exception {
    NightFixture night = new NightFixture(vertx, dir);
    NightRecord.Broadcast first = night.startBroadcast();
    Instant t = Instant.now().plusMillis(50);
    night.viewers(List.of(ViewerReading.live("youtube", t, 700),
        ViewerReading.without("youtube", t.plusMillis(500), ViewerReading.Kind.ENDED, "over")));
    night.stopBroadcast(t.plusMillis(600), 0, 0);
    Summary earlier = NightReport.make(new NightReport.Request(dir, out.resolve("first.html"), null, IST)).summary();
    NightRecord.Broadcast second = night.startBroadcast();
    night.stopBroadcast(Instant.now(), 5, 0);

    NightReport.Made made = NightReport.make(new NightReport.Request(dir, out.resolve("second.html"), null, IST));
    NightReport.make(new NightReport.Request(dir, out.resolve("first-again.html"), first.id(), IST));

    assertThat(made.summary().broadcastId()).isEqualTo(second.id());
    assertThat(made.summary().audienceCollected()).isFalse();
    String html = Files.readString(made.html());
    assertThat(html).contains("(this report)", "<td class=\"n\">700</td>", "No audience was collected");
    try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(earlier.key() + ".json",
          made.summary().key() + ".json");
    }
  }

  @Test
  void without_any_broadcast_or_reading_the_report_still_gives_the_result_of_the_stored_events() throws Exception {
    NightFixture night = new NightFixture(vertx, dir);
    night.finals(Instant.parse("2021-05-02T07:00:00Z"), 1, 2, 3);

    NightReport.Made made = NightReport.make(new NightReport.Request(dir, out.resolve("results.html"), null, IST));

    assertThat(made.summary().broadcastId()).isNull();
    assertThat(made.summary().key()).startsWith("events-");
    String html = Files.readString(made.html());
    assertThat(html).contains("No audience was collected", "No stream health was kept", "West Bengal (S25)",
        "3 of 294 seats declared");
    assertThat(made.summary().headlineText()).contains("No audience was collected", "3 of 294 seats declared");
  }

  @Test
  void a_data_dir_with_nothing_stored_yet_gives_the_seats_awaiting_under_one_key() throws Exception {
    new NightFixture(vertx, dir);

    NightReport.Made made = NightReport.make(new NightReport.Request(dir, out.resolve("empty.html"), null, IST));
    NightReport.Made again = NightReport.make(new NightReport.Request(dir, out.resolve("empty.html"), null, IST));

    assertThat(made.summary().key()).isEqualTo("events-none").isEqualTo(again.summary().key());
    assertThat(made.summary().timeOnAirSeconds()).isZero();
    assertThat(Files.readString(made.html())).contains("0 of 294 seats declared", "No audience was collected");
  }

  @Test
  void platforms_that_never_gave_a_figure_are_in_the_table_with_no_viewer_chart_and_no_failure() throws Exception {
    NightFixture night = new NightFixture(vertx, dir);
    Instant t = Instant.parse("2021-05-02T07:00:00Z");
    night.viewers(List.of(ViewerReading.without("youtube", t, ViewerReading.Kind.HIDDEN, "the viewer count is hidden"),
        ViewerReading.without("twitch", t.plusSeconds(30), ViewerReading.Kind.FAILED, "credentials refused (401)")));
    night.finals(t.plusSeconds(60), 1);

    NightReport.Made made = NightReport.make(new NightReport.Request(dir, out.resolve("hidden.html"), null, IST));

    assertThat(made.summary().platforms()).extracting(Summary.Platform::platform).containsExactly("twitch",
        "youtube");
    assertThat(made.summary().total().peak()).isZero();
    assertThat(Files.readString(made.html())).contains("No platform gave a figure in this window");
  }
}
