package io.tallycast.replay;

import static io.tallycast.replay.ReplayTestSupport.get;
import static io.tallycast.replay.ReplayTestSupport.html;
import static io.tallycast.replay.ReplayTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.Constituency;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ReplayEscapingTest {
  static final String EVIL = "<img src=x onerror=alert(1)>";

  static ElectionData smallElection() {
    PartyRegistry parties = new PartyRegistry(List.of(
        new Party("AAA", "Alpha <b>Front</b>", "#112233", List.of()),
        new Party("BBB", "Beta & \"Sons\"", "#445566", List.of())));
    TreeMap<Integer, Constituency> seats = new TreeMap<>(Map.of(
        1, new Constituency(1, "TOWN <script>alert(2)</script>", "DISTRICT", "GEN"),
        2, new Constituency(2, "VILLAGE", "DISTRICT", "SC")));
    Map<Integer, SeatResult> finals = Map.of(
        1, new SeatResult(1, List.of(new CandidateResult(EVIL, "AAA", 61_000), new CandidateResult("BOB & ALICE", "BBB", 60_000))),
        2, new SeatResult(2, List.of(new CandidateResult("CAROL", "BBB", 90_000), new CandidateResult("DAVE", "AAA", 30_000))));
    return new ElectionData("Test<land>", 25, parties, seats, Map.of(), 2016, finals);
  }

  @Test
  void markup_in_names_appears_escaped_as_text_on_every_page(Vertx vertx, VertxTestContext ctx) {
    WebClient client = WebClient.create(vertx);
    ReplaySite.start(vertx, smallElection(), ReplayOptions.defaults().withSeed(5)).compose(site -> {
      site.clock().advance(site.model().totalDurationSeconds());
      String base = site.baseUrl();
      return Future.all(get(client, base + "ConstituencywiseS251.htm"), get(client, base + "statewiseS251.htm"),
          get(client, base + "partywiseresult-S25.htm")).map(all -> {
            ctx.verify(() -> {
              assertThat(site.listPageCount()).isEqualTo(1);
              for (int i = 0; i < 3; i++) {
                String body = all.<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>>resultAt(i)
                    .bodyAsString();
                assertThat(body).doesNotContain("<img src=x", "<script", "<b>", "Test<land>");
                Document doc = html(all.resultAt(i));
                assertThat(doc.select("img[onerror], script, b")).isEmpty();
                assertThat(doc.text()).contains("Alpha <b>Front</b>");
              }
              Document seat = html(all.resultAt(0));
              assertThat(rows(seat).get(0).subList(1, 3)).containsExactly(EVIL, "Alpha <b>Front</b>");
              assertThat(rows(seat).get(1).subList(1, 3)).containsExactly("BOB & ALICE", "Beta & \"Sons\"");
              assertThat(seat.select("div.page-title h2").text())
                  .isEqualTo("Assembly Constituency 1 - TOWN <script>alert(2)</script> (Test<land>)");
              Document list = html(all.resultAt(1));
              assertThat(rows(list).get(0).get(2)).isEqualTo(EVIL);
            });
            return site;
          });
    }).compose(ReplaySite::stop).onComplete(ctx.succeedingThenComplete());
  }
}
