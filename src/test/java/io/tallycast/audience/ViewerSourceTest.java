package io.tallycast.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.ViewerReading;
import io.tallycast.util.Secret;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real clients against a local server that answers as each platform documents: live counts, a hidden count, an
 * ended broadcast, quota exceeded and a bad token; what was asked, and that no credential comes back out.
 */
@ExtendWith(VertxExtension.class)
class ViewerSourceTest {
  private static final String KEY = "AIzaSy-test-key-never-shown";
  private static final String TOKEN = "oauth-test-token-never-shown";

  private Vertx vertx;
  private WebClient client;
  private HttpServer server;
  private final List<HttpServerRequest> asked = new CopyOnWriteArrayList<>();
  private volatile Function<HttpServerRequest, int[]> status = r -> new int[] {200};
  private volatile String answer = "{}";

  @BeforeEach
  void platformServer() throws Exception {
    vertx = Vertx.vertx();
    client = WebClient.create(vertx);
    server = vertx.createHttpServer().requestHandler(request -> {
      asked.add(request);
      request.response().setStatusCode(status.apply(request)[0]).putHeader("content-type", "application/json")
          .end(answer);
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private String base() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private ViewerReading read(ViewerSource source) throws Exception {
    return source.read().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
  }

  private static JsonObject youtubeVideo(JsonObject live) {
    return new JsonObject().put("kind", "youtube#videoListResponse").put("items", new JsonArray()
        .add(new JsonObject().put("id", "vid1").put("liveStreamingDetails", live)
            .put("statistics", new JsonObject().put("viewCount", "120345"))));
  }

  @Test
  void youtube_reads_concurrent_viewers_a_string_and_counts_one_quota_unit_a_call() throws Exception {
    answer = youtubeVideo(new JsonObject().put("actualStartTime", "2026-05-04T02:30:00Z")
        .put("concurrentViewers", "48213")).encode();
    ViewerSource youtube = ViewerSource.youtube(client, base(), Secret.of(KEY), "vid1", Clock.systemUTC());
    ViewerReading reading = read(youtube);
    assertThat(reading.kind()).isEqualTo(ViewerReading.Kind.LIVE);
    assertThat(reading.viewers()).isEqualTo(48213);
    HttpServerRequest request = asked.get(0);
    assertThat(request.path()).isEqualTo("/youtube/v3/videos");
    assertThat(request.getParam("part")).isEqualTo("liveStreamingDetails,statistics");
    assertThat(request.getParam("id")).isEqualTo("vid1");
    assertThat(request.getParam("key")).isEqualTo(KEY);
    assertThat(youtube.quotaUnits()).isEqualTo(1);
    assertThat(youtube.toString()).doesNotContain(KEY);
    // a YouTube source under its own name (two streams of one night) counts its units too
    ViewerSource named = ViewerSource.youtube(client, base(), Secret.of(KEY), "vid1", Clock.systemUTC())
        .named("youtube-bn");
    assertThat(read(named).platform()).isEqualTo("youtube-bn");
    assertThat(named.quotaUnits()).isEqualTo(1);
  }

  @Test
  void youtube_without_a_count_is_hidden_while_live_and_ended_after_the_end() throws Exception {
    ViewerSource youtube = ViewerSource.youtube(client, base(), Secret.of(KEY), "vid1", Clock.systemUTC());
    answer = youtubeVideo(new JsonObject().put("actualStartTime", "2026-05-04T02:30:00Z")).encode();
    assertThat(read(youtube).kind()).isEqualTo(ViewerReading.Kind.HIDDEN);
    answer = youtubeVideo(new JsonObject().put("actualStartTime", "2026-05-04T02:30:00Z")
        .put("actualEndTime", "2026-05-04T12:00:00Z")).encode();
    ViewerReading ended = read(youtube);
    assertThat(ended.kind()).isEqualTo(ViewerReading.Kind.ENDED);
    assertThat(ended.viewers()).isNull();
  }

  @Test
  void youtube_quota_exceeded_and_a_bad_key_say_which_without_the_key() throws Exception {
    ViewerSource youtube = ViewerSource.youtube(client, base(), Secret.of(KEY), "vid1", Clock.systemUTC());
    status = r -> new int[] {403};
    answer = new JsonObject().put("error", new JsonObject().put("code", 403)
        .put("message", "The request cannot be completed because you have exceeded your quota.")
        .put("errors", new JsonArray().add(new JsonObject().put("reason", "quotaExceeded")))).encode();
    ViewerReading quota = read(youtube);
    assertThat(quota.kind()).isEqualTo(ViewerReading.Kind.FAILED);
    assertThat(quota.problem()).startsWith("quota exceeded (403)").contains("quotaExceeded");
    status = r -> new int[] {401};
    answer = new JsonObject().put("error", new JsonObject().put("code", 401).put("message", "API key not valid"))
        .encode();
    ViewerReading refused = read(youtube);
    assertThat(refused.problem()).startsWith("credentials refused (401)");
    assertThat(quota.toString() + refused).doesNotContain(KEY);
  }

  @Test
  void twitch_sends_its_client_id_and_bearer_token_and_an_offline_channel_is_ended() throws Exception {
    ViewerSource twitch = ViewerSource.twitch(client, base(), "client-abc", Secret.of(TOKEN), "newsroom",
        Clock.systemUTC());
    answer = new JsonObject().put("data", new JsonArray().add(new JsonObject().put("user_login", "newsroom")
        .put("type", "live").put("viewer_count", 1532))).put("pagination", new JsonObject()).encode();
    assertThat(read(twitch).viewers()).isEqualTo(1532);
    HttpServerRequest request = asked.get(0);
    assertThat(request.path()).isEqualTo("/helix/streams");
    assertThat(request.getParam("user_login")).isEqualTo("newsroom");
    assertThat(request.getHeader("Client-Id")).isEqualTo("client-abc");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    answer = new JsonObject().put("data", new JsonArray()).put("pagination", new JsonObject()).encode();
    assertThat(read(twitch).kind()).isEqualTo(ViewerReading.Kind.ENDED);
  }

  @Test
  void facebook_reads_live_views_while_live_and_nothing_once_the_video_is_over() throws Exception {
    ViewerSource facebook = ViewerSource.facebook(client, base(), Secret.of(TOKEN), "1234567890",
        Clock.systemUTC());
    answer = new JsonObject().put("live_views", 87).put("status", "LIVE").put("id", "1234567890").encode();
    assertThat(read(facebook).viewers()).isEqualTo(87);
    assertThat(asked.get(0).path()).isEqualTo("/1234567890");
    assertThat(asked.get(0).getParam("fields")).isEqualTo("live_views,status");
    answer = new JsonObject().put("status", "VOD").put("id", "1234567890").encode();
    assertThat(read(facebook).kind()).isEqualTo(ViewerReading.Kind.ENDED);
  }

  @Test
  void the_website_counter_is_read_at_its_json_pointer() throws Exception {
    answer = new JsonObject().put("live", new JsonObject().put("watching", "3301")).encode();
    ViewerSource site = ViewerSource.pointer(client, "website", base() + "/stats.json", "/live/watching", null,
        Clock.systemUTC());
    assertThat(read(site).viewers()).isEqualTo(3301);
    answer = new JsonObject().put("live", new JsonObject()).encode();
    assertThat(read(site).problem()).isEqualTo("no number at /live/watching");
  }

  @Test
  void an_unreachable_platform_is_a_failed_reading_without_the_key_in_its_text() throws Exception {
    int port = server.actualPort();
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    ViewerSource youtube = ViewerSource.youtube(client, "http://127.0.0.1:" + port, Secret.of(KEY), "vid1",
        Clock.systemUTC());
    ViewerReading reading = read(youtube);
    assertThat(reading.kind()).isEqualTo(ViewerReading.Kind.FAILED);
    assertThat(reading.problem()).startsWith("not reachable").doesNotContain(KEY);
  }
}
