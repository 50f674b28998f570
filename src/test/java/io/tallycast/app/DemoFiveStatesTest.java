package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.map.SeatColors;
import io.tallycast.store.ResultsReader;
import io.tallycast.support.DemoProcess;
import io.tallycast.support.FiveStates2021;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tallycast demo --election may2021 --speed 2000 --no-stream`, as a user runs it: the five states counted on 2 May
 * 2021 replayed on one site and followed by one engine. What is expected (every seat's winner and votes, each state's
 * tally) is computed here from the third-party result files, never from the engine's own data.
 */
@SlowTier
class DemoFiveStatesTest {
  /** HTTP/1.1 as a browser on loopback speaks it, and a bound on every answer: a slow machine must not hang it. */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private static final Pattern LISTENING = Pattern.compile("results API\\s+(http://\\S+)/api/summary");

  @TempDir
  Path dataDir;

  @Test
  void every_seat_of_the_five_states_is_declared_with_its_real_winner_and_votes_and_each_tally_is_the_real_one()
      throws Exception {
    Map<String, Map<Integer, List<FiveStates2021.Candidate>>> real = FiveStates2021.read();
    // every seat with a real result (Tamil Nadu 50's record is a stand-in: that seat stays awaiting)
    int seats = real.values().stream().mapToInt(FiveStates2021::withResults).sum();
    Election may2021 = Election.embedded("may2021");
    try (DemoProcess demo = DemoProcess.start(dataDir, "--election", "may2021", "--speed", "2000", "--port", "0",
        "--no-stream")) {
      await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() -> declared() == seats);
      String api = apiOf(demo.output());
      // the election-wide view and each state's summary, over HTTP, as the overlay and the console read them
      JsonObject states = get(api + "/api/states");
      assertThat(states.getJsonArray("states").stream().map(o -> ((JsonObject) o).getString("code")))
          .containsExactlyElementsOf(FiveStates2021.states().keySet());
      for (ElectionData state : may2021.states()) {
        JsonObject summary = get(api + "/api/states/" + state.stateCode() + "/summary");
        assertThat(won(summary)).as("%s over HTTP", state.state())
            .isEqualTo(FiveStates2021.tally(real.get(state.stateCode()), state.parties()));
        assertThat(summary.getInteger("majority")).isEqualTo(real.get(state.stateCode()).size() / 2 + 1);
      }
      // every state's map: the pixel at each seat's label is the colour of the party that won it (from the files)
      for (ElectionData state : may2021.states()) {
        String maps = api + "/api/states/" + state.stateCode() + "/maps";
        Map<Integer, String> winners = new TreeMap<>();
        real.get(state.stateCode()).forEach((no, c) -> winners.put(no, c.isEmpty() ? null
            : state.parties().require(FiveStates2021.winner(c).party()).code()));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(wrongLabels(maps, state, winners))
            .as(state.state() + " map").isEmpty());
      }
    }
    SoftAssertions soft = new SoftAssertions();
    try (ResultsReader reader = ResultsReader.open(dataDir)) {
      for (ElectionData state : may2021.states()) {
        String code = state.stateCode();
        Map<Integer, List<FiveStates2021.Candidate>> seatsOfState = real.get(code);
        soft.assertThat(reader.constituencies(code)).as(state.state()).hasSize(seatsOfState.size());
        for (Map.Entry<Integer, List<FiveStates2021.Candidate>> seat : seatsOfState.entrySet()) {
          JsonObject stored = reader.constituency(code, seat.getKey()).orElseThrow();
          String where = state.state() + " " + seat.getKey();
          if (seat.getValue().isEmpty()) {
            soft.assertThat(stored.getString("status")).as(where + " (no real result)").isEqualTo("awaiting");
            continue;
          }
          soft.assertThat(stored.getString("status")).as(where).isEqualTo("declared");
          soft.assertThat(stored.getJsonObject("leader").getString("candidate")).as(where + " winner")
              .isEqualTo(FiveStates2021.winner(seat.getValue()).name());
          List<String> expected = new ArrayList<>();
          seat.getValue().forEach(c -> expected.add(c.name() + "|" + state.parties().require(c.party()).code() + "|"
              + c.votes()));
          List<String> shown = new ArrayList<>();
          stored.getJsonArray("candidates").stream().map(JsonObject.class::cast).forEach(c -> shown.add(
              c.getString("candidate").replaceAll(" \\(\\d\\)$", "") + "|" + c.getString("party") + "|"
                  + c.getLong("votes")));
          soft.assertThat(shown).as(where + " candidates").containsExactlyInAnyOrderElementsOf(expected);
        }
        Map<String, Integer> expectedTally = FiveStates2021.tally(seatsOfState, state.parties());
        soft.assertThat(won(reader.summary(code))).as(state.state() + " tally").isEqualTo(expectedTally);
        System.out.printf("may2021 %s %s: %s%n", code, state.state(), expectedTally);
      }
    }
    soft.assertAll();
  }

  /** Seats whose label pixel on the state map is not their winner's colour, as readable lines. */
  private static List<String> wrongLabels(String maps, ElectionData state, Map<Integer, String> winners)
      throws Exception {
    HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(URI.create(maps
        + "/state.png")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
    HttpResponse<String> labels = HTTP.send(HttpRequest.newBuilder(URI.create(maps
        + "/state/seats.json")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    JsonArray seats = new JsonArray(labels.body());
    assertThat(seats).hasSize(winners.size());
    List<String> wrong = new ArrayList<>();
    for (Object o : seats) {
      JsonObject seat = (JsonObject) o;
      int no = seat.getInteger("no");
      int expected = winners.get(no) == null ? SeatColors.NEUTRAL
          : Integer.parseInt(state.parties().require(winners.get(no)).color().substring(1), 16);
      JsonArray label = seat.getJsonArray("label");
      int actual = image.getRGB(label.getInteger(0), label.getInteger(1)) & 0xFFFFFF;
      if (actual != expected) {
        wrong.add(String.format("%d %s: %06X, not %s's %06X", no, seat.getString("name"), actual, winners.get(no),
            expected));
      }
    }
    return wrong;
  }

  private static Map<String, Integer> won(JsonObject summary) {
    Map<String, Integer> won = new TreeMap<>();
    summary.getJsonArray("parties").stream().map(JsonObject.class::cast).filter(p -> p.getInteger("won") > 0)
        .forEach(p -> won.put(p.getString("party"), p.getInteger("won")));
    return won;
  }

  private int declared() {
    if (!dataDir.resolve("tallycast.db").toFile().exists()) {
      return 0;
    }
    try (ResultsReader reader = ResultsReader.open(dataDir)) {
      int n = 0;
      for (String code : FiveStates2021.states().keySet()) {
        n += reader.summary(code).getJsonObject("seats").getInteger("declared");
      }
      return n;
    } catch (Exception e) {
      return 0;
    }
  }

  private static String apiOf(List<String> output) {
    for (String line : output) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("the demo printed no 'results API' line: " + output);
  }

  private static JsonObject get(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return new JsonObject(r.body());
  }
}
