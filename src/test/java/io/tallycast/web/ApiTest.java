package io.tallycast.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP contract the overlay, the console and acceptance checks rely on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTier
class ApiTest {
  @TempDir
  static Path dataDir;
  MeteredVertx runtime;
  Pipeline pipeline;

  @BeforeAll
  void countingHalfDone() {
    runtime = MeteredVertx.create();
    pipeline = Pipeline.start(runtime, dataDir, 1, c -> c);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 5 * 3600));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("declared") > 0);
    // the scraper reports after its cycle's checks, a moment after the store has the data
    await().atMost(Duration.ofSeconds(30)).until(() -> "ok".equals(pipeline.health().getString("status")));
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  @Test
  void summary_has_the_contract_fields() {
    JsonObject summary = pipeline.summary();
    assertThat(summary.fieldNames()).contains("seats", "majority", "parties", "updatedAt");
    assertThat(summary.getJsonObject("seats").fieldNames())
        .containsExactlyInAnyOrder("total", "declared", "counting", "awaiting");
    JsonObject party = summary.getJsonArray("parties").getJsonObject(0);
    assertThat(party.fieldNames()).contains("party", "name", "color", "won", "leading", "votes", "voteShare", "change");
  }

  @Test
  void constituencies_have_the_contract_fields_and_one_adds_every_candidate() {
    JsonArray all = pipeline.array("/api/constituencies");
    assertThat(all).hasSize(294);
    JsonObject counting = all.stream().map(JsonObject.class::cast)
        .filter(c -> !"awaiting".equals(c.getString("status"))).findFirst().orElseThrow();
    assertThat(counting.fieldNames())
        .contains("no", "name", "district", "status", "rounds", "leader", "runnerUp", "margin", "past");
    assertThat(counting.getJsonObject("rounds").fieldNames()).containsExactlyInAnyOrder("done", "total");
    assertThat(counting.getJsonObject("leader").fieldNames()).contains("candidate", "party", "votes");
    JsonObject one = pipeline.json("/api/constituencies/" + counting.getInteger("no"));
    assertThat(one.getJsonArray("candidates")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void bad_requests_get_a_clear_400_and_unknown_seats_a_404() {
    assertThat(pipeline.get("/api/constituencies/abc").statusCode()).isEqualTo(400);
    assertThat(pipeline.get("/api/constituencies/abc").bodyAsJsonObject().getString("error")).contains("'no'");
    assertThat(pipeline.get("/api/constituencies/999").statusCode()).isEqualTo(404);
    assertThat(pipeline.get("/api/events?after=x").statusCode()).isEqualTo(400);
    assertThat(pipeline.get("/api/events?type=seat.declared,seat.exploded").statusCode()).isEqualTo(400);
    assertThat(pipeline.get("/api/events?type=seat.exploded").bodyAsJsonObject().getString("error"))
        .contains("'seat.exploded'").contains("seat.declared");
  }

  @Test
  void events_can_be_read_after_an_id_and_filtered_by_type() {
    JsonArray declared = pipeline.array("/api/events?after=0&type=seat.declared");
    assertThat(declared).isNotEmpty().allSatisfy(e -> assertThat(((JsonObject) e).getString("type"))
        .isEqualTo("seat.declared"));
    JsonObject first = declared.getJsonObject(0);
    assertThat(first.fieldNames()).contains("id", "type", "seat", "at", "winner", "margin", "result", "text");
    JsonArray later = pipeline.array("/api/events?after=" + first.getLong("id") + "&limit=5");
    assertThat(later).hasSizeLessThanOrEqualTo(5)
        .allSatisfy(e -> assertThat(((JsonObject) e).getLong("id")).isGreaterThan(first.getLong("id")));
  }

  @Test
  void health_shows_each_part_and_the_age_of_the_data() {
    JsonObject health = pipeline.health();
    assertThat(health.getString("status")).as(health.encodePrettily()).isEqualTo("ok");
    assertThat(health.getJsonObject("parts").fieldNames()).contains("scraper", "store");
    assertThat(health.getDouble("dataAgeSeconds")).isNotNull().isLessThan(10.0);
  }

  @Test
  void metrics_are_served_for_prometheus() {
    String text = pipeline.get("/metrics").bodyAsString();
    assertThat(text).contains("tallycast_scrape_cycle_seconds_count").contains("jvm_memory_used_bytes");
  }

  @Test
  void the_live_channel_sends_missed_events_then_new_ones_and_resumes_after_a_reconnect() {
    long before = lastId();
    List<Long> ids = listen(before);
    pipeline.clock(new JsonObject().put("advanceSeconds", 1200));
    await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().anyMatch(id -> id > before));
    assertThat(ids).isSorted().doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isGreaterThan(before));
    long seen = ids.get(ids.size() - 1);
    pipeline.clock(new JsonObject().put("advanceSeconds", 1200));
    await().atMost(Duration.ofSeconds(20)).until(() -> lastId() > seen);
    List<Long> resumed = listen(seen);
    await().atMost(Duration.ofSeconds(10)).until(() -> !resumed.isEmpty() && resumed.contains(lastId()));
    assertThat(resumed.get(0)).isEqualTo(seen + 1);
  }

  private long lastId() {
    JsonArray events = pipeline.array("/api/events?after=0");
    return events.getJsonObject(events.size() - 1).getLong("id");
  }

  /** Opens /api/live with Last-Event-ID as a browser reconnecting does, collecting the ids it receives. */
  private List<Long> listen(long lastEventId) {
    List<Long> ids = new CopyOnWriteArrayList<>();
    Pattern idLine = Pattern.compile("(?m)^id: (\\d+)$");
    HttpClient client = runtime.vertx().createHttpClient();
    StringBuilder pending = new StringBuilder();
    client.request(new RequestOptions().setMethod(HttpMethod.GET).setPort(pipeline.engine.apiPort())
            .setHost("127.0.0.1").setURI("/api/live").putHeader("Last-Event-ID", String.valueOf(lastEventId)))
        .compose(req -> req.send()).onSuccess(response -> response.handler(chunk -> {
          pending.append(chunk.toString());
          int end;
          while ((end = pending.indexOf("\n\n")) >= 0) {
            Matcher m = idLine.matcher(pending.substring(0, end));
            if (m.find()) {
              ids.add(Long.parseLong(m.group(1)));
            }
            pending.delete(0, end + 2);
          }
        }));
    return ids;
  }
}
