package io.tallycast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.audience.AudienceConfig;
import io.tallycast.bus.ViewerReading;
import io.tallycast.report.NightReport;
import io.tallycast.store.NightRecord;
import io.tallycast.support.Pipeline;
import io.tallycast.support.RootLog;
import io.tallycast.util.Secret;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audience in a running engine, against local servers answering as each platform documents its refusals: a used-up
 * YouTube quota (403), a refused Twitch token (401), a hidden count, an ended Facebook live video and a website that
 * answers. Every reading is stored, health names each trouble, the refusing platforms are asked less and less, and no
 * credential appears in the log, the API or the report.
 */
class AudienceInEngineTest {
  private static final String YOUTUBE_KEY = "AIza-youtube-key-never-shown";
  private static final String TWITCH_TOKEN = "twitch-token-never-shown";
  private static final String FACEBOOK_TOKEN = "facebook-token-never-shown";
  private static final List<String> SECRETS = List.of(YOUTUBE_KEY, TWITCH_TOKEN, FACEBOOK_TOKEN);
  @TempDir
  Path dir;
  private Pipeline pipeline;
  private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

  @AfterEach
  void stop() throws Exception {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void refusals_hidden_counts_and_an_ended_video_are_stored_and_in_health_backed_off_and_no_credential_shows()
      throws Exception {
    try (RootLog log = new RootLog()) {
      Vertx vertx = Vertx.vertx();
      String base = "http://127.0.0.1:" + platforms(vertx).actualPort();
      AudienceConfig config = new AudienceConfig(Duration.ofSeconds(1), List.of(
          new AudienceConfig.Platform("youtube", "youtube", base, "quota-video", null, null, Secret.of(YOUTUBE_KEY)),
          new AudienceConfig.Platform("youtube", "youtube-hidden", base, "hidden-video", null, null,
              Secret.of(YOUTUBE_KEY)),
          new AudienceConfig.Platform("twitch", "twitch", base, "newsroom", "client", null, Secret.of(TWITCH_TOKEN)),
          new AudienceConfig.Platform("facebook", "facebook", base, "555", null, null, Secret.of(FACEBOOK_TOKEN)),
          new AudienceConfig.Platform("json", "website", base + "/live.json", null, null, "/watching/now", null)));
      pipeline = Pipeline.configured(MeteredVertx.of(vertx), dir.resolve("data"), 60,
          c -> c.withAudience(Optional.of(config)));

      // the website is asked every second; the refusing ones back off (1, 2, 4, 8 s...): ask counts, not clocks
      await().atMost(Duration.ofSeconds(90)).until(() -> count("website") >= 14);
      assertThat(count("twitch")).as("a refused token is asked less and less").isBetween(2, 6);
      assertThat(count("quota-video")).as("a used-up quota waits the longest backoff").isEqualTo(1);

      Map<String, ViewerReading> latest;
      try (NightRecord night = NightRecord.open(dir.resolve("data"))) {
        latest = night.latestViewers().stream().collect(Collectors.toMap(ViewerReading::platform, r -> r));
      }
      assertThat(latest.get("youtube").kind()).isEqualTo(ViewerReading.Kind.FAILED);
      assertThat(latest.get("youtube").problem()).startsWith("quota exceeded (403)");
      assertThat(latest.get("youtube-hidden").kind()).isEqualTo(ViewerReading.Kind.HIDDEN);
      assertThat(latest.get("twitch").problem()).startsWith("credentials refused (401)");
      assertThat(latest.get("facebook").kind()).isEqualTo(ViewerReading.Kind.ENDED);
      assertThat(latest.get("website").viewers()).isEqualTo(48_210);

      JsonObject parts = pipeline.health().getJsonObject("parts");
      assertThat(parts.getJsonObject("audience youtube").getString("status")).isEqualTo("down");
      assertThat(parts.getJsonObject("audience youtube").getString("lastError")).contains("quotaExceeded");
      assertThat(parts.getJsonObject("audience twitch").getString("lastError")).contains("check the token");
      assertThat(parts.getJsonObject("audience youtube-hidden").getString("status")).isEqualTo("ok");
      assertThat(parts.getJsonObject("audience facebook").getString("status")).isEqualTo("ok");
      assertThat(parts.getJsonObject("audience website").getString("status")).isEqualTo("ok");

      JsonObject audience = pipeline.json("/api/audience");
      assertThat(audience.getLong("total")).as("only the website is live").isEqualTo(48_210L);

      NightReport.Made report = NightReport.make(new NightReport.Request(dir.resolve("data"),
          dir.resolve("night.html"), null, ZoneId.of("Asia/Kolkata")));
      String everything = String.join("\n", log.lines()) + audience.encode() + pipeline.health().encode()
          + pipeline.get("/metrics").bodyAsString() + Files.readString(report.html());
      for (String secret : SECRETS) {
        assertThat(everything).doesNotContain(secret);
      }
      assertThat(String.join("\n", log.lines())).contains("audience twitch: failed (credentials refused (401)");
    }
  }

  private int count(String what) {
    return asked.computeIfAbsent(what, k -> new AtomicInteger()).get();
  }

  /** One server for every platform, each answering as its documentation says it refuses or has no figure. */
  private HttpServer platforms(Vertx vertx) {
    Router router = Router.router(vertx);
    router.get("/youtube/v3/videos").handler(ctx -> {
      String video = ctx.request().getParam("id");
      asked.computeIfAbsent(video, k -> new AtomicInteger()).incrementAndGet();
      if (video.equals("quota-video")) {
        ctx.response().setStatusCode(403).end(new JsonObject().put("error", new JsonObject().put("code", 403)
            .put("message", "The request cannot be completed because you have exceeded your quota.")
            .put("errors", new JsonArray().add(new JsonObject().put("reason", "quotaExceeded")
                .put("domain", "youtube.quota")))).encode());
        return;
      }
      ctx.response().end(new JsonObject().put("items", new JsonArray().add(new JsonObject().put("id", video)
          .put("liveStreamingDetails", new JsonObject().put("actualStartTime", "2026-05-04T02:30:00Z")))).encode());
    });
    router.get("/helix/streams").handler(ctx -> {
      asked.computeIfAbsent("twitch", k -> new AtomicInteger()).incrementAndGet();
      ctx.response().setStatusCode(401).end(new JsonObject().put("error", "Unauthorized").put("status", 401)
          .put("message", "Invalid OAuth token").encode());
    });
    router.get("/live.json").handler(ctx -> {
      asked.computeIfAbsent("website", k -> new AtomicInteger()).incrementAndGet();
      ctx.response().end(new JsonObject().put("watching", new JsonObject().put("now", 48_210)).encode());
    });
    router.get("/:video").handler(ctx -> ctx.response().end(new JsonObject().put("id", "555")
        .put("status", "LIVE_STOPPED").encode()));
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }
}
