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
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
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
        1, new SeatResult(1, List.of(new CandidateResult(EVIL, "AAA", 61_000),
            new CandidateResult("BOB & ALICE", "BBB", 60_000))),
        2, new SeatResult(2, List.of(new CandidateResult("CAROL", "BBB", 90_000),
            new CandidateResult("DAVE", "AAA", 30_000))));
    return new ElectionData("Test<land>", "S25", parties, seats, Map.of(), 2016, finals);
  }

  @Test
  void markup_in_names_appears_escaped_as_text_on_every_page(Vertx vertx, VertxTestContext ctx) {
    WebClient client = WebClient.create(vertx);
    ReplaySite.start(vertx, smallElection(), ReplayTestSupport.options().withSeed(5)).compose(site -> {
      site.clock().advance(site.model().totalDurationSeconds());
      List<PageRef> pages = List.of(PageRef.constituency(1), PageRef.candidates(1), PageRef.list(1), PageRef.PARTY,
          PageRef.INDEX);
      List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
      pages.forEach(page -> answers.add(get(client, site.url(page))));
      answers.add(get(client, site.url(PageRef.LIVE_JSON)));
      return Future.all(answers).map(all -> {
        ctx.verify(() -> {
          assertThat(site.listPageCount()).isEqualTo(1);
          for (int i = 0; i < pages.size(); i++) {
            String body = answers.get(i).result().bodyAsString();
            assertThat(body).as(pages.get(i).toString()).doesNotContain("<img src=x", "<script>", "<b>", "Test<land>");
            Document doc = html(answers.get(i).result());
            assertThat(doc.select("img[onerror], b").isEmpty() && doc.select("script:not([src])").stream()
                .noneMatch(script -> script.data().contains("alert"))).isTrue();
            assertThat(doc.text()).contains("Test<land>");
          }
          Document table = html(answers.get(0).result());
          assertThat(rows(table).get(0).subList(1, 3)).containsExactly(EVIL, "Alpha <b>Front</b>");
          assertThat(rows(table).get(1).subList(1, 3)).containsExactly("BOB & ALICE", "Beta & \"Sons\"");
          assertThat(table.select("div.page-title h2").text())
              .isEqualTo("Assembly Constituency 1 - TOWN <script>alert(2)</script>(Test<land>)");
          Document cards = html(answers.get(1).result());
          assertThat(cards.select("div.cand-box h5").eachText()).containsExactly(EVIL, "BOB & ALICE");
          Document list = html(answers.get(2).result());
          assertThat(rows(list).get(0).get(2)).isEqualTo(EVIL); // "TOWN <script>..." sorts before VILLAGE
          assertThat(list.select("div.tooltip").first().parent().parent().child(0).text()).isIn("Alpha <b>Front</b>",
              "Beta & \"Sons\"");
          Document party = html(answers.get(3).result());
          assertThat(party.select("div.rslt-table tbody td:eq(0)").eachText())
              .contains("Alpha <b>Front</b> - AAA");
          String json = answers.get(5).result().bodyAsString();
          assertThat(json).doesNotContain("<", ">", "&");
          assertThat(new JsonObject(json).getJsonObject("S25").getJsonArray("chartData").getJsonArray(0).getString(3))
              .isEqualTo(EVIL);
        });
        return site;
      });
    }).compose(ReplaySite::stop).onComplete(ctx.succeedingThenComplete());
  }
}
