package io.tallycast.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.support.Pipeline;
import io.tallycast.support.RootLog;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may use /api/operator/...: only a caller with the token (401 otherwise, and nothing changes); the token never
 * appears in a log line or an answer. Also the public overlay settings and, in a run without a stream, the stream
 * part's "off" form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorAccessTest {
  @TempDir
  static Path dataDir;
  RootLog log;
  Pipeline pipeline;
  OperatorClient operator;
  final List<String> answers = new ArrayList<>();

  @BeforeAll
  void countingUnderWay() {
    log = new RootLog();
    pipeline = Pipeline.start(MeteredVertx.of(Vertx.vertx()), dataDir, 1, c -> c, Pipeline.WEST_BENGAL, false);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 3 * 3600));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("counting") > 0);
    operator = new OperatorClient(pipeline.http, pipeline.engine.apiPort(), pipeline.engine.operatorToken().value());
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
    String token = pipeline.engine.operatorToken().value();
    log.close();
    assertThat(log.lines()).isNotEmpty().noneMatch(line -> line.contains(token));
    assertThat(answers).isNotEmpty().noneMatch(body -> body.contains(token));
  }

  private HttpResponse<Buffer> keep(HttpResponse<Buffer> response) {
    answers.add(response.headers().toString() + response.bodyAsString());
    return response;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET, /api/operator/check",
      "POST, /api/operator/seats/12/override",
      "DELETE, /api/operator/seats/12/override",
      "GET, /api/operator/overrides",
      "POST, /api/operator/scraper/pause",
      "POST, /api/operator/scene",
      "POST, /api/operator/overlay/options",
      "POST, /api/operator/stream/start",
      "GET, /api/operator/replay/faults",
      "PUT, /api/operator/replay/faults/http-500",
      "GET, /api/operator/no-such-route"})
  void every_operator_route_answers_401_without_the_token_or_with_a_wrong_one_and_changes_nothing(String method,
      String path) {
    JsonObject seat = pipeline.json("/api/constituencies/12");
    JsonObject body = new JsonObject().put("reason", "test").put("status", "declared").put("scene", "map")
        .put("watchingNow", true);
    HttpResponse<Buffer> none = keep(operator.withToken(null).call(HttpMethod.valueOf(method), path, body));
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(none.bodyAsJsonObject().getString("error")).startsWith("operator token missing")
        .contains("Authorization: Bearer");

    String wrong = pipeline.engine.operatorToken().value().substring(1) + "A";
    HttpResponse<Buffer> guessed = keep(operator.withToken(wrong).call(HttpMethod.valueOf(method), path, body));
    assertThat(guessed.statusCode()).isEqualTo(401);
    assertThat(guessed.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(guessed.bodyAsJsonObject().getString("error")).startsWith("operator token wrong");

    assertThat(pipeline.json("/api/constituencies/12")).isEqualTo(seat);
    assertThat(operator.overrides()).isEmpty();
    assertThat(pipeline.json("/api/overlay").getString("scene")).isEqualTo("full");
    assertThat(pipeline.json("/api/overlay").getBoolean("watchingNow")).isFalse();
    assertThat(pipeline.scraperHealth().getJsonObject("details").getBoolean("paused")).isFalse();
  }

  @Test
  void with_the_token_the_check_answers_ok() {
    HttpResponse<Buffer> check = keep(operator.get("/api/operator/check"));
    assertThat(check.statusCode()).isEqualTo(200);
    assertThat(check.bodyAsJsonObject()).isEqualTo(new JsonObject().put("ok", true));
  }

  @Test
  void the_overlay_settings_are_public_with_the_demo_texts_and_the_election_size() {
    HttpResponse<Buffer> overlay = keep(pipeline.get("/api/overlay"));
    assertThat(overlay.statusCode()).isEqualTo(200);
    assertThat(overlay.bodyAsJsonObject()).isEqualTo(new JsonObject().put("scene", "full").putNull("sceneState")
        .put("watchingNow", false).put("title", "West Bengal Assembly Election 2021")
        .put("subtitle", "পশ্চিমবঙ্গ বিধানসভা নির্বাচন ২০২১")
        .put("logo", "/overlay/logo.svg").put("state", "West Bengal").put("seats", 294).put("majority", 148));
    assertThat(pipeline.get("/api/overlay/logo").statusCode()).isEqualTo(404);
  }

  @Test
  void the_health_board_shows_the_stream_part_stopped_with_its_fields_and_stays_healthy() {
    HttpResponse<Buffer> response = keep(pipeline.get("/api/health"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject health = response.bodyAsJsonObject();
    assertThat(health.getString("status")).isEqualTo("ok");
    JsonObject stream = health.getJsonObject("parts").getJsonObject("stream");
    assertThat(stream.getString("status")).isEqualTo("stopped");
    assertThat(stream.getJsonObject("details")).isEqualTo(new JsonObject().put("state", "off").put("fps", 0)
        .put("bitrate", 0).put("dropped", 0).put("repeated", 0).put("reconnects", 0).put("uptimeSeconds", 0)
        .put("pictureAgeSeconds", 0).put("recentDropped", 0).put("recentRepeated", 0)
        .put("destinations", new JsonArray()));
  }

  @Test
  void starting_or_stopping_the_stream_is_refused_until_it_exists() {
    for (String action : List.of("start", "stop")) {
      HttpResponse<Buffer> response = keep(operator.post("/api/operator/stream/" + action, null));
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.bodyAsJsonObject().getString("error")).startsWith("this run has no stream to start or stop");
    }
  }

  @Test
  void the_fault_switches_exist_only_in_the_demo() {
    for (HttpResponse<Buffer> response : List.of(operator.get("/api/operator/replay/faults"),
        operator.put("/api/operator/replay/faults/http-500", null),
        operator.delete("/api/operator/replay/faults/http-500", null),
        operator.delete("/api/operator/replay/faults", null))) {
      keep(response);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("fault switches exist only in the demo");
    }
  }
}
