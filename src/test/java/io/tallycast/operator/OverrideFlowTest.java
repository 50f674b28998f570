package io.tallycast.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An override end to end over real HTTP, a real SQLite store and a real scraper against the replay site: the seat is
 * declared everywhere the API shows it, its scraped figures are held while it is overridden (quietly: no error), and
 * after the release the site's figures apply again, even lower than the operator's.
 */
@SlowTier
class OverrideFlowTest {
  @TempDir
  Path dataDir;
  Pipeline pipeline;
  OperatorClient operator;

  @BeforeEach
  void countingUnderWay() {
    pipeline = Pipeline.start(MeteredVertx.of(Vertx.vertx()), dataDir, 1, c -> c);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 3 * 3600));
    // steady: the scraper has taken everything the paused site shows, so nothing changes unless a test changes it
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(scraper.getString("status")).isEqualTo("ok");
      assertThat(scraper.getJsonObject("details").getJsonObject("lastCycle").getInteger("snapshotsAccepted")).isZero();
      assertThat(pipeline.summary().getJsonObject("seats").getInteger("counting")).isPositive();
    });
    operator = new OperatorClient(pipeline.http, pipeline.engine.apiPort(), pipeline.engine.operatorToken().value());
  }

  @AfterEach
  void stop() throws Exception {
    pipeline.close();
  }

  @Test
  void an_override_declares_a_seat_everywhere_holds_its_scraped_figures_and_a_release_lets_them_in_again() {
    JsonObject seat = firstCountingSeat();
    int no = seat.getInteger("no");
    JsonObject leader = seat.getJsonObject("leader");
    long inflated = leader.getLong("votes") + 1_000_000;
    int declaredBefore = pipeline.summary().getJsonObject("seats").getInteger("declared");
    long lastEvent = lastEventId();

    try (LiveEvents live = new LiveEvents(pipeline.engine.runtime().vertx(), pipeline.engine.apiPort())) {
      HttpResponse<Buffer> response = operator.post("/api/operator/seats/" + no + "/override", new JsonObject()
          .put("reason", "RO declared it at the counting centre").put("status", "declared")
          .put("candidates", new JsonArray().add(new JsonObject().put("candidate", leader.getString("candidate"))
              .put("party", leader.getString("party")).put("votes", inflated))));
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
      JsonObject override = response.bodyAsJsonObject().getJsonObject("override");
      List<Long> ids = response.bodyAsJsonObject().getJsonArray("events").stream().map(id -> ((Number) id).longValue())
          .toList();
      assertThat(override.getLong("seat")).isEqualTo(no);
      assertThat(override.getString("status")).isEqualTo("declared");
      assertThat(override.getBoolean("active")).isTrue();
      assertThat(ids).isNotEmpty().isSorted().allSatisfy(id -> assertThat(id).isGreaterThan(lastEvent));

      // the seat, the list and the summary show it declared and overridden
      JsonObject one = pipeline.json("/api/constituencies/" + no);
      assertThat(one.getString("status")).isEqualTo("declared");
      assertThat(one.getJsonObject("overridden")).isEqualTo(new JsonObject().put("id", override.getLong("id"))
          .put("at", override.getString("at")).put("reason", "RO declared it at the counting centre"));
      assertThat(one.getJsonObject("leader").getLong("votes")).isEqualTo(inflated);
      assertThat(pipeline.array("/api/constituencies").getJsonObject(no - 1).getJsonObject("overridden"))
          .isEqualTo(one.getJsonObject("overridden"));
      assertThat(pipeline.summary().getJsonObject("seats").getInteger("declared")).isEqualTo(declaredBefore + 1);

      // the event log and the push channel have it, the audit trail lists it
      JsonArray events = pipeline.array("/api/events?after=" + lastEvent);
      JsonObject overridden = ofType(events, "seat.overridden");
      assertThat(overridden.getInteger("seat")).isEqualTo(no);
      assertThat(overridden.getString("name")).isEqualTo(seat.getString("name"));
      assertThat(overridden.getLong("overrideId")).isEqualTo(override.getLong("id"));
      assertThat(overridden.getString("status")).isEqualTo("declared");
      assertThat(overridden.getJsonObject("leader").getLong("votes")).isEqualTo(inflated);
      assertThat(ofType(events, "seat.declared").getInteger("seat")).isEqualTo(no);
      assertThat(events.stream().map(e -> ((JsonObject) e).getLong("id")).toList()).containsAll(ids);
      assertThat(operator.overrides()).singleElement().isEqualTo(override);
      await().atMost(Duration.ofSeconds(5)).until(() -> live.named("seat.overridden").stream()
          .anyMatch(e -> e.getLong("overrideId").equals(override.getLong("id"))));
      assertThat(live.named("seat.declared")).anyMatch(e -> e.getInteger("seat") == no);
    }

    // the site moves on: the seat's scraped figures are held, quietly
    JsonObject overriddenSeat = pipeline.json("/api/constituencies/" + no);
    long snapshots = pipeline.engine.reader().snapshotCount();
    pipeline.clock(new JsonObject().put("advanceSeconds", 1800));
    await().atMost(Duration.ofSeconds(20)).until(() -> storeDetails().getLong("held", 0L) > 0
        && pipeline.engine.reader().snapshotCount() > snapshots);
    assertThat(pipeline.json("/api/constituencies/" + no)).isEqualTo(overriddenSeat);
    assertThat(storeDetails().getLong("overrides")).isEqualTo(1L);
    JsonObject scraper = pipeline.scraperHealth();
    assertThat(scraper.getString("status")).isEqualTo("ok");
    assertThat(scraper.getJsonObject("details").getJsonArray("errors")).isEmpty();
    assertThat(pipeline.health().getJsonObject("parts").getJsonObject("store").getValue("lastError")).isNull();

    // released: the site's figures, far below the operator's, are taken as a correction
    long beforeRelease = lastEventId();
    HttpResponse<Buffer> released = operator.delete("/api/operator/seats/" + no + "/override",
        new JsonObject().put("reason", "the results site caught up"));
    assertThat(released.statusCode()).as(released.bodyAsString()).isEqualTo(200);
    assertThat(released.bodyAsJsonObject().getJsonObject("override").getBoolean("active")).isFalse();
    assertThat(released.bodyAsJsonObject().getJsonObject("override").getString("releaseReason"))
        .isEqualTo("the results site caught up");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonObject after = pipeline.json("/api/constituencies/" + no);
      assertThat(after.getValue("overridden")).isNull();
      assertThat(after.getJsonObject("leader").getLong("votes")).isLessThan(inflated);
    });
    JsonObject releaseEvent = ofType(pipeline.array("/api/events?after=" + beforeRelease), "override.released");
    assertThat(releaseEvent.getInteger("seat")).isEqualTo(no);
    assertThat(releaseEvent.getString("reason")).isEqualTo("the results site caught up");
    assertThat(releaseEvent.getLong("overrideId")).isEqualTo(released.bodyAsJsonObject().getJsonObject("override")
        .getLong("id"));
    assertThat(pipeline.scraperHealth().getJsonObject("details").getJsonArray("errors")).isEmpty();
    assertThat(operator.overrides().getJsonObject(0).getBoolean("active")).isFalse();
  }

  @Test
  void corrected_figures_keep_the_seat_counting_and_a_release_brings_back_the_sites_unchanged_figures() {
    JsonObject seat = firstCountingSeat();
    int no = seat.getInteger("no");
    JsonObject original = pipeline.json("/api/constituencies/" + no);
    JsonArray candidates = original.getJsonArray("candidates").copy();
    // sent back as the API gave them (extra fields and all), one figure lowered
    JsonObject lowered = candidates.getJsonObject(candidates.size() - 1).copy();
    lowered.put("votes", lowered.getLong("votes") / 2);
    candidates.set(candidates.size() - 1, lowered);
    HttpResponse<Buffer> response = operator.post("/api/operator/seats/" + no + "/override", new JsonObject()
        .put("reason", "postal ballots double counted").put("status", "counting").put("candidates", candidates)
        .put("rounds", new JsonObject().put("done", 1).put("total", seat.getJsonObject("rounds").getInteger("total"))));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject after = pipeline.json("/api/constituencies/" + no);
    assertThat(after.getString("status")).isEqualTo("counting");
    assertThat(after.getJsonObject("rounds").getInteger("done")).isEqualTo(1);
    assertThat(after.getJsonArray("candidates").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("candidate").equals(lowered.getString("candidate"))).findFirst().orElseThrow()
        .getLong("votes")).isEqualTo(lowered.getLong("votes"));

    // the replay clock is paused: the site shows what it showed before, and that comes back after the release
    HttpResponse<Buffer> released = operator.delete("/api/operator/seats/" + no + "/override",
        new JsonObject().put("reason", "wrong seat corrected"));
    assertThat(released.statusCode()).as(released.bodyAsString()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonObject now = pipeline.json("/api/constituencies/" + no);
      assertThat(now.getValue("overridden")).isNull();
      assertThat(now.getJsonArray("candidates")).isEqualTo(original.getJsonArray("candidates"));
      assertThat(now.getJsonObject("rounds")).isEqualTo(original.getJsonObject("rounds"));
    });
  }

  private JsonObject firstCountingSeat() {
    return pipeline.array("/api/constituencies").stream().map(JsonObject.class::cast)
        .filter(c -> "counting".equals(c.getString("status")) && c.getJsonObject("runnerUp") != null
            && c.getJsonObject("rounds").getInteger("done") < c.getJsonObject("rounds").getInteger("total") - 2)
        .findFirst().orElseThrow();
  }

  private JsonObject storeDetails() {
    return pipeline.health().getJsonObject("parts").getJsonObject("store").getJsonObject("details");
  }

  private long lastEventId() {
    JsonArray events = pipeline.array("/api/events?after=0");
    return events.getJsonObject(events.size() - 1).getLong("id");
  }

  private static JsonObject ofType(JsonArray events, String type) {
    return events.stream().map(JsonObject.class::cast).filter(e -> type.equals(e.getString("type"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + events.encode()));
  }
}
