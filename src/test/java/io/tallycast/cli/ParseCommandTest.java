package io.tallycast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.Main;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.scrape.ScrapeConfig;
import io.tallycast.support.HostileServers;
import io.tallycast.support.SharedData;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `tallycast parse` prints exactly what a saved real ECI page shows, and refuses what is not a results page. */
@ExtendWith(VertxExtension.class)
class ParseCommandTest {

  record Run(int exit, String out, String err) {
    JsonObject json() {
      return new JsonObject(out);
    }
  }

  private static Run parse(String source) {
    return parseWith(source);
  }

  /** A real page of the shared reference data (skipped when it is not beside the clone). */
  private static Run parseReal(String page) {
    return parse(SharedData.file("eci-pages/" + page).toString());
  }

  @Test
  void the_2024_krishnanagar_page_gives_its_candidates_and_votes() {
    Run run = parseReal("2024-lok-sabha/ConstituencywiseS2512.htm");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.json().getString("kind")).isEqualTo("constituency");
    assertThat(run.json().getString("layout")).isEqualTo("eci-2024");
    JsonObject page = run.json().getJsonObject("page");
    assertThat(page.getInteger("seatNo")).isEqualTo(12);
    assertThat(page.getString("seatName")).isEqualTo("Krishnanagar");
    JsonArray candidates = page.getJsonArray("candidates");
    assertThat(candidates).hasSize(12);
    assertCandidate(candidates.getJsonObject(0), "MAHUA MOITRA", "All India Trinamool Congress", 624711, 4078, 628789);
    assertCandidate(candidates.getJsonObject(1), "AMRITA ROY", "Bharatiya Janata Party", 567628, 4456, 572084);
    assertCandidate(candidates.getJsonObject(11), "NOTA", "None of the Above", 6754, 57, 6811);
    assertThat(page.getLong("footerTotal")).isEqualTo(1425712);
  }

  @Test
  void the_2019_krishnanagar_page_gives_its_candidates_in_ballot_order() {
    Run run = parseReal("2019-lok-sabha/ConstituencywiseS2512.htm");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.json().getString("layout")).isEqualTo("eci-2019");
    JsonArray candidates = run.json().getJsonObject("page").getJsonArray("candidates");
    assertThat(candidates).hasSize(12);
    assertCandidate(candidates.getJsonObject(0), "INTAJ ALI SHAH", "Indian National Congress", 38116, 189, 38305);
    assertCandidate(candidates.getJsonObject(4), "MAHUA MOITRA", "All India Trinamool Congress", 613652, 1220, 614872);
  }

  @Test
  void the_2026_list_page_prints_its_rows_and_header_fields() {
    Run run = parseReal("2026-assembly/statewiseS221.htm");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.json().getString("kind")).isEqualTo("state-wise list");
    assertThat(run.json().getString("layout")).isEqualTo("eci-statewise");
    JsonObject page = run.json().getJsonObject("page");
    JsonArray rows = page.getJsonArray("rows");
    assertThat(rows).hasSize(20);
    JsonObject first = rows.getJsonObject(0);
    assertThat(List.of(first.getInteger("seatNo"), first.getString("seatName"), first.getString("leadingCandidate"),
        first.getString("leadingParty"), first.getString("trailingCandidate"), first.getString("trailingParty"),
        first.getLong("margin"), first.getInteger("roundsDone"), first.getInteger("roundsTotal"),
        first.getString("status"))).containsExactly(28, "ALANDUR", "M.HARISH", "Tamilaga Vettri Kazhagam",
        "T.M.ANBARASAN", "Dravida Munnetra Kazhagam", 9678L, 7, 31, "Result in Progress");
    assertThat(page.getString("state")).isEqualTo("Tamil Nadu");
    assertThat(page.getInteger("statusKnown")).isEqualTo(234);
    assertThat(page.getInteger("seatsTotal")).isEqualTo(234);
    assertThat(page.getInteger("pageCount")).isEqualTo(12);
    assertThat(page.getJsonArray("warnings")).isEmpty();
    assertThat(page.getString("sourceTime")).isEqualTo("2026-05-04T07:15:00Z");
  }

  @Test
  void the_2026_party_wise_page_prints_its_rows_and_total() {
    Run run = parseReal("2026-assembly/partywiseresult-S22-1712.htm");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.json().getString("kind")).isEqualTo("party-wise summary");
    JsonObject page = run.json().getJsonObject("page");
    assertThat(page.getJsonArray("rows")).hasSize(12);
    JsonObject tvk = page.getJsonArray("rows").getJsonObject(0);
    assertThat(List.of(tvk.getString("party"), tvk.getInteger("won"), tvk.getInteger("leading"),
        tvk.getInteger("total"), tvk.getInteger("eciPartyId")))
        .containsExactly("Tamilaga Vettri Kazhagam - TVK", 12, 97, 109, 3679);
    assertThat(List.of(page.getInteger("totalWon"), page.getInteger("totalLeading"), page.getInteger("total"),
        page.getInteger("seatsTotal"))).containsExactly(20, 214, 234, 234);
    assertThat(page.getString("state")).isEqualTo("Tamil Nadu");
  }

  @Test
  void the_live_json_prints_every_state_and_falta_without_a_leader() {
    Run run = parseReal("2026-assembly/election-json-live-final.json");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.json().getString("kind")).isEqualTo("live results JSON");
    assertThat(run.json().getString("layout")).isEqualTo("eci-live-json");
    JsonObject states = run.json().getJsonObject("page").getJsonObject("states");
    assertThat(states.fieldNames()).containsExactly("S03", "S11", "U07", "S22", "S25");
    JsonArray wb = states.getJsonArray("S25");
    assertThat(wb).hasSize(294);
    JsonObject falta = wb.getJsonObject(143);
    assertThat(falta.getInteger("seat")).isEqualTo(144);
    assertThat(falta.getString("party")).isNull();
    assertThat(falta.getString("leader")).isNull();
    assertThat(wb.getJsonObject(0).getString("leader")).isEqualTo("DADHIRAM RAY");
  }

  @Test
  void the_reconstructed_2026_cards_page_prints_its_layout_and_status() {
    Run run = parse("src/test/resources/eci-pages/reconstructed-2026/candidateswise-S25100.htm");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.json().getString("layout")).isEqualTo("eci-2026-cards");
    assertThat(run.json().getJsonObject("page").getString("status")).isEqualTo("Result Declared");
    assertThat(run.json().getJsonObject("page").getJsonArray("candidates")).hasSize(14);
  }

  @Test
  void the_concatenated_list_file_exits_2_saying_it_is_not_one_page() {
    Run run = parseReal("2026-assembly/statewiseS22-all-pages-concatenated.htm");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("statewiseS22-all-pages-concatenated.htm")
        .contains("holds 12 HTML pages one after another");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void a_file_that_is_not_a_results_page_exits_2_with_the_reason(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.htm"), "<html><body><p>Service Unavailable</p></body></html>");
    Run run = parse(junk.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("junk.htm").contains("no results table on page (text starts 'Service Unavailable')");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void json_that_is_not_ecis_exits_2_naming_its_keys(@TempDir Path dir) throws Exception {
    Path json = Files.writeString(dir.resolve("x.json"), "{\"error\":\"rate limited\",\"retry\":30}");
    Run run = parse(json.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("JSON with keys [error, retry]");
  }

  @Test
  void a_url_is_fetched_over_http_like_the_scraper_does(Vertx vertx) {
    ReplaySite site = ReplaySite.start(vertx, ElectionData.westBengal2021(), ReplayOptions.defaults()).await();
    site.clock().pause();
    site.clock().advance(site.model().totalDurationSeconds());
    Run run = parse(site.baseUrl() + "ConstituencywiseS2512.htm");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonObject page = run.json().getJsonObject("page");
    assertThat(page.getInteger("seatNo")).isEqualTo(12);
    SeatResult real = ElectionData.westBengal2021().finals().get(12);
    assertThat(page.getJsonArray("candidates").getJsonObject(0).getLong("totalVotes")).isEqualTo(real.winner().votes());
  }

  @Test
  void a_server_that_says_nothing_exits_2_within_the_timeout(Vertx vertx) {
    HttpServer silent = HostileServers.silent(vertx);
    Run run = parseWith("http://127.0.0.1:" + silent.actualPort() + "/statewiseS251.htm", "--timeout", "1");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no whole answer within 1 s").doesNotContain("Exception");
  }

  @Test
  void a_page_trickled_a_byte_at_a_time_exits_2_within_the_timeout(Vertx vertx) {
    HttpServer trickle = HostileServers.trickle(vertx);
    Run run = parseWith("http://127.0.0.1:" + trickle.actualPort() + "/statewiseS251.htm", "--timeout", "1");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no whole answer within 1 s");
  }

  @Test
  void a_redirect_loop_exits_2_naming_the_loop(Vertx vertx) {
    HttpServer loop = HostileServers.redirectLoop(vertx, "/");
    Run run = parse("http://127.0.0.1:" + loop.actualPort() + "/a.htm");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("redirect loop").contains("/a.htm").contains("/b.htm");
  }

  @Test
  void a_50_mb_page_exits_2_at_the_cap_without_reading_it_all(Vertx vertx) {
    HttpServer flood = HostileServers.flood(vertx, 50);
    Run run = parse("http://127.0.0.1:" + flood.actualPort() + "/statewiseS251.htm");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("page larger than 8 MB").doesNotContain("Exception");
  }

  @Test
  void a_file_over_the_page_cap_exits_2_unread(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.htm");
    try (var out = Files.newOutputStream(big)) {
      out.write(new byte[ScrapeConfig.MAX_PAGE_BYTES + 1]);
    }
    Run run = parse(big.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("page larger than 8 MB");
  }

  @Test
  void a_missing_file_exits_2_saying_so(@TempDir Path dir) {
    Run run = parse(dir.resolve("nowhere.htm").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no such file");
  }

  private static Run parseWith(String source, String... options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      String[] args = new String[options.length + 2];
      args[0] = "parse";
      System.arraycopy(options, 0, args, 1, options.length);
      args[args.length - 1] = source;
      int exit = new CommandLine(new Main()).execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  private static void assertCandidate(JsonObject c, String name, String party, long evm, long postal, long total) {
    assertThat(c.getString("name")).isEqualTo(name);
    assertThat(c.getString("party")).isEqualTo(party);
    assertThat(c.getLong("evmVotes")).isEqualTo(evm);
    assertThat(c.getLong("postalVotes")).isEqualTo(postal);
    assertThat(c.getLong("totalVotes")).isEqualTo(total);
  }
}
