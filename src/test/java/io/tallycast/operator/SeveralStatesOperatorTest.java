package io.tallycast.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.support.LiveEvents;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine following the five states of 2 May 2021 on one replay site: each state's scraping has its own health,
 * the operator puts one state's scenes on air, and the scene rotation turns through the states board and each state's
 * full scene.
 */
@SlowTier
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralStatesOperatorTest {
  private static final Election MAY2021 = Election.embedded("may2021");
  @TempDir
  static Path dataDir;
  Pipeline pipeline;
  OperatorClient operator;

  @BeforeAll
  void fiveStatesCounting() {
    pipeline = Pipeline.election(MeteredVertx.of(Vertx.vertx()), dataDir, 1, MAY2021);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 3 * 3600));
    operator = new OperatorClient(pipeline.http, pipeline.engine.apiPort(), pipeline.engine.operatorToken().value());
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  @Test
  void every_state_is_scraped_with_its_own_health_and_counts_on_its_own() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonObject parts = pipeline.health().getJsonObject("parts");
      for (ElectionData state : MAY2021.states()) {
        JsonObject scraper = parts.getJsonObject("scraper " + state.stateCode());
        assertThat(scraper).as(state.state()).isNotNull();
        if (state.seats().size() == state.finals().size()) {
          assertThat(scraper.getString("status")).as(state.state()).isEqualTo("ok");
        } else {
          // a seat with no result in the data (Tamil Nadu 50): its page has no candidates, and health says so, by name
          assertThat(scraper.getString("status")).as(state.state()).isEqualTo("degraded");
          int missing = state.seats().keySet().stream().filter(no -> !state.finals().containsKey(no)).findFirst()
              .orElseThrow();
          assertThat(scraper.getString("lastError")).contains(missing + " " + state.seats().get(missing).name());
        }
        assertThat(scraper.getJsonObject("details").getString("state")).isEqualTo(state.stateCode());
        JsonObject seats = pipeline.json("/api/states/" + state.stateCode() + "/summary").getJsonObject("seats");
        assertThat(seats.getInteger("counting") + seats.getInteger("declared")).as(state.state()).isPositive();
      }
    });
    assertThat(pipeline.health().getJsonObject("parts").containsKey("scraper")).isFalse();
  }

  @Test
  void a_scene_can_name_its_state_and_a_state_the_election_does_not_have_is_refused() {
    try (LiveEvents live = new LiveEvents(pipeline.engine.runtime().vertx(), pipeline.engine.apiPort())) {
      HttpResponse<Buffer> r = operator.post("/api/operator/scene", new JsonObject().put("scene", "full")
          .put("state", "S11"));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("scene", "full").put("state", "S11"));
      await().atMost(Duration.ofSeconds(5)).until(() -> live.named("scene")
          .contains(new JsonObject().put("scene", "full").put("state", "S11")));
    }
    assertThat(pipeline.json("/api/overlay").getString("sceneState")).isEqualTo("S11");
    HttpResponse<Buffer> bad = operator.post("/api/operator/scene", new JsonObject().put("scene", "full")
        .put("state", "S29"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error")).contains("S29").contains(String.join(", ", MAY2021.codes()));
  }

  @Test
  void the_rotation_turns_through_its_scenes_in_order_and_a_scene_chosen_by_hand_stops_it() {
    JsonArray steps = new JsonArray().add(new JsonObject().put("scene", "states"))
        .add(new JsonObject().put("scene", "full").put("state", "S03"))
        .add(new JsonObject().put("scene", "full").put("state", "U07"));
    try (LiveEvents live = new LiveEvents(pipeline.engine.runtime().vertx(), pipeline.engine.apiPort())) {
      HttpResponse<Buffer> on = operator.post("/api/operator/rotation", new JsonObject().put("steps", steps)
          .put("everySeconds", 5));
      assertThat(on.statusCode()).as(on.bodyAsString()).isEqualTo(200);
      assertThat(on.bodyAsJsonObject().getBoolean("on")).isTrue();
      // the first step at once, then one every 5 s, in order, round again
      await().atMost(Duration.ofSeconds(30)).until(() -> live.named("scene").size() >= 4);
      List<JsonObject> shown = live.named("scene").subList(0, 4);
      assertThat(shown).containsExactly(new JsonObject().put("scene", "states"),
          new JsonObject().put("scene", "full").put("state", "S03"),
          new JsonObject().put("scene", "full").put("state", "U07"), new JsonObject().put("scene", "states"));
      operator.post("/api/operator/scene", new JsonObject().put("scene", "tally").put("state", "S22"));
      assertThat(operator.call(io.vertx.core.http.HttpMethod.GET, "/api/operator/rotation", null).bodyAsJsonObject()
          .getBoolean("on")).isFalse();
    }
    HttpResponse<Buffer> bad = operator.post("/api/operator/rotation", new JsonObject().put("steps", steps)
        .put("everySeconds", 1));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error")).contains("'everySeconds'");
  }
}
