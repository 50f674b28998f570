package io.tallycast.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.PlatformTotals;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A summary written to reports/KEY.json reads back as it was; its headline lines say the figures in plain text. */
class SummaryJsonTest {
  static Summary summary() {
    Instant start = Instant.parse("2026-05-04T02:30:00Z");
    return new Summary("broadcast-3-20260504T023000Z", 3L, "main", "West Bengal 2026", start,
        start.plusSeconds(9 * 3600 + 300), "Asia/Kolkata", start.plusSeconds(10 * 3600), 9 * 3600 + 300,
        List.of(new Summary.Platform("youtube", 18_250, 9_120.4, 4_925_016.7, 540, 1080)),
        new Summary.Total(18_250, 9_120.4, 4_925_016.7, 540),
        new Summary.Stream(List.of(new Summary.Channel("main", 6000, 12, 40, 1, 0, 2)),
            new Summary.Channel("all", 6000, 12, 40, 1, 0, 2)),
        List.of(new Summary.Jump(start.plusSeconds(600), start.plusSeconds(700), 9000, 14000,
            List.of("BJP gain from AITC in RAJGANJ (<b>X</b>)"), 2)),
        List.of(new PlatformTotals("youtube", "v1", start.plusSeconds(40_000), 9_000.5, 18_300L, 4_900_000L)),
        List.of(new Summary.StateLine("S25", "West Bengal", 294, 294, 148, "AITC", 213, 0)));
  }

  @Test
  void a_summary_reads_back_from_its_json_unchanged() {
    Summary s = summary();

    Summary back = Summary.fromJson(new io.vertx.core.json.JsonObject(s.toJson().encode()));

    assertThat(back).isEqualTo(s);
    assertThat(s.toJson().getJsonObject("total").getLong("peak")).isEqualTo(18_250);
  }

  @Test
  void the_headline_lines_give_audience_time_on_air_stream_trouble_and_the_leading_party() {
    String text = summary().headlineText();

    assertThat(text).contains("West Bengal 2026, channel main: 4 May 2026 08:00 to 17:05 (Asia/Kolkata)")
        .contains("Time on air: 9 h 05 min")
        .contains("youtube: peak 18,250, average 9,120, 4,925,017 minutes watched")
        .contains("Stream: 12 frames dropped, 1 reconnects")
        .contains("West Bengal: 294 of 294 seats declared; AITC ahead with 213 (213 won, 0 leading), majority 148");
  }
}
