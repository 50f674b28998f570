package io.tallycast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.Main;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `tallycast parse` prints exactly what a saved real ECI page shows, and refuses what is not a results page. */
@ExtendWith(VertxExtension.class)
class ParseCommandTest {
  private static final Path PAGES = Path.of("src/test/resources/eci-pages");

  record Run(int exit, String out, String err) {
  }

  private static Run parse(String source) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new Main()).execute("parse", source);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  @Test
  void the_2024_krishnanagar_page_gives_its_candidates_and_votes() {
    Run run = parse(PAGES.resolve("2024-lok-sabha/ConstituencywiseS2512.htm").toString());
    assertThat(run.exit()).isZero();
    JsonObject page = new JsonObject(run.out()).getJsonObject("page");
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
    Run run = parse(PAGES.resolve("2019-lok-sabha/ConstituencywiseS2512.htm").toString());
    assertThat(run.exit()).isZero();
    JsonArray candidates = new JsonObject(run.out()).getJsonObject("page").getJsonArray("candidates");
    assertThat(candidates).hasSize(12);
    assertCandidate(candidates.getJsonObject(0), "INTAJ ALI SHAH", "Indian National Congress", 38116, 189, 38305);
    assertCandidate(candidates.getJsonObject(4), "MAHUA MOITRA", "All India Trinamool Congress", 613652, 1220, 614872);
  }

  @Test
  void a_file_that_is_not_a_results_page_exits_2_with_the_reason(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.htm"), "<html><body><p>Service Unavailable</p></body></html>");
    Run run = parse(junk.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("junk.htm").isNotBlank();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void a_url_is_fetched_over_http_like_the_scraper_does(Vertx vertx) {
    ReplaySite site = ReplaySite.start(vertx, ElectionData.westBengal2021(), ReplayOptions.defaults()).await();
    site.clock().pause();
    site.clock().advance(site.model().totalDurationSeconds());
    Run run = parse(site.baseUrl() + "ConstituencywiseS2512.htm");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonObject page = new JsonObject(run.out()).getJsonObject("page");
    assertThat(page.getInteger("seatNo")).isEqualTo(12);
    SeatResult real = ElectionData.westBengal2021().finals().get(12);
    assertThat(page.getJsonArray("candidates").getJsonObject(0).getLong("totalVotes")).isEqualTo(real.winner().votes());
  }

  private static void assertCandidate(JsonObject c, String name, String party, long evm, long postal, long total) {
    assertThat(c.getString("name")).isEqualTo(name);
    assertThat(c.getString("party")).isEqualTo(party);
    assertThat(c.getLong("evmVotes")).isEqualTo(evm);
    assertThat(c.getLong("postalVotes")).isEqualTo(postal);
    assertThat(c.getLong("totalVotes")).isEqualTo(total);
  }
}
