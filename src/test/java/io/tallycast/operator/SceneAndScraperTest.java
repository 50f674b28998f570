package io.tallycast.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.support.LiveEvents;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlay's scene switched live and kept over a restart; scraping paused and resumed by the operator. */
@SlowTier
class SceneAndScraperTest {
  @TempDir
  Path dataDir;
  Pipeline pipeline;

  @AfterEach
  void stop() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private OperatorClient start() {
    pipeline = Pipeline.start(MeteredVertx.of(Vertx.vertx()), dataDir, 1, c -> c);
    return new OperatorClient(pipeline.http, pipeline.engine.apiPort(), pipeline.engine.operatorToken().value());
  }

  @Test
  void a_scene_change_is_pushed_on_the_live_channel_and_survives_a_restart() throws Exception {
    OperatorClient operator = start();
    assertThat(pipeline.json("/api/overlay").getString("scene")).isEqualTo("full");
    try (LiveEvents live = new LiveEvents(pipeline.engine.runtime().vertx(), pipeline.engine.apiPort())) {
      HttpResponse<Buffer> changed = operator.post("/api/operator/scene", new JsonObject().put("scene", "map"));
      assertThat(changed.statusCode()).isEqualTo(200);
      assertThat(changed.bodyAsJsonObject()).isEqualTo(new JsonObject().put("scene", "map"));
      await().atMost(Duration.ofSeconds(5))
          .until(() -> live.named("scene").contains(new JsonObject().put("scene", "map")));
      operator.post("/api/operator/scene", new JsonObject().put("scene", "ticker"));
      await().atMost(Duration.ofSeconds(5))
          .until(() -> live.named("scene").contains(new JsonObject().put("scene", "ticker")));
    }
    assertThat(pipeline.json("/api/overlay").getString("scene")).isEqualTo("ticker");

    HttpResponse<Buffer> bad = operator.post("/api/operator/scene", new JsonObject().put("scene", "<b>map</b>"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error"))
        .isEqualTo("'scene' must be one of full, map, tally, ticker, states, intro, national, not '<b>map</b>'");
    assertThat(operator.post("/api/operator/scene", null).bodyAsJsonObject().getString("error"))
        .endsWith("not missing");
    assertThat(pipeline.json("/api/overlay").getString("scene")).isEqualTo("ticker");

    pipeline.close();
    pipeline = null;
    assertThat(Files.readString(dataDir.resolve("overlay.json"))).contains("ticker");
    start();
    assertThat(pipeline.json("/api/overlay").getString("scene")).isEqualTo("ticker");
  }

  @Test
  void pausing_stops_scraping_and_resuming_starts_it_again() throws Exception {
    OperatorClient operator = start();
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 3 * 3600));
    await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.engine.reader().snapshotCount() > 0);

    HttpResponse<Buffer> paused = operator.post("/api/operator/scraper/pause", null);
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(paused.bodyAsJsonObject()).isEqualTo(new JsonObject().put("scraper", "paused"));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      JsonObject scraper = pipeline.scraperHealth();
      assertThat(scraper.getString("status")).isEqualTo("stopped");
      assertThat(scraper.getJsonObject("details").getBoolean("paused")).isTrue();
      // a cycle that had already started when the pause came may still finish, and says so
      assertThat(scraper.getJsonObject("details").getBoolean("cycleUnderWay")).isFalse();
    });
    assertThat(pipeline.get("/api/health").statusCode()).isEqualTo(200);
    long snapshots = pipeline.engine.reader().snapshotCount();
    pipeline.clock(new JsonObject().put("advanceSeconds", 1800));
    Thread.sleep(1000); // ten scrape intervals: nothing may come in
    assertThat(pipeline.engine.reader().snapshotCount()).isEqualTo(snapshots);
    // asking twice is harmless
    assertThat(operator.post("/api/operator/scraper/pause", null).bodyAsJsonObject().getString("scraper"))
        .isEqualTo("paused");

    HttpResponse<Buffer> resumed = operator.post("/api/operator/scraper/resume", null);
    assertThat(resumed.statusCode()).isEqualTo(200);
    assertThat(resumed.bodyAsJsonObject()).isEqualTo(new JsonObject().put("scraper", "running"));
    await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.engine.reader().snapshotCount() > snapshots);
    await().atMost(Duration.ofSeconds(20))
        .until(() -> "ok".equals(pipeline.scraperHealth().getString("status")));
  }
}
