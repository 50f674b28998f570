package io.tallycast.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.election.CandidateResult;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scraped text is text: a candidate whose name is markup wins a seat on the replayed site, and the console shows the
 * name as those characters in the seat table, the event log and the override dialog, with no element made of it and no
 * script run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTier
class ConsoleMarkupTest {
  static final String MARKUP = "<img src=x onerror=alert(1)>";
  static final int SEAT = 7;

  @TempDir
  static Path dataDir;
  Pipeline pipeline;
  String token;

  @BeforeAll
  void countedWithAMarkupCandidate() throws Exception {
    pipeline = Pipeline.start(MeteredVertx.create(), dataDir, 1, c -> c, withWinnerRenamed(Pipeline.WEST_BENGAL, SEAT));
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 12 * 3600));
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonObject leader = pipeline.json("/api/constituencies/" + SEAT).getJsonObject("leader");
      return leader != null && MARKUP.equals(leader.getString("candidate"));
    });
    token = Files.readString(dataDir.resolve("operator.token")).strip();
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  /** West Bengal 2021 with the winner of one seat called MARKUP in the final results the replay counts towards. */
  static ElectionData withWinnerRenamed(ElectionData data, int seat) {
    Map<Integer, SeatResult> finals = new HashMap<>(data.finals());
    List<CandidateResult> candidates = new ArrayList<>(finals.get(seat).candidates());
    CandidateResult winner = candidates.get(0);
    candidates.set(0, new CandidateResult(MARKUP, winner.party(), winner.votes()));
    finals.put(seat, new SeatResult(seat, candidates));
    return new ElectionData(data.state(), data.stateCode(), data.parties(), data.seats(), data.past(), data.pastYear(),
        Map.copyOf(finals));
  }

  @Test
  void a_candidate_named_as_markup_shows_as_text_in_the_seat_table_the_event_log_and_the_seat_dialog() {
    try (ConsolePage page = ConsolePage.open(pipeline.engine.apiPort())) {
      page.browser.js("window.__alerts = 0; window.alert = () => { window.__alerts++; };");
      page.unlock(token);
      page.search("<img");
      page.until(d -> page.visibleSeats().equals(List.of((long) SEAT)));
      String row = "#seats tr[data-seat='" + SEAT + "']";
      assertThat(page.text(row + " td.leader")).isEqualTo(MARKUP);
      page.find("#events-all").click(); // every change, so the seat.changed lines with the name show too
      page.until(d -> page.present("#events .event[data-type='seat.declared'][data-seat='" + SEAT + "']"));
      assertThat(page.text("#events .event[data-type='seat.declared'][data-seat='" + SEAT + "'] .text"))
          .contains(MARKUP);

      page.openSeat(SEAT);
      assertThat(page.text("#override-candidates tr[data-candidate='0'] td.candidate")).isEqualTo(MARKUP);
      page.screenshot("console-markup-candidate");

      assertThat(page.browser.js("return document.querySelectorAll('img:not(#stream-preview)').length"))
          .as("no img but the stream still").isEqualTo(0L);
      assertThat(page.browser.js("return window.__alerts")).isEqualTo(0L);
      assertThat(page.all("#override-candidates img, #seats img, #events img")).isEmpty();
    }
  }
}
