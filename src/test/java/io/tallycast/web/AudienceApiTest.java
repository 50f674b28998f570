package io.tallycast.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.ViewerReading;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.operator.OperatorApi;
import io.tallycast.operator.OperatorToken;
import io.tallycast.operator.OverlayConfig;
import io.tallycast.operator.OverlaySettings;
import io.tallycast.store.NightRecord;
import io.tallycast.store.ResultsReader;
import io.tallycast.store.StoreVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audience as the console and the overlay read it: {@code GET /api/audience} from a real store fed on the bus,
 * the live channel's {@code audience} and {@code overlay.options} events, and the operator's "watching now" switch.
 */
@ExtendWith(VertxExtension.class)
class AudienceApiTest {
  private static final ElectionData WB = ElectionData.westBengal2021();
  private static final Instant T = Instant.parse("2026-05-04T06:00:00Z");

  @TempDir
  Path dir;
  private Vertx vertx;
  private ResultsReader reader;
  private NightRecord night;
  private OperatorToken token;
  private WebClient client;
  private int port;

  @BeforeEach
  void anApiOnARealStore(Vertx vertx) {
    this.vertx = vertx;
    StoreVerticle.deploy(vertx, dir, WB).await();
    reader = ResultsReader.open(dir);
    night = NightRecord.open(dir);
    token = OperatorToken.loadOrCreate(dir);
    port = deployApi();
    client = WebClient.create(vertx);
  }

  private int deployApi() {
    OperatorApi operator = new OperatorApi(token, OverlaySettings.load(dir, OverlayConfig.demo(), WB.stateCode(),
        WB.seats().size(), WB.majority()), Optional.empty());
    ApiVerticle api = new ApiVerticle(WebConfig.on(0), Election.of(WB), reader, Optional.empty(), Map.of(),
        Optional.of(operator), Optional.of(night));
    vertx.deployVerticle(api).await();
    return api.port();
  }

  @AfterEach
  void close() {
    night.close();
    reader.close();
  }

  private void publish(ViewerReading... readings) {
    for (ViewerReading r : readings) {
      Bus.of(vertx).publish(Contract.VIEWERS, r);
    }
  }

  private JsonObject audience() {
    HttpResponse<Buffer> response = client.get(port, "127.0.0.1", "/api/audience").send().await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    return response.bodyAsJsonObject();
  }

  /** The answer once the store has the reading of that time (the store keeps readings in the order they came). */
  private JsonObject audienceAt(Instant newest) {
    await().atMost(Duration.ofSeconds(20)).until(() -> newest.toString().equals(audience().getString("at")));
    return audience();
  }

  private static JsonObject point(JsonArray series, int i) {
    return series.getJsonObject(i);
  }

  @Test
  void a_run_without_any_audience_answers_no_platforms_no_total_and_no_series() {
    JsonObject answer = audience();
    assertThat(answer.getJsonArray("platforms")).isEmpty();
    assertThat(answer.containsKey("total")).isTrue();
    assertThat(answer.getValue("total")).isNull();
    assertThat(answer.getJsonArray("series")).isEmpty();
  }

  @Test
  void each_platforms_newest_figure_the_total_of_the_live_ones_and_a_series_holding_each_figure_are_answered() {
    publish(ViewerReading.live("youtube", T, 1_000), ViewerReading.live("facebook", T.plusSeconds(30), 200),
        ViewerReading.live("youtube", T.plusSeconds(60), 1_500));
    JsonObject answer = audienceAt(T.plusSeconds(60));

    assertThat(answer.getLong("total")).isEqualTo(1_700);
    JsonArray platforms = answer.getJsonArray("platforms");
    assertThat(platforms).hasSize(2);
    assertThat(platforms.getJsonObject(0)).isEqualTo(new JsonObject().put("platform", "facebook").put("state", "live")
        .put("viewers", 200).put("at", T.plusSeconds(30).toString()).put("note", null));
    assertThat(platforms.getJsonObject(1).getInteger("viewers")).isEqualTo(1_500);

    JsonArray series = answer.getJsonArray("series");
    assertThat(series).hasSize(3);
    assertThat(point(series, 0)).isEqualTo(new JsonObject().put("at", T.toString()).put("total", 1_000)
        .put("byPlatform", new JsonObject().put("youtube", 1_000)));
    assertThat(point(series, 1).getLong("total")).isEqualTo(1_200);
    assertThat(point(series, 1).getJsonObject("byPlatform"))
        .isEqualTo(new JsonObject().put("facebook", 200).put("youtube", 1_000));
    assertThat(point(series, 2).getLong("total")).isEqualTo(1_700);
  }

  @Test
  void hidden_ended_and_failed_platforms_show_their_note_and_add_nothing_to_the_total() {
    publish(ViewerReading.live("youtube", T, 4_000),
        ViewerReading.without("facebook", T.plusSeconds(10), ViewerReading.Kind.HIDDEN, "the page hides its count"),
        ViewerReading.without("twitch", T.plusSeconds(20), ViewerReading.Kind.FAILED, "quota exceeded (403)"));
    JsonObject answer = audienceAt(T.plusSeconds(20));
    assertThat(answer.getLong("total")).isEqualTo(4_000);
    JsonArray platforms = answer.getJsonArray("platforms");
    assertThat(platforms.stream().map(p -> ((JsonObject) p).getString("state"))).containsExactly("hidden", "failed",
        "live");
    assertThat(platforms.getJsonObject(0).getValue("viewers")).isNull();
    assertThat(platforms.getJsonObject(0).getString("note")).isEqualTo("the page hides its count");
    assertThat(platforms.getJsonObject(1).getString("note")).isEqualTo("quota exceeded (403)");
    JsonArray series = answer.getJsonArray("series");
    assertThat(series.stream().map(p -> ((JsonObject) p).getLong("total"))).containsOnly(4_000L);

    publish(ViewerReading.without("youtube", T.plusSeconds(30), ViewerReading.Kind.ENDED, "the broadcast is over"));
    JsonObject over = audienceAt(T.plusSeconds(30));
    assertThat(over.containsKey("total")).isTrue();
    assertThat(over.getValue("total")).isNull();
    JsonObject last = over.getJsonArray("series").getJsonObject(over.getJsonArray("series").size() - 1);
    assertThat(last.getValue("total")).isNull();
    assertThat(last.getJsonObject("byPlatform")).isEmpty();
  }

  @Test
  void a_note_with_markup_comes_back_as_plain_json_text() {
    String note = "<script>alert('x')</script> & \"quoted\"";
    publish(ViewerReading.without("youtube", T, ViewerReading.Kind.FAILED, note));
    HttpResponse<Buffer> response = await().atMost(Duration.ofSeconds(20)).until(
        () -> client.get(port, "127.0.0.1", "/api/audience").send().await(),
        r -> r.bodyAsJsonObject().getJsonArray("platforms").size() == 1);
    assertThat(response.bodyAsJsonObject().getJsonArray("platforms").getJsonObject(0).getString("note"))
        .isEqualTo(note);
    assertThat(response.bodyAsString()).doesNotContain("&lt;").doesNotContain("&amp;");
  }

  @Test
  void the_series_covers_the_last_hour_holding_figures_read_before_it_and_is_thinned_to_at_most_240_points() {
    Instant end = T.plus(Duration.ofMinutes(200));
    publish(ViewerReading.live("youtube", end.minus(Duration.ofMinutes(70)), 500),
        ViewerReading.live("twitch", end.minus(Duration.ofMinutes(30)), 100), ViewerReading.live("youtube", end, 700));
    JsonArray series = audienceAt(end).getJsonArray("series");
    assertThat(series).hasSize(2);
    assertThat(point(series, 0).getString("at")).isEqualTo(end.minus(Duration.ofMinutes(30)).toString());
    assertThat(point(series, 0).getLong("total")).isEqualTo(600); // youtube's 500, held from before the hour
    assertThat(point(series, 1).getLong("total")).isEqualTo(800);

    Instant start = end.plusSeconds(5);
    for (int i = 0; i < 600; i++) { // one every 5 s for 50 minutes
      publish(ViewerReading.live("youtube", start.plusSeconds(5L * i), 1_000 + i));
    }
    Instant newest = start.plusSeconds(5L * 599);
    JsonArray thinned = audienceAt(newest).getJsonArray("series");
    assertThat(thinned.size()).isBetween(200, AudienceAnswer.MAX_POINTS);
    assertThat(point(thinned, thinned.size() - 1).getString("at")).isEqualTo(newest.toString());
    assertThat(point(thinned, thinned.size() - 1).getLong("total")).isEqualTo(1_599 + 100);
    assertThat(thinned.stream().map(p -> Instant.parse(((JsonObject) p).getString("at")))).isSorted()
        .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(newest.minus(AudienceAnswer.WINDOW)));
  }

  @Test
  void the_live_channel_pushes_every_reading_as_an_audience_event_shaped_like_the_api() {
    List<JsonObject> events = listen("audience");
    publish(ViewerReading.live("youtube", T, 18_250),
        ViewerReading.without("facebook", T, ViewerReading.Kind.FAILED, "<b>token expired</b>"));
    await().atMost(Duration.ofSeconds(20)).until(() -> events.size() == 2);
    assertThat(events.get(0)).isEqualTo(new JsonObject().put("platform", "youtube").put("state", "live")
        .put("viewers", 18_250).put("at", T.toString()).put("note", null));
    assertThat(events.get(1).getString("state")).isEqualTo("failed");
    assertThat(events.get(1).getString("note")).isEqualTo("<b>token expired</b>");
    assertThat(events.get(1).getValue("viewers")).isNull();
  }

  @Test
  void watching_now_is_off_by_default_and_the_operator_turns_it_on_saved_pushed_and_kept_over_a_restart() {
    assertThat(overlay().getBoolean("watchingNow")).isFalse();
    List<JsonObject> pushed = listen("overlay.options");

    HttpResponse<Buffer> on = options(token.value(), "{\"watchingNow\": true}");
    assertThat(on.statusCode()).as(on.bodyAsString()).isEqualTo(200);
    assertThat(on.bodyAsJsonObject()).isEqualTo(new JsonObject().put("watchingNow", true));
    assertThat(overlay().getBoolean("watchingNow")).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> !pushed.isEmpty());
    assertThat(pushed.get(0)).isEqualTo(new JsonObject().put("watchingNow", true));

    // a scene saved afterwards keeps the option in the file, and a new start reads both
    HttpResponse<Buffer> scene = client.post(port, "127.0.0.1", "/api/operator/scene")
        .putHeader("Authorization", "Bearer " + token.value()).sendJsonObject(new JsonObject().put("scene", "map"))
        .await();
    assertThat(scene.statusCode()).as(scene.bodyAsString()).isEqualTo(200);
    OverlaySettings reloaded = OverlaySettings.load(dir, OverlayConfig.demo(), WB.stateCode(), WB.seats().size(),
        WB.majority());
    assertThat(reloaded.options().watchingNow()).isTrue();
    assertThat(reloaded.scene()).isEqualTo("map");

    port = deployApi();
    assertThat(overlay().getBoolean("watchingNow")).isTrue();
    assertThat(options(token.value(), "{\"watchingNow\": false}").statusCode()).isEqualTo(200);
    assertThat(overlay().getBoolean("watchingNow")).isFalse();
  }

  @Test
  void the_watching_now_switch_needs_the_token_and_a_bad_request_changes_nothing() throws Exception {
    assertThat(options(null, "{\"watchingNow\": true}").statusCode()).isEqualTo(401);
    assertThat(options("not-the-token", "{\"watchingNow\": true}").statusCode()).isEqualTo(401);
    assertThat(overlay().getBoolean("watchingNow")).isFalse();

    for (String bad : List.of("{\"watchingNow\": \"yes\"}", "{\"watchingNow\": 1}", "{\"watchingNow\": null}",
        "{\"tickerOff\": true}", "{}", "[true]", "{\"watchingNow\": tru")) {
      HttpResponse<Buffer> refused = options(token.value(), bad);
      assertThat(refused.statusCode()).as(bad + " -> " + refused.bodyAsString()).isEqualTo(400);
      assertThat(refused.bodyAsJsonObject().getString("error")).isNotBlank();
    }
    assertThat(options(token.value(), "{\"watchingNow\": \"yes\"}").bodyAsJsonObject().getString("error"))
        .contains("'watchingNow'").contains("true or false");
    assertThat(overlay().getBoolean("watchingNow")).isFalse();
    assertThat(Files.exists(dir.resolve(OverlaySettings.FILE))).isFalse();
  }

  private JsonObject overlay() {
    return client.get(port, "127.0.0.1", "/api/overlay").send().await().bodyAsJsonObject();
  }

  private HttpResponse<Buffer> options(String bearer, String body) {
    var request = client.post(port, "127.0.0.1", "/api/operator/overlay/options")
        .putHeader("Content-Type", "application/json");
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return request.sendBuffer(Buffer.buffer(body)).await();
  }

  /** The data of every event of that name /api/live sends from now on. */
  private List<JsonObject> listen(String event) {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    StringBuilder pending = new StringBuilder();
    HttpClient http = vertx.createHttpClient();
    http.request(new RequestOptions().setMethod(HttpMethod.GET).setPort(port).setHost("127.0.0.1")
            .setURI("/api/live"))
        .compose(req -> req.send()).onSuccess(response -> response.handler(chunk -> {
          pending.append(chunk.toString());
          int end;
          while ((end = pending.indexOf("\n\n")) >= 0) {
            String frame = pending.substring(0, end);
            pending.delete(0, end + 2);
            if (frame.contains("event: " + event + "\n")) {
              received.add(new JsonObject(frame.substring(frame.indexOf("data: ") + 6)));
            }
          }
        })).await();
    return received;
  }
}
