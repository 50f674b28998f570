package io.tallycast.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules an override must keep, over real HTTP against the real engine: a declaration has all its rounds done, a
 * declared seat goes back to counting only with the figures of a count, a body is UTF-8 JSON whose text is printable,
 * every error answer is JSON, and the reason goes on air without invisible controls. After each refusal nothing
 * stored has changed: the seat, the event log and the audit trail are as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTier
class OverrideRulesTest {
  @TempDir
  static Path dataDir;
  Pipeline pipeline;
  OperatorClient operator;
  List<JsonObject> counting;
  JsonObject declared;

  @BeforeAll
  void countingUnderWayWithSomeSeatsDeclared() {
    pipeline = Pipeline.start(MeteredVertx.of(Vertx.vertx()), dataDir, 1, c -> c);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 5 * 3600));
    // steady: the scraper has taken everything the paused site shows, so only the tests change what is stored
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(scraper.getString("status")).isEqualTo("ok");
      assertThat(scraper.getJsonObject("details").getJsonObject("lastCycle").getInteger("snapshotsAccepted")).isZero();
      assertThat(seats(declaredWithRounds())).isNotEmpty();
      assertThat(seats(countingWithRounds())).hasSizeGreaterThanOrEqualTo(3);
    });
    operator = new OperatorClient(pipeline.http, pipeline.engine.apiPort(), pipeline.engine.operatorToken().value());
    counting = seats(countingWithRounds());
    declared = seats(declaredWithRounds()).get(0);
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  @Test
  void a_declaration_with_rounds_still_to_count_is_refused_naming_the_rounds() {
    JsonObject seat = counting.get(0);
    int total = seat.getJsonObject("rounds").getInteger("total");
    String path = overridePath(seat);
    refusedAndNothingChanged(seat, () -> operator.post(path, body("declared").put("rounds", rounds(5, total))), 400,
        "a declared seat has all its rounds counted, but 'rounds' would be 5 of " + total);
    // done alone: the seat's stored total stands, and 5 of it is not all
    refusedAndNothingChanged(seat, () -> operator.post(path, body("declared").put("rounds", new JsonObject()
        .put("done", 5))), 400, "'rounds' would be 5 of " + total);

    JsonObject other = counting.get(1);
    int otherTotal = other.getJsonObject("rounds").getInteger("total");
    HttpResponse<Buffer> all = operator.post(overridePath(other), body("declared")
        .put("rounds", rounds(otherTotal, otherTotal)));
    assertThat(all.statusCode()).as(all.bodyAsString()).isEqualTo(200);
    assertThat(pipeline.json("/api/constituencies/" + other.getInteger("no")).getString("status"))
        .isEqualTo("declared");
    release(other);
  }

  @Test
  void a_declared_seat_goes_back_to_counting_only_with_the_figures_of_a_count() {
    String path = overridePath(declared);
    int total = declared.getJsonObject("rounds").getInteger("total");
    JsonArray zeroes = candidates(declared, c -> 0L);
    JsonArray asTheyStand = candidates(declared, c -> c.getLong("votes"));
    refusedAndNothingChanged(declared, () -> operator.post(path, body("counting").put("candidates", zeroes)
        .put("rounds", rounds(0, 0))), 400, "is declared: it goes back to counting only with the figures of a count, "
        + "and these have no votes and 0 of 0 rounds");
    refusedAndNothingChanged(declared, () -> operator.post(path, body("counting").put("candidates", asTheyStand)
        .put("rounds", rounds(0, 0))), 400, "and these have 0 of 0 rounds");
    refusedAndNothingChanged(declared, () -> operator.post(path, body("counting").put("candidates", zeroes)), 400,
        "and these have no votes");

    // a recount: counting again, with its votes as they stand and the last round open again
    HttpResponse<Buffer> recount = operator.post(path, body("counting").put("candidates", asTheyStand)
        .put("rounds", rounds(total - 1, total)));
    assertThat(recount.statusCode()).as(recount.bodyAsString()).isEqualTo(200);
    JsonObject now = pipeline.json("/api/constituencies/" + declared.getInteger("no"));
    assertThat(now.getString("status")).isEqualTo("counting");
    assertThat(now.getJsonObject("leader")).isEqualTo(declared.getJsonObject("leader"));
    release(declared); // and the site's declaration is back
  }

  @Test
  void a_body_that_is_not_valid_utf8_is_refused_before_it_is_read_as_json() {
    JsonObject seat = counting.get(0);
    String path = overridePath(seat);
    refusedAndNothingChanged(seat, () -> operator.post(path, bytes("{\"reason\":\"caf", 0xC3, 0x28,
        "\",\"status\":\"counting\"}")), 400, "the body is not valid UTF-8 (at byte offset 14: 0xC3)");
    // an encoded surrogate
    refusedAndNothingChanged(seat, () -> operator.post(path, bytes("{\"reason\":\"", 0xED, 0xA0, 0x80,
        "\",\"status\":\"counting\"}")), 400, "the body is not valid UTF-8 (at byte offset 11: 0xED");
    refusedAndNothingChanged(seat, () -> operator.post(path, bytes("{\"reason\":\"", 0xC0, 0xAF,
        "\",\"status\":\"counting\"}")), 400, "the body is not valid UTF-8"); // an overlong '/'
  }

  static Stream<Arguments> unprintableText() {
    // the JSON escapes are sent as they are written here: the server's parser makes the characters of them
    String candidate = "[{\"candidate\":\"%s\",\"party\":\"%s\",\"votes\":1}]";
    return Stream.of(
        Arguments.of("a NUL in the reason", "{\"reason\":\"RO\\u0000said\",\"status\":\"counting\"}",
            "'reason' must be printable text, but character 3 is U+0000, a control character"),
        Arguments.of("a lone high surrogate in the reason", "{\"reason\":\"RO \\ud800\",\"status\":\"counting\"}",
            "'reason' must be printable text, but character 4 is U+D800, half of a surrogate pair, alone"),
        Arguments.of("a lone low surrogate in a candidate",
            "{\"reason\":\"r\",\"status\":\"counting\",\"candidates\":" + candidate.formatted("A\\udc00", "BJP") + "}",
            "'candidates[0].candidate' must be printable text, but character 2 is U+DC00"),
        Arguments.of("a C1 control in a party",
            "{\"reason\":\"r\",\"status\":\"counting\",\"candidates\":" + candidate.formatted("A", "BJP\\u009b") + "}",
            "'candidates[0].party' must be printable text, but character 4 is U+009B, a control character"),
        Arguments.of("an escape in a field the API does not read", "{\"reason\":\"r\",\"status\":\"counting\","
            + "\"note\":\"\\u001b[2J\"}", "'note' must be printable text, but character 1 is U+001B"),
        Arguments.of("a NUL in a field name", "{\"reason\":\"r\",\"status\":\"counting\",\"x\\u0000\":1}",
            "a field name in the body must be printable text, but character 2 is U+0000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unprintableText")
  void unprintable_text_is_refused_naming_its_field(String name, String body, String message) {
    JsonObject seat = counting.get(0);
    refusedAndNothingChanged(seat, () -> operator.post(overridePath(seat), body), 400, message);
  }

  @Test
  void a_release_reason_is_checked_the_same_way() {
    JsonObject seat = counting.get(2);
    assertThat(operator.post(overridePath(seat), body("counting")).statusCode()).isEqualTo(200);
    refusedAndNothingChanged(seat, () -> operator.delete(overridePath(seat), "{\"reason\":\"done\\u0007\"}"), 400,
        "'reason' must be printable text, but character 5 is U+0007");
    release(seat);
  }

  @Test
  void every_error_answer_of_the_operator_routes_is_json() {
    JsonObject seat = counting.get(0);
    String path = overridePath(seat);
    String huge = body("counting").put("reason", "x".repeat(70 * 1024)).encode();
    refusedAndNothingChanged(seat, () -> operator.post(path, huge), 413, "the body is larger than 64 KiB");
    refusedAndNothingChanged(seat, () -> operator.raw(HttpMethod.POST, path, "text/plain",
        Buffer.buffer(body("declared").encode())), 415, "'Content-Type: application/json', not 'text/plain'");
    refusedAndNothingChanged(seat, () -> operator.raw(HttpMethod.POST, path, null,
        Buffer.buffer(body("declared").encode())), 415, "not '(none)'");
    refusedAndNothingChanged(seat, () -> operator.raw(HttpMethod.POST, path, "application/json; charset=iso-8859-1",
        Buffer.buffer(body("declared").encode())), 415, "the body must be JSON in UTF-8");
    refusedAndNothingChanged(seat, () -> operator.post("/api/operator/seats/" + seat.getInteger("no") + "/overide",
        body("declared")), 404, "no operator route /api/operator/seats/" + seat.getInteger("no") + "/overide");
    refusedAndNothingChanged(seat, () -> operator.put(path, body("declared")), 405,
        "PUT is not a method of " + path);
    refusedAndNothingChanged(seat, () -> operator.post("/api/operator/overrides", body("declared")), 405,
        "POST is not a method of /api/operator/overrides");
    // outside the operator's routes the router answers as before
    HttpResponse<Buffer> elsewhere = pipeline.get("/no-such-page");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
  }

  @Test
  void a_reason_goes_on_air_without_bidi_controls_but_with_the_zwj_bengali_spells_with() {
    JsonObject seat = counting.get(2);
    int no = seat.getInteger("no");
    String rally = "\u09B0\u200D\u09CD\u09AF\u09BE\u09B2\u09BF"; // র‍্যালি
    String sent = "\u202ERO\u202C \u2067" + rally + "\u2069\u200F  \u09AD\u09C7\u09BE\u099F\n\u2066ok\u2069";
    String shown = "RO " + rally + " \u09AD\u09CB\u099F ok"; // controls gone, ZWJ kept, ভোট in NFC, one line
    long lastEvent = lastEventId();
    HttpResponse<Buffer> response = operator.post(overridePath(seat), body("counting").put("reason", sent));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonObject("override").getString("reason")).isEqualTo(shown);
    assertThat(pipeline.json("/api/constituencies/" + no).getJsonObject("overridden").getString("reason"))
        .isEqualTo(shown).contains("\u200D");
    assertThat(pipeline.array("/api/events?after=" + lastEvent + "&type=seat.overridden").getJsonObject(0)
        .getString("reason")).isEqualTo(shown);
    assertThat(operator.overrides().getJsonObject(0).getString("reason")).isEqualTo(shown);

    // a reason of nothing but invisible characters is no reason
    refusedAndNothingChanged(seat, () -> operator.delete(overridePath(seat),
        new JsonObject().put("reason", "\u202E\u2066\u200E ")), 400, "'reason' is required");
    HttpResponse<Buffer> released = operator.delete(overridePath(seat),
        new JsonObject().put("reason", "\u2067" + rally + "\u2069"));
    assertThat(released.statusCode()).as(released.bodyAsString()).isEqualTo(200);
    assertThat(released.bodyAsJsonObject().getJsonObject("override").getString("releaseReason")).isEqualTo(rally);
    awaitSiteFigures(seat);
  }

  private void refusedAndNothingChanged(JsonObject seat, Supplier<HttpResponse<Buffer>> call, int status,
                                        String message) {
    String one = "/api/constituencies/" + seat.getInteger("no");
    JsonObject before = pipeline.json(one);
    JsonArray events = pipeline.array("/api/events?after=0");
    JsonArray trail = operator.overrides();
    HttpResponse<Buffer> response = call.get();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(response.bodyAsJsonObject().getString("error")).contains(message);
    assertThat(pipeline.json(one)).isEqualTo(before);
    assertThat(pipeline.array("/api/events?after=0")).isEqualTo(events);
    assertThat(operator.overrides()).isEqualTo(trail);
  }

  /** Releases the seat and waits until the site's figures are back, so the next test starts from what it shows. */
  private void release(JsonObject seat) {
    HttpResponse<Buffer> released = operator.delete(overridePath(seat), new JsonObject().put("reason", "test done"));
    assertThat(released.statusCode()).as(released.bodyAsString()).isEqualTo(200);
    awaitSiteFigures(seat);
  }

  private void awaitSiteFigures(JsonObject seat) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pipeline.array("/api/constituencies")
        .getJsonObject(seat.getInteger("no") - 1)).isEqualTo(seat));
  }

  private List<JsonObject> seats(Predicate<JsonObject> which) {
    return pipeline.array("/api/constituencies").stream().map(JsonObject.class::cast).filter(which).toList();
  }

  private static Predicate<JsonObject> countingWithRounds() {
    return c -> "counting".equals(c.getString("status")) && c.getJsonObject("runnerUp") != null
        && c.getJsonObject("rounds").getInteger("total") > 6
        && c.getJsonObject("rounds").getInteger("done") < c.getJsonObject("rounds").getInteger("total");
  }

  private static Predicate<JsonObject> declaredWithRounds() {
    return c -> "declared".equals(c.getString("status")) && c.getJsonObject("rounds").getInteger("total") > 1;
  }

  private JsonArray candidates(JsonObject seat, java.util.function.Function<JsonObject, Long> votes) {
    JsonArray out = new JsonArray();
    pipeline.json("/api/constituencies/" + seat.getInteger("no")).getJsonArray("candidates").stream()
        .map(JsonObject.class::cast).forEach(c -> out.add(new JsonObject().put("candidate", c.getString("candidate"))
            .put("party", c.getString("party")).put("votes", votes.apply(c))));
    return out;
  }

  private long lastEventId() {
    JsonArray events = pipeline.array("/api/events?after=0");
    return events.getJsonObject(events.size() - 1).getLong("id");
  }

  private static String overridePath(JsonObject seat) {
    return "/api/operator/seats/" + seat.getInteger("no") + "/override";
  }

  private static JsonObject body(String status) {
    return new JsonObject().put("reason", "checking the rules").put("status", status);
  }

  private static JsonObject rounds(int done, int total) {
    return new JsonObject().put("done", done).put("total", total);
  }

  /** Text and raw bytes in order: a body with bytes no encoder would write. */
  private static Buffer bytes(Object... parts) {
    Buffer out = Buffer.buffer();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.appendString(s);
      } else {
        out.appendByte((byte) (int) (Integer) part);
      }
    }
    return out;
  }
}
