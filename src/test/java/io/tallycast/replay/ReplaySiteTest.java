package io.tallycast.replay;

import static io.tallycast.replay.ReplayTestSupport.footer;
import static io.tallycast.replay.ReplayTestSupport.get;
import static io.tallycast.replay.ReplayTestSupport.html;
import static io.tallycast.replay.ReplayTestSupport.number;
import static io.tallycast.replay.ReplayTestSupport.round;
import static io.tallycast.replay.ReplayTestSupport.rows;
import static io.tallycast.replay.ReplayTestSupport.seatTitle;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ReplaySiteTest {
  private static final ElectionData WB = ReplayTestSupport.westBengal();
  private ReplaySite site;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    ReplaySite.start(vertx, WB, ReplayTestSupport.options()).onComplete(ctx.succeeding(s -> {
      site = s;
      site.clock().pause(); // the tests move time themselves
      ctx.completeNow();
    }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    client.close();
    site.stop().onComplete(ctx.succeedingThenComplete());
  }

  private SyntheticCounting model() {
    return (SyntheticCounting) site.model();
  }

  private Future<Document> page(PageRef ref) {
    return get(client, site.url(ref)).map(r -> {
      assertThat(r.statusCode()).as(ref.toString()).isEqualTo(200);
      assertThat(r.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
      return html(r);
    });
  }

  private Future<Map<Integer, Document>> seatPages(IntFunction<PageRef> kind) {
    List<Future<Document>> all = new ArrayList<>();
    site.model().seatNumbers().forEach(seat -> all.add(page(kind.apply(seat))));
    return Future.all(all).map(done -> {
      Map<Integer, Document> out = new HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        out.put(site.model().seatNumbers().get(i), all.get(i).result());
      }
      return out;
    });
  }

  @Test
  void the_site_answers_under_ecis_2026_folder_and_the_default_folder_stays_for_existing_configurations() {
    assertThat(site.baseUrl()).endsWith("/ResultAcGenMay2026/");
    assertThat(site.url(PageRef.candidates(12))).endsWith("/ResultAcGenMay2026/candidateswise-S2512.htm");
    assertThat(ReplayOptions.defaults().prefix()).isEqualTo(ReplayOptions.DEFAULT_PREFIX);
  }

  @Test
  void at_the_end_every_table_page_shows_exactly_the_real_final_votes_and_result_declared(VertxTestContext ctx) {
    site.clock().advance(site.model().totalDurationSeconds() + 1);
    seatPages(PageRef::constituency).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).hasSize(294);
      pages.forEach((seat, doc) -> {
        SeatResult real = WB.finals().get(seat);
        assertThat(round(doc)).as("seat %d", seat).isEqualTo(model().rounds(seat) + "/" + model().rounds(seat));
        assertThat(seatTitle(doc)).isEqualTo(seat + " - " + WB.seats().get(seat).name());
        List<List<String>> rows = rows(doc);
        assertThat(rows).hasSameSizeAs(real.candidates());
        long evm = 0;
        long postal = 0;
        for (int i = 0; i < rows.size(); i++) {
          List<String> row = rows.get(i);
          CandidateResult c = real.candidates().get(i); // the data's order, which is the table's
          assertThat(row.get(0)).isEqualTo(String.valueOf(i + 1));
          assertThat(row.subList(1, 3)).as("seat %d row %d", seat, i)
              .containsExactly(c.candidate(), WB.parties().byCode(c.party()).orElseThrow().name());
          assertThat(number(row.get(5))).isEqualTo(c.votes());
          assertThat(number(row.get(3)) + number(row.get(4))).isEqualTo(c.votes());
          evm += number(row.get(3));
          postal += number(row.get(4));
        }
        assertThat(footer(doc)).containsExactly("Total", "", String.valueOf(evm), String.valueOf(postal),
            String.valueOf(real.totalVotes()));
        assertThat(doc.select("footer .foot-content").text())
            .matches("Last Updated at \\d\\d:\\d\\d [AP]M On 02/05/2021");
      });
      ctx.completeNow();
    })));
  }

  @Test
  void at_the_end_every_cards_page_shows_the_winner_won_and_the_others_lost_with_signed_margins(VertxTestContext ctx) {
    site.clock().advance(site.model().totalDurationSeconds() + 1);
    seatPages(PageRef::candidates).onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      pages.forEach((seat, doc) -> {
        SeatResult real = WB.finals().get(seat);
        assertThat(seatTitle(doc)).isEqualTo(seat + " - " + WB.seats().get(seat).name());
        List<Element> cards = doc.select("div.cand-box");
        // most votes first; equal votes by name
        List<CandidateResult> expected = real.candidates().stream().sorted(Comparator
            .comparingLong(CandidateResult::votes).reversed().thenComparing(CandidateResult::candidate)).toList();
        assertThat(cards).hasSameSizeAs(expected);
        for (int i = 0; i < cards.size(); i++) {
          Element card = cards.get(i);
          CandidateResult c = expected.get(i);
          assertThat(card.select("div.status").first().classNames()).contains(i == 0 ? "won" : "lost");
          assertThat(card.select(".nme-prty h5").text()).isEqualTo(c.candidate());
          long lead = i == 0 ? real.margin() : real.winner().votes() - c.votes();
          assertThat(card.select("div.status > div").get(1).text())
              .isEqualTo(c.votes() + (i == 0 ? " (+ " : " ( -") + lead + ")");
        }
      });
      ctx.completeNow();
    })));
  }

  @Test
  void at_the_end_the_party_summary_shows_the_real_2021_tally(VertxTestContext ctx) {
    site.clock().advance(site.model().totalDurationSeconds());
    page(PageRef.PARTY).onComplete(ctx.succeeding(doc -> ctx.verify(() -> {
      Map<String, List<String>> byParty = new HashMap<>();
      doc.select("div.rslt-table > table.table > tbody > tr").forEach(tr -> byParty.put(tr.child(0).text(),
          tr.children().stream().skip(1).map(Element::text).toList()));
      assertThat(byParty).containsOnlyKeys("All India Trinamool Congress - AITC", "Bharatiya Janata Party - BJP",
          "Independent - IND", "Rashtriya Secular Majlis Party - RSSCMJP");
      assertThat(byParty.get("All India Trinamool Congress - AITC")).containsExactly("215", "0", "215");
      assertThat(byParty.get("Bharatiya Janata Party - BJP")).containsExactly("77", "0", "77");
      assertThat(byParty.get("Independent - IND")).containsExactly("1", "0", "1");
      assertThat(doc.select("div.rslt-table > table.table > tfoot > tr").text()).isEqualTo("Total 294 0 294");
      assertThat(doc.select("footer .foot-content").text()).startsWith("Last Updated at ");
      ctx.completeNow();
    })));
  }

  @Test
  void list_pages_and_the_live_json_agree_with_the_seat_pages_at_the_same_instant(VertxTestContext ctx) {
    site.clock().advance(4.5 * 3600); // mid-morning: most seats counting, a few declared
    List<Future<Document>> lists = new ArrayList<>();
    for (int p = 1; p <= 15; p++) {
      lists.add(page(PageRef.list(p)));
    }
    Future<HttpResponse<Buffer>> json = get(client, site.url(PageRef.LIVE_JSON));
    Future.all(lists).compose(done -> json).compose(done -> seatPages(PageRef::candidates))
        .onComplete(ctx.succeeding(seats -> ctx.verify(() -> {
          assertThat(site.listPageCount()).isEqualTo(15);
          Map<Integer, String> leaders = new HashMap<>();
          JsonArray chart = json.result().bodyAsJsonObject().getJsonObject("S25").getJsonArray("chartData");
          chart.forEach(row -> leaders.put(((JsonArray) row).getInteger(2), ((JsonArray) row).getString(3)));
          int listed = 0;
          for (int p = 1; p <= 15; p++) {
            Document list = lists.get(p - 1).result();
            List<List<String>> rows = rows(list);
            assertThat(rows).hasSize(p == 15 ? 14 : 20);
            assertThat(list.select("ul.pagination li.active").text()).isEqualTo(String.valueOf(p));
            List<Element> trs = list.select("div.table-responsive > table > tbody > tr");
            for (int r = 0; r < rows.size(); r++) {
              List<String> row = rows.get(r);
              int seat = Integer.parseInt(row.get(1));
              Document cards = seats.get(seat);
              List<Element> boxes = cards.select("div.cand-box");
              assertThat(row.get(0)).isEqualTo(WB.seats().get(seat).name());
              assertThat(row.get(7)).as("seat %d", seat).isEqualTo(round(cards));
              assertThat(row.get(2)).isEqualTo(boxes.get(0).select("h5").text()).isEqualTo(leaders.get(seat));
              // a party cell nests a table whose first cell is the name (the tooltip's text follows it)
              assertThat(trs.get(r).child(3).selectFirst("table td").text())
                  .isEqualTo(boxes.get(0).select("h6").text());
              assertThat(trs.get(r).child(5).selectFirst("table td").text())
                  .isEqualTo(boxes.get(1).select("h6").text());
              assertThat(row.get(4)).isEqualTo(boxes.get(1).select("h5").text());
              assertThat(row.get(6)).isEqualTo(boxes.get(0).select("div.status span").text().replaceAll("[^0-9]", ""));
              assertThat(boxes.get(0).select("div.status").first().classNames())
                  .contains(row.get(8).equals(SeatView.DECLARED) ? "won" : "leading");
              listed++;
            }
          }
          assertThat(listed).isEqualTo(294);
          ctx.completeNow();
        })));
  }

  @Test
  void the_live_json_is_served_as_json_with_validators_and_answers_304_while_nothing_changes(VertxTestContext ctx) {
    String url = site.url(PageRef.LIVE_JSON);
    site.clock().advance(3 * 3600);
    get(client, url).compose(first -> {
      ctx.verify(() -> {
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(first.getHeader("Last-Modified")).endsWith("GMT");
        assertThat(new JsonObject(first.bodyAsString()).fieldNames()).containsExactly("S25");
      });
      return client.getAbs(url).putHeader("If-None-Match", first.getHeader("ETag")).send();
    }).onComplete(ctx.succeeding(second -> ctx.verify(() -> {
      assertThat(second.statusCode()).isEqualTo(304);
      ctx.completeNow();
    })));
  }

  @Test
  void a_conditional_get_of_an_unchanged_page_is_answered_304_and_a_new_round_changes_the_etag(VertxTestContext ctx) {
    String url = site.url(PageRef.constituency(100));
    site.clock().advance(3 * 3600);
    get(client, url).compose(first -> {
      String etag = first.getHeader("ETag");
      ctx.verify(() -> {
        assertThat(etag).isNotBlank();
        assertThat(first.getHeader("Last-Modified")).endsWith("GMT");
      });
      return client.getAbs(url).putHeader("If-None-Match", etag).send().compose(second -> {
        ctx.verify(() -> {
          assertThat(second.statusCode()).isEqualTo(304);
          assertThat(second.body() == null ? 0 : second.body().length()).isZero();
          assertThat(second.getHeader("ETag")).isEqualTo(etag);
        });
        site.clock().advance(3600); // a few more rounds in
        return client.getAbs(url).putHeader("If-None-Match", etag).send();
      }).map(third -> {
        ctx.verify(() -> {
          assertThat(third.statusCode()).isEqualTo(200);
          assertThat(third.getHeader("ETag")).isNotEqualTo(etag);
        });
        return third;
      });
    }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void unknown_pages_are_404_and_the_index_links_the_party_summary_the_first_list_page_and_the_live_json(
      VertxTestContext ctx) {
    List<String> missing = List.of("ConstituencywiseS25295.htm", "candidateswise-S250.htm", "statewiseS2516.htm",
        "candidateswise-S2401.htm", "candidateswise-S25001.htm", "election-json-S24-live.json",
        "candidateswiseS2512.htm", "nothing.htm");
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    missing.forEach(file -> answers.add(get(client, site.baseUrl() + file)));
    answers.add(get(client, "http://127.0.0.1:" + site.port() + "/AcResultGen2021/index.htm"));
    Future.all(answers).compose(done -> page(PageRef.INDEX)).onComplete(ctx.succeeding(index -> ctx.verify(() -> {
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).result().statusCode()).as(i < missing.size() ? missing.get(i) : "old folder")
            .isEqualTo(404);
      }
      assertThat(index.select("main a[href]").eachAttr("href"))
          .containsExactly("partywiseresult-S25.htm", "statewiseS251.htm", "election-json-S25-live.json");
      ctx.completeNow();
    })));
  }

  @Test
  void the_clock_can_be_read_and_moved_over_http(VertxTestContext ctx) {
    String url = "http://127.0.0.1:" + site.port() + "/_replay/clock";
    client.postAbs(url).sendJsonObject(new JsonObject().put("advanceSeconds", 7200)).compose(r -> {
      ctx.verify(() -> assertThat(r.statusCode()).isEqualTo(200));
      return client.postAbs(url).sendJsonObject(new JsonObject().put("speed", 120).put("paused", false));
    }).compose(r -> client.postAbs(url).sendJsonObject(new JsonObject().put("paused", true)))
        .compose(r -> client.postAbs(url).sendJsonObject(new JsonObject().put("advanceSeconds", -5)).map(bad -> {
          ctx.verify(() -> assertThat(bad.statusCode()).isEqualTo(400));
          return r;
        }))
        .compose(r -> client.getAbs(url).send())
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          JsonObject clock = r.bodyAsJsonObject();
          assertThat(clock.getDouble("elapsedSeconds")).isGreaterThanOrEqualTo(7200);
          assertThat(clock.getDouble("speed")).isEqualTo(120);
          assertThat(clock.getBoolean("paused")).isTrue();
          assertThat(clock.getBoolean("finished")).isFalse();
          assertThat(clock.getString("simulatedTime")).startsWith("2021-05-02T10:0").endsWith("+05:30");
          ctx.completeNow();
        })));
  }
}
