package io.tallycast.replay;

import static io.tallycast.replay.ReplayTestSupport.footer;
import static io.tallycast.replay.ReplayTestSupport.get;
import static io.tallycast.replay.ReplayTestSupport.html;
import static io.tallycast.replay.ReplayTestSupport.number;
import static io.tallycast.replay.ReplayTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.ElectionData;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
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
    ReplaySite.start(vertx, WB, ReplayOptions.defaults()).onComplete(ctx.succeeding(s -> {
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

  private Future<Document> page(String file) {
    return get(client, site.baseUrl() + file).map(r -> {
      assertThat(r.statusCode()).as(file).isEqualTo(200);
      assertThat(r.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
      return html(r);
    });
  }

  private Future<Map<Integer, Document>> seatPages() {
    List<Future<Document>> all = new ArrayList<>();
    site.model().seatNumbers().forEach(seat -> all.add(page("ConstituencywiseS25" + seat + ".htm")));
    return Future.all(all).map(done -> {
      Map<Integer, Document> out = new HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        out.put(site.model().seatNumbers().get(i), all.get(i).result());
      }
      return out;
    });
  }

  @Test
  void at_the_end_every_seat_page_shows_exactly_the_real_final_votes_and_result_declared(VertxTestContext ctx) {
    site.clock().advance(site.model().totalDurationSeconds() + 1);
    seatPages().onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
      assertThat(pages).hasSize(294);
      pages.forEach((seat, doc) -> {
        SeatResult real = WB.finals().get(seat);
        assertThat(doc.select("div.roundBtn").text()).as("seat %d", seat)
            .isEqualTo("Result Declared Round " + ((SyntheticCounting) site.model()).rounds(seat) + "/" + ((SyntheticCounting) site.model()).rounds(seat));
        assertThat(doc.select("div.page-title h2 span").first().ownText())
            .isEqualTo(seat + " - " + WB.seats().get(seat).name());
        List<List<String>> rows = rows(doc);
        assertThat(rows).hasSameSizeAs(real.candidates());
        long evm = 0;
        long postal = 0;
        List<String> shown = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          List<String> row = rows.get(i);
          CandidateResult c = real.candidates().get(i);
          assertThat(row.get(0)).isEqualTo(String.valueOf(i + 1));
          assertThat(number(row.get(5))).as("seat %d row %d", seat, i).isEqualTo(c.votes()); // same order by votes
          assertThat(number(row.get(3)) + number(row.get(4))).isEqualTo(c.votes());
          shown.add(row.get(1) + " | " + row.get(2) + " | " + row.get(5));
          expected.add(c.candidate().replaceAll("\\s+", " ") + " | " + WB.parties().byCode(c.party()).orElseThrow().name() + " | " + c.votes());
          evm += number(row.get(3));
          postal += number(row.get(4));
        }
        assertThat(shown).as("seat %d", seat).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(footer(doc).subList(3, 6)).containsExactly(String.valueOf(evm), String.valueOf(postal),
            String.valueOf(real.totalVotes()));
        assertThat(doc.select(".sm-text").text()).matches("Last Updated at \\d\\d:\\d\\d (am|pm) On 02/05/2021");
      });
      ctx.completeNow();
    })));
  }

  @Test
  void at_the_end_the_party_summary_shows_the_real_2021_tally(VertxTestContext ctx) {
    site.clock().advance(site.model().totalDurationSeconds());
    page("partywiseresult-S25.htm").onComplete(ctx.succeeding(doc -> ctx.verify(() -> {
      Map<String, List<String>> byParty = new HashMap<>();
      doc.select("table.table > tbody > tr").forEach(tr -> byParty.put(tr.child(0).text(),
          tr.children().stream().skip(1).map(e -> e.text()).toList()));
      assertThat(byParty).containsOnlyKeys("All India Trinamool Congress", "Bharatiya Janata Party", "Independent",
          "Rashtriya Secular Majlis Party");
      assertThat(byParty.get("All India Trinamool Congress")).containsExactly("215", "0", "215");
      assertThat(byParty.get("Bharatiya Janata Party")).containsExactly("77", "0", "77");
      assertThat(byParty.get("Independent")).containsExactly("1", "0", "1");
      assertThat(byParty.get("Rashtriya Secular Majlis Party")).containsExactly("1", "0", "1");
      assertThat(doc.select("table.table > tfoot > tr").text()).isEqualTo("Total 294 0 294");
      assertThat(doc.select("table.table > thead th").eachText()).containsExactly("Party", "Won", "Leading", "Total");
      assertThat(doc.select(".sm-text").text()).startsWith("Last Updated at ");
      ctx.completeNow();
    })));
  }

  @Test
  void list_pages_hold_twenty_seats_each_in_ac_order_and_agree_with_the_seat_pages_at_the_same_instant(
      VertxTestContext ctx) {
    site.clock().advance(4.5 * 3600); // mid-morning: some seats awaiting, most counting, a few declared
    List<Future<Document>> lists = new ArrayList<>();
    for (int p = 1; p <= 15; p++) {
      lists.add(page("statewiseS25" + p + ".htm"));
    }
    Future.all(lists).compose(done -> seatPages()).onComplete(ctx.succeeding(seats -> ctx.verify(() -> {
      assertThat(site.listPageCount()).isEqualTo(15);
      int expectedSeat = 1;
      for (int p = 1; p <= 15; p++) {
        Document list = lists.get(p - 1).result();
        List<List<String>> rows = rows(list);
        assertThat(rows).hasSize(p == 15 ? 14 : 20);
        assertThat(list.select("ul.pagination a.page-link").eachAttr("href")).hasSize(15)
            .contains("statewiseS251.htm", "statewiseS2515.htm");
        assertThat(list.select("ul.pagination li.active").text()).isEqualTo(String.valueOf(p));
        for (List<String> row : rows) {
          int seat = Integer.parseInt(row.get(1));
          assertThat(seat).isEqualTo(expectedSeat++);
          Document seatPage = seats.get(seat);
          List<List<String>> candidates = rows(seatPage);
          String status = seatPage.select("div.roundBtn span").get(0).text();
          String round = seatPage.select("div.roundBtn span").get(1).text();
          assertThat(row.get(0)).isEqualTo(WB.seats().get(seat).name());
          assertThat(row.get(8)).as("seat %d", seat).isEqualTo(status);
          assertThat("Round " + row.get(7)).isEqualTo(round);
          if (status.equals("Awaiting")) {
            assertThat(row.subList(2, 7)).containsOnly("");
            assertThat(candidates).allSatisfy(c -> assertThat(c.get(5)).isEqualTo("0"));
          } else {
            assertThat(row.get(2)).isEqualTo(candidates.get(0).get(1));
            assertThat(row.get(3)).isEqualTo(candidates.get(0).get(2));
            assertThat(row.get(4)).isEqualTo(candidates.get(1).get(1));
            assertThat(row.get(5)).isEqualTo(candidates.get(1).get(2));
            assertThat(number(row.get(6))).isEqualTo(number(candidates.get(0).get(5)) - number(candidates.get(1).get(5)));
          }
        }
      }
      ctx.completeNow();
    })));
  }

  @Test
  void a_conditional_get_of_an_unchanged_page_is_answered_304_and_a_new_round_changes_the_etag(VertxTestContext ctx) {
    String url = site.baseUrl() + "ConstituencywiseS25100.htm";
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
  void unknown_pages_are_404_and_the_index_links_every_page(VertxTestContext ctx) {
    List<String> missing = List.of("ConstituencywiseS25295.htm", "ConstituencywiseS250.htm", "statewiseS2516.htm",
        "ConstituencywiseS2401.htm", "ConstituencywiseS25001.htm", "nothing.htm");
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    missing.forEach(file -> answers.add(get(client, site.baseUrl() + file)));
    answers.add(get(client, "http://127.0.0.1:" + site.port() + "/OtherPrefix/index.htm"));
    Future.all(answers).compose(done -> page("index.htm")).onComplete(ctx.succeeding(index -> ctx.verify(() -> {
      answers.forEach(a -> assertThat(a.result().statusCode()).isEqualTo(404));
      assertThat(index.select("a[href]").eachAttr("href")).hasSize(1 + 15 + 294)
          .contains("partywiseresult-S25.htm", "statewiseS2515.htm", "ConstituencywiseS25294.htm");
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
