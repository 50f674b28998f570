package io.tallycast.replay;

import static io.tallycast.replay.ReplayTestSupport.footer;
import static io.tallycast.replay.ReplayTestSupport.get;
import static io.tallycast.replay.ReplayTestSupport.html;
import static io.tallycast.replay.ReplayTestSupport.number;
import static io.tallycast.replay.ReplayTestSupport.rows;
import static io.tallycast.replay.ReplayTestSupport.seatTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ReplayFaultsTest {
  private ReplaySite site;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    client = WebClient.create(vertx);
    ReplaySite.start(vertx, ReplayTestSupport.westBengal(), ReplayTestSupport.options())
        .onComplete(ctx.succeeding(s -> {
          site = s;
          site.clock().pause();
          site.clock().advance(4 * 3600); // every seat has votes, none declared yet
          ctx.completeNow();
        }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    client.close();
    site.stop().onComplete(ctx.succeedingThenComplete());
  }

  /** A seat's table page. */
  private String seat(int no) {
    return site.url(PageRef.constituency(no));
  }

  private String cards(int no) {
    return site.url(PageRef.candidates(no));
  }

  private String control(String path) {
    return site.controlUrl() + path;
  }

  @Test
  void http_500_answers_server_errors_on_every_page_type_until_switched_off(VertxTestContext ctx) {
    site.faults().on(Fault.HTTP_500);
    Future.all(List.of(get(client, seat(10)), get(client, cards(10)), get(client, site.url(PageRef.list(1))),
        get(client, site.url(PageRef.PARTY)), get(client, site.url(PageRef.LIVE_JSON)))).compose(bad -> {
          ctx.verify(() -> bad.<HttpResponse<Buffer>>list().forEach(r -> {
            assertThat(r.statusCode()).isIn(500, 503);
            assertThat(r.getHeader("ETag")).isNull();
          }));
          site.faults().off(Fault.HTTP_500);
          return get(client, seat(10));
        }).onComplete(ctx.succeeding(good -> ctx.verify(() -> {
          assertThat(good.statusCode()).isEqualTo(200);
          assertThat(good.getHeader("ETag")).isNotNull();
          ctx.completeNow();
        })));
  }

  @Test
  void slow_delays_each_answer_by_the_asked_time(VertxTestContext ctx) {
    site.faults().on(new Fault(Fault.SLOW, 400, Set.of(), null));
    long started = System.nanoTime();
    get(client, seat(10)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(rows(html(r))).isNotEmpty();
      ctx.completeNow();
    })));
  }

  @Test
  void timeout_holds_the_request_until_the_client_gives_up_without_blocking_other_requests(VertxTestContext ctx) {
    site.faults().on(new Fault(Fault.TIMEOUT, 0, Set.of(10), null));
    long started = System.nanoTime();
    Future<HttpResponse<Buffer>> held = client.getAbs(seat(10)).timeout(800).send();
    Future<HttpResponse<Buffer>> other = client.getAbs(seat(11)).timeout(800).send();
    other.onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(held.isComplete()).isFalse(); // still waiting while the site answers others
    })));
    held.onComplete(ar -> ctx.verify(() -> {
      assertThat(ar.failed()).isTrue();
      assertThat((System.nanoTime() - started) / 1_000_000).isBetween(700L, 5_000L);
      site.faults().off(Fault.TIMEOUT);
      get(client, seat(10)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
        assertThat(r.statusCode()).isEqualTo(200);
        ctx.completeNow();
      })));
    }));
  }

  @Test
  void truncated_cuts_the_page_mid_table_without_footer_and_without_the_good_etag(VertxTestContext ctx) {
    get(client, seat(12)).compose(good -> {
      site.faults().on(Fault.TRUNCATED);
      return client.getAbs(seat(12)).putHeader("If-None-Match", good.getHeader("ETag")).send().map(cut -> {
        ctx.verify(() -> {
          assertThat(cut.statusCode()).isEqualTo(200); // not 304: a conditional client must see the fault
          assertThat(cut.getHeader("ETag")).isNull();
          String body = cut.bodyAsString();
          assertThat(body.length()).isLessThan(good.bodyAsString().length() * 3 / 4);
          assertThat(body).contains("<tbody>").doesNotContain("</tbody>", "<tfoot>", "foot-content", "</html>");
          assertThat(good.bodyAsString()).startsWith(body);
        });
        return cut;
      });
    }).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void truncated_and_garbage_json_are_answered_as_json_that_does_not_parse(VertxTestContext ctx) {
    String url = site.url(PageRef.LIVE_JSON);
    get(client, url).compose(good -> {
      site.faults().on(Fault.TRUNCATED);
      return get(client, url).compose(cut -> {
        ctx.verify(() -> {
          assertThat(cut.statusCode()).isEqualTo(200);
          assertThat(cut.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
          assertThat(cut.getHeader("ETag")).isNull();
          assertThat(good.bodyAsString()).startsWith(cut.bodyAsString());
          assertThat(cut.bodyAsString().length()).isBetween(100, good.bodyAsString().length() * 3 / 4);
          assertThatThrownBy(() -> new JsonObject(cut.bodyAsString())).isInstanceOf(DecodeException.class);
        });
        site.faults().clear();
        site.faults().on(Fault.GARBAGE);
        return get(client, url);
      });
    }).onComplete(ctx.succeeding(garbage -> ctx.verify(() -> {
      assertThat(garbage.statusCode()).isEqualTo(200);
      assertThat(garbage.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
      assertThatThrownBy(() -> new JsonObject(garbage.bodyAsString())).isInstanceOf(DecodeException.class);
      ctx.completeNow();
    })));
  }

  @Test
  void garbage_answers_200_with_something_that_is_not_a_results_page(VertxTestContext ctx) {
    site.faults().on(Fault.GARBAGE);
    Future.all(get(client, seat(13)), get(client, cards(14)), get(client, site.url(PageRef.list(2))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          all.<HttpResponse<Buffer>>list().forEach(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.getHeader("ETag")).isNull();
            assertThat(html(r).select("table, tr, td")).isEmpty();
          });
          ctx.completeNow();
        })));
  }

  @Test
  void wrong_seat_answers_a_seat_page_request_with_the_same_page_of_another_seat(VertxTestContext ctx) {
    site.faults().on(Fault.WRONG_SEAT);
    Future.all(get(client, seat(20)), get(client, site.url(PageRef.list(1))), get(client, cards(20)))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          HttpResponse<Buffer> list = all.resultAt(1);
          for (HttpResponse<Buffer> wrong : List.<HttpResponse<Buffer>>of(all.resultAt(0), all.resultAt(2))) {
            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(wrong.getHeader("ETag")).isNull();
            assertThat(seatTitle(html(wrong))).startsWith("21 -");
          }
          assertThat(html(all.resultAt(2)).select("div.cand-box")).isNotEmpty(); // the same kind of page
          assertThat(rows(html(list))).hasSize(20); // list pages are untouched
          assertThat(list.getHeader("ETag")).isNotNull();
          ctx.completeNow();
        })));
  }

  @Test
  void votes_down_shows_half_the_votes_consistently_on_both_pages_of_the_chosen_seats_only(VertxTestContext ctx) {
    Future.all(get(client, seat(30)), get(client, seat(31))).compose(good -> {
      site.faults().on(new Fault(Fault.VOTES_DOWN, 0, Set.of(30), null));
      return Future.all(get(client, seat(30)), get(client, seat(31))).map(bad -> {
        ctx.verify(() -> {
          Document before = html(good.resultAt(0));
          Document after = html(bad.resultAt(0));
          long totalBefore = number(footer(before).get(4));
          long totalAfter = number(footer(after).get(4));
          assertThat(totalBefore).isPositive();
          assertThat((double) totalAfter / totalBefore).isBetween(0.48, 0.51);
          long sum = 0;
          for (List<String> row : rows(after)) {
            assertThat(number(row.get(3)) + number(row.get(4))).isEqualTo(number(row.get(5)));
            sum += number(row.get(5));
          }
          assertThat(sum).isEqualTo(totalAfter);
          assertThat(bad.<HttpResponse<Buffer>>resultAt(0).getHeader("ETag")).isNull();
          assertThat(bad.<HttpResponse<Buffer>>resultAt(1).bodyAsString())
              .isEqualTo(good.<HttpResponse<Buffer>>resultAt(1).bodyAsString());
        });
        return bad;
      });
    }).compose(x -> Future.all(get(client, cards(30)), get(client, seat(30))).map(both -> {
      ctx.verify(() -> {
        Document cardsPage = html(both.resultAt(0));
        long cardVotes = cardsPage.select("div.cand-box div.status > div:eq(1)").stream()
            .mapToLong(d -> number(d.ownText())).sum();
        assertThat(cardVotes).isEqualTo(number(footer(html(both.resultAt(1))).get(4))); // cards are cut alike
      });
      return both;
    })).compose(x -> {
      site.faults().clear();
      return get(client, seat(30));
    }).onComplete(ctx.succeeding(restored -> ctx.verify(() -> {
      assertThat(restored.getHeader("ETag")).isNotNull();
      ctx.completeNow();
    })));
  }

  @Test
  void require_browser_headers_refuses_bare_clients_and_admits_browser_like_ones(VertxTestContext ctx) {
    site.faults().on(Fault.REQUIRE_BROWSER_HEADERS);
    Future<HttpResponse<Buffer>> bare = get(client, seat(40));
    Future<HttpResponse<Buffer>> agentOnly = client.getAbs(seat(40))
        .putHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)").send();
    Future<HttpResponse<Buffer>> browser = client.getAbs(seat(40))
        .putHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0").putHeader("Sec-Fetch-Mode", "navigate")
        .send();
    Future.all(bare, agentOnly, browser).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(bare.result().statusCode()).isEqualTo(403);
      assertThat(agentOnly.result().statusCode()).isEqualTo(403);
      assertThat(browser.result().statusCode()).isEqualTo(200);
      ctx.completeNow();
    })));
  }

  @Test
  void faults_are_switched_on_listed_and_off_over_http(VertxTestContext ctx) {
    client.putAbs(control("faults/slow")).sendJsonObject(new JsonObject().put("delayMs", 50).put("seats",
        new JsonArray().add(5)).put("pages", "seat"))
        .compose(r -> client.putAbs(control("faults/http-500")).send())
        .compose(r -> client.putAbs(control("faults/no-such-fault")).send().map(bad -> {
          ctx.verify(() -> assertThat(bad.statusCode()).isEqualTo(404));
          return r;
        }))
        .compose(r -> client.putAbs(control("faults/slow")).sendBuffer(Buffer.buffer("{\"pages\":\"everything\"}"))
            .map(bad -> {
              ctx.verify(() -> assertThat(bad.statusCode()).isEqualTo(400));
              return r;
            }))
        .compose(r -> client.getAbs(control("faults")).send())
        .compose(listed -> {
          ctx.verify(() -> {
            JsonArray faults = listed.bodyAsJsonArray();
            assertThat(faults).hasSize(2);
            assertThat(faults.getJsonObject(0).encode())
                .isEqualTo("{\"name\":\"http-500\",\"delayMs\":3000,\"seats\":[],\"pages\":\"all\"}");
            assertThat(faults.getJsonObject(1).encode())
                .isEqualTo("{\"name\":\"slow\",\"delayMs\":50,\"seats\":[5],\"pages\":\"seat\"}");
          });
          return client.deleteAbs(control("faults/http-500")).send();
        })
        .compose(r -> {
          ctx.verify(() -> assertThat(site.faults().active()).extracting(Fault::name).containsExactly("slow"));
          return client.deleteAbs(control("faults")).send();
        })
        .compose(r -> get(client, seat(5)))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(site.faults().active()).isEmpty();
          assertThat(r.statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  void the_pages_option_limits_a_fault_to_the_whole_state_pages_or_the_seat_pages(VertxTestContext ctx) {
    client.putAbs(control("faults/http-500")).sendJsonObject(new JsonObject().put("pages", "list"))
        .compose(on -> Future.all(List.of(get(client, seat(3)), get(client, site.url(PageRef.list(3))),
            get(client, site.url(PageRef.PARTY)), get(client, site.url(PageRef.INDEX)), get(client, cards(3)),
            get(client, site.url(PageRef.LIVE_JSON)))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(all.<HttpResponse<Buffer>>resultAt(0).statusCode()).isEqualTo(200);
          assertThat(all.<HttpResponse<Buffer>>resultAt(1).statusCode()).isIn(500, 503);
          assertThat(all.<HttpResponse<Buffer>>resultAt(2).statusCode()).isIn(500, 503);
          assertThat(all.<HttpResponse<Buffer>>resultAt(3).statusCode()).isEqualTo(200);
          assertThat(all.<HttpResponse<Buffer>>resultAt(4).statusCode()).isEqualTo(200);
          assertThat(all.<HttpResponse<Buffer>>resultAt(5).statusCode()).isIn(500, 503);
          ctx.completeNow();
        })));
  }

  @Test
  void a_request_held_by_timeout_does_not_hold_up_stopping_the_site(Vertx vertx, VertxTestContext ctx) {
    ReplaySite.start(vertx, ReplayTestSupport.westBengal(), ReplayTestSupport.options()).compose(other -> {
      other.faults().on(Fault.TIMEOUT);
      Future<HttpResponse<Buffer>> held = client.getAbs(other.url(PageRef.INDEX)).timeout(30_000).send();
      return vertx.timer(200).compose(x -> {
        long started = System.nanoTime();
        return other.stop().map(stopped -> {
          ctx.verify(() -> assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000));
          return held;
        });
      });
    }).onComplete(ctx.succeedingThenComplete());
  }
}
