package io.tallycast.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tallycast.cli.DemoCommand;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map's acceptance on the real West Bengal maps (embedded from maps/west-bengal/): the demo's counting day
 * replayed at 2000x, paused mid-day, then run to the end; at each stop the pixel at every seat's label point in
 * /api/maps/state.png is exactly the colour the seat's state in /api/constituencies calls for.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SlowTier
class MapAcceptanceTest {
  @TempDir
  static Path dataDir;
  Pipeline pipeline;

  @BeforeAll
  void startTheDemoPipelineAndPauseIt(Vertx vertx) {
    assumeTrue(Pipeline.MAPS.isPresent(), "no maps embedded yet: build maps/west-bengal with ./tallycast masks");
    pipeline = Pipeline.start(vertx, dataDir, 2000, c -> c.withInterval(DemoCommand.intervalFor(2000)));
    pipeline.clock(new JsonObject().put("paused", true));
  }

  @AfterAll
  void stop() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  @Order(1)
  void during_counting_leading_seats_show_the_tint_declared_seats_the_colour_and_the_rest_grey() throws Exception {
    pipeline.clock(new JsonObject().put("advanceSeconds", 4 * 3600));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("counting") > 20);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(mismatches("state")).isEmpty());
    JsonArray seats = pipeline.array("/api/constituencies");
    long leading = seats.stream().map(JsonObject.class::cast)
        .filter(s -> "counting".equals(s.getString("status")) && s.getJsonObject("leader") != null).count();
    assertThat(leading).as("seats counting with a leader, shown tinted").isGreaterThan(20);
  }

  @Test
  @Order(2)
  void after_the_whole_day_every_seat_shows_the_colour_of_the_party_that_won_it_on_every_map() throws Exception {
    pipeline.clock(new JsonObject().put("paused", false));
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("declared") == 294);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
        .untilAsserted(() -> assertThat(mismatches("state")).isEmpty());
    Map<Integer, String> winners = new HashMap<>();
    for (Object o : pipeline.array("/api/constituencies")) {
      JsonObject seat = (JsonObject) o;
      winners.put(seat.getInteger("no"), seat.getJsonObject("leader").getString("party"));
      assertThat(winners.get(seat.getInteger("no")))
          .isEqualTo(Pipeline.WEST_BENGAL.finals().get(seat.getInteger("no")).winner().party());
    }
    JsonArray labels = pipeline.array("/api/maps/state/seats.json");
    assertThat(labels).hasSize(294);
    BufferedImage state = png("/api/maps/state.png");
    Map<String, Integer> colours = partyColours();
    for (Object o : labels) {
      JsonObject seat = (JsonObject) o;
      JsonArray label = seat.getJsonArray("label");
      assertThat(state.getRGB(label.getInteger(0), label.getInteger(1)) & 0xFFFFFF)
          .as("seat %d %s", seat.getInteger("no"), seat.getString("name"))
          .isEqualTo(colours.get(winners.get(seat.getInteger("no"))));
    }
    for (Object o : pipeline.array("/api/maps")) {
      String map = ((JsonObject) o).getString("map");
      assertThat(mismatches(map)).as(map).isEmpty();
    }
  }

  /** Seats whose label pixel differs from what their status and leader call for, as readable lines. */
  private List<String> mismatches(String map) throws Exception {
    Map<Integer, JsonObject> seats = new HashMap<>();
    for (Object o : pipeline.array("/api/constituencies")) {
      seats.put(((JsonObject) o).getInteger("no"), (JsonObject) o);
    }
    Map<String, Integer> colours = partyColours();
    BufferedImage image = png("/api/maps/" + map + ".png");
    List<String> wrong = new ArrayList<>();
    for (Object o : pipeline.array("/api/maps/" + map + "/seats.json")) {
      JsonObject info = (JsonObject) o;
      JsonObject seat = seats.get(info.getInteger("no"));
      JsonObject leader = seat.getJsonObject("leader");
      Integer party = leader == null ? null : colours.get(leader.getString("party"));
      int expected = switch (seat.getString("status")) {
        case "declared" -> party;
        case "counting" -> party == null ? SeatColors.NEUTRAL : SeatColors.tint(party);
        default -> SeatColors.NEUTRAL;
      };
      JsonArray label = info.getJsonArray("label");
      int actual = image.getRGB(label.getInteger(0), label.getInteger(1)) & 0xFFFFFF;
      if (actual != expected) {
        wrong.add(String.format("%s seat %d (%s, %s): %s, expected %s", map, info.getInteger("no"),
            seat.getString("status"), leader == null ? "-" : leader.getString("party"), SeatColors.hex(actual),
            SeatColors.hex(expected)));
      }
    }
    return wrong;
  }

  /** Party code -> colour, as the API summary gives it (it comes from the party table, as the renderer's does). */
  private Map<String, Integer> partyColours() {
    Map<String, Integer> out = new HashMap<>();
    for (Object o : pipeline.summary().getJsonArray("parties")) {
      JsonObject p = (JsonObject) o;
      out.put(p.getString("party"), Integer.parseInt(p.getString("color").substring(1), 16));
    }
    return out;
  }

  private BufferedImage png(String path) throws Exception {
    HttpResponse<Buffer> response = pipeline.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return ImageIO.read(new ByteArrayInputStream(response.body().getBytes()));
  }
}
