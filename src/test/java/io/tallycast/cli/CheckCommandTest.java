package io.tallycast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** `tallycast check URL`: the operator's dry run against a site over real HTTP. */
@ExtendWith(VertxExtension.class)
class CheckCommandTest {

  private record Run(int exit, String out) {
  }

  private static Run check(String url) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(new CheckCommand()).execute(url);
      return new Run(exit, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
    }
  }

  @Test
  void the_replay_site_of_the_real_2026_day_passes_and_every_page_type_is_named(Vertx vertx) {
    ReplaySite site = ReplaySite.start(vertx, ReplayModels.embedded("wb2026", 0),
        ReplayOptions.defaults().withPrefix("/ResultAcGenMay2026/")).await();
    site.clock().advance(6 * 3600); // 14:00: every seat has a trend
    Run run = check(site.baseUrl());
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("statewiseS251.htm").contains("state-wise list (eci-statewise): West Bengal, 294 seats")
        .contains("partywiseresult-S25.htm").contains("party-wise summary (eci-partywise)")
        .contains("election-json-S25-live.json").contains("live results JSON (eci-live-json): S25 294 seats")
        .contains("constituency (eci-2026)").contains("constituency (eci-2026-cards)")
        .contains("scraping can start").doesNotContain("FAIL");
  }

  @Test
  void a_page_of_an_unknown_layout_exits_2_naming_what_it_found(Vertx vertx) {
    HttpServer server = vertx.createHttpServer().requestHandler(request -> request.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end("<!doctype html><html><head><title>Login</title></head><body><p>Please sign in to continue</p>"
            + "</body></html>")).listen(0, "127.0.0.1").await();
    Run run = check("http://127.0.0.1:" + server.actualPort() + "/ResultAcGenMay2026/statewiseS251.htm");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("FAIL").contains("cannot read").contains("Login").contains("not usable");
  }

  @Test
  void a_site_that_answers_404_everywhere_exits_2_saying_so(Vertx vertx) {
    HttpServer server = vertx.createHttpServer().requestHandler(request -> request.response().setStatusCode(404)
        .end()).listen(0, "127.0.0.1").await();
    Run run = check("http://127.0.0.1:" + server.actualPort() + "/ResultAcGenMay2026/");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("index.htm").contains("HTTP 404");
  }
}
