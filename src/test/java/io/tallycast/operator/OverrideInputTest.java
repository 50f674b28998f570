package io.tallycast.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.support.Pipeline;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad override or release gets a 400 (404, 409) whose message names the problem, and nothing is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverrideInputTest {
  @TempDir
  static Path dataDir;
  Pipeline pipeline;
  OperatorClient operator;
  int seat;
  JsonObject leader;
  JsonObject runnerUp;

  @BeforeAll
  void countingUnderWay() {
    pipeline = Pipeline.start(MeteredVertx.of(Vertx.vertx()), dataDir, 1, c -> c);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 3 * 3600));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("counting") > 0);
    operator = new OperatorClient(pipeline.http, pipeline.engine.apiPort(), pipeline.engine.operatorToken().value());
    JsonObject counting = pipeline.array("/api/constituencies").stream().map(JsonObject.class::cast)
        .filter(c -> "counting".equals(c.getString("status")) && c.getJsonObject("runnerUp") != null)
        .findFirst().orElseThrow();
    seat = counting.getInteger("no");
    leader = counting.getJsonObject("leader");
    runnerUp = counting.getJsonObject("runnerUp");
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  static Stream<Arguments> badOverrides() {
    return Stream.of(
        Arguments.of("no reason", "{\"status\":\"declared\"}", "'reason' is required"),
        Arguments.of("blank reason", "{\"reason\":\"  \",\"status\":\"declared\"}", "'reason' is required"),
        Arguments.of("reason too long", new JsonObject().put("reason", "x".repeat(501)).put("status", "declared")
            .encode(), "'reason' is at most 500 characters (this one has 501)"),
        Arguments.of("reason not text", "{\"reason\":5,\"status\":\"declared\"}", "'reason' must be text"),
        Arguments.of("no status", "{\"reason\":\"r\"}", "'status' is required: counting or declared"),
        Arguments.of("unknown status", "{\"reason\":\"r\",\"status\":\"won\"}",
            "'status' must be counting or declared, not 'won'"),
        Arguments.of("awaiting status", "{\"reason\":\"r\",\"status\":\"awaiting\"}",
            "'status' must be counting or declared"),
        Arguments.of("not JSON", "{\"reason\":", "the body is not valid JSON"),
        Arguments.of("not an object", "[1,2]", "the body must be a JSON object"),
        Arguments.of("candidates not a list", "{\"reason\":\"r\",\"status\":\"counting\",\"candidates\":{}}",
            "'candidates' must be a list"),
        Arguments.of("candidate not an object", "{\"reason\":\"r\",\"status\":\"counting\",\"candidates\":[7]}",
            "'candidates[0]' must be {"),
        Arguments.of("candidate without party", "{\"reason\":\"r\",\"status\":\"counting\",\"candidates\":"
            + "[{\"candidate\":\"A\",\"votes\":1}]}", "'candidates[0]' needs a 'candidate' name and a 'party'"),
        Arguments.of("votes missing", "{\"reason\":\"r\",\"status\":\"counting\",\"candidates\":"
            + "[{\"candidate\":\"A\",\"party\":\"BJP\"}]}", "'candidates[0].votes' is required"),
        Arguments.of("negative votes", "{\"reason\":\"r\",\"status\":\"counting\",\"candidates\":"
            + "[{\"candidate\":\"A\",\"party\":\"BJP\",\"votes\":-1}]}",
            "'candidates[0].votes' must be a whole number"),
        Arguments.of("fractional votes", "{\"reason\":\"r\",\"status\":\"counting\",\"candidates\":"
            + "[{\"candidate\":\"A\",\"party\":\"BJP\",\"votes\":1.5}]}",
            "'candidates[0].votes' must be a whole number"),
        Arguments.of("votes as text", "{\"reason\":\"r\",\"status\":\"counting\",\"candidates\":"
            + "[{\"candidate\":\"A\",\"party\":\"BJP\",\"votes\":\"12\"}]}",
            "'candidates[0].votes' must be a whole number"),
        Arguments.of("rounds not an object", "{\"reason\":\"r\",\"status\":\"counting\",\"rounds\":5}",
            "'rounds' must be {\"done\": n, \"total\": n}"),
        Arguments.of("rounds impossible",
            "{\"reason\":\"r\",\"status\":\"counting\",\"rounds\":{\"done\":9,\"total\":8}}",
            "rounds done 9 of 8 total is impossible"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOverrides")
  void a_bad_override_is_a_400_naming_the_problem_and_stores_nothing(String name, String body, String message) {
    assertRefused(() -> operator.post("/api/operator/seats/" + seat + "/override", body), 400, message);
  }

  @Test
  void candidates_must_be_the_seats_own_listed_once_and_a_declared_seat_needs_a_single_leader() {
    String path = "/api/operator/seats/" + seat + "/override";
    assertRefused(() -> operator.post(path, override("declared", candidate("NOBODY", leader.getString("party"), 5))),
        400, "has no candidate 'NOBODY' (" + leader.getString("party") + ")");
    assertRefused(() -> operator.post(path, override("declared", candidate(leader.getString("candidate"), "NOTA", 5))),
        400, "has no candidate '" + leader.getString("candidate") + "' (NOTA)");
    JsonObject twice = candidate(leader.getString("candidate"), leader.getString("party"), 5);
    assertRefused(() -> operator.post(path, override("counting", twice, twice)), 400, "is listed twice");
    long top = leader.getLong("votes");
    assertRefused(() -> operator.post(path, override("declared",
            candidate(runnerUp.getString("candidate"), runnerUp.getString("party"), top))), 400,
        "a declared seat needs a single leader");
  }

  @Test
  void an_unknown_seat_is_a_404_and_a_bad_seat_number_a_400() {
    assertRefused(() -> operator.post("/api/operator/seats/999/override", override("declared")), 404,
        "no constituency numbered 999");
    assertRefused(() -> operator.post("/api/operator/seats/abc/override", override("declared")), 400,
        "'no' must be a seat number, not 'abc'");
  }

  @Test
  void a_release_needs_a_reason_and_an_overridden_seat() {
    String path = "/api/operator/seats/" + seat + "/override";
    assertRefused(() -> operator.delete(path, null), 400, "'reason' is required: say why the seat is released");
    assertRefused(() -> operator.delete(path, new JsonObject().put("reason", "done")), 409, "is not overridden");
    assertRefused(() -> operator.delete("/api/operator/seats/999/override", new JsonObject().put("reason", "done")),
        404, "no constituency numbered 999");
  }

  private JsonObject override(String status, JsonObject... candidates) {
    JsonObject body = new JsonObject().put("reason", "checking the console").put("status", status);
    return candidates.length == 0 ? body : body.put("candidates", new JsonArray(java.util.List.of(candidates)));
  }

  private static JsonObject candidate(String name, String party, long votes) {
    return new JsonObject().put("candidate", name).put("party", party).put("votes", votes);
  }

  private void assertRefused(java.util.function.Supplier<HttpResponse<Buffer>> call, int status, String message) {
    JsonObject before = pipeline.json("/api/constituencies/" + seat);
    JsonArray events = pipeline.array("/api/events?after=0");
    HttpResponse<Buffer> response = call.get();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).contains(message);
    assertThat(pipeline.json("/api/constituencies/" + seat)).isEqualTo(before);
    assertThat(pipeline.array("/api/events?after=0")).isEqualTo(events);
    assertThat(operator.overrides()).isEmpty();
  }
}
