package io.tallycast.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.app.MeteredVertx;
import io.tallycast.support.Pipeline;
import io.tallycast.support.SlowTier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The large answers are revalidated (ETag, 304) and gzipped for the clients that ask, and the live channel still
 * delivers each event at once. Against the real engine; the replay clock is held, so the results change only when a
 * test moves it (those tests run last).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SlowTier
class ApiCachingTest {
  @TempDir
  static Path dataDir;
  MeteredVertx runtime;
  Pipeline pipeline;
  HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  void countingUnderWayAndSettled() {
    runtime = MeteredVertx.create();
    pipeline = Pipeline.start(runtime, dataDir, 1, c -> c);
    pipeline.clock(new JsonObject().put("paused", true));
    pipeline.clock(new JsonObject().put("advanceSeconds", 5 * 3600));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> pipeline.summary().getJsonObject("seats").getInteger("declared") > 0);
    awaitSettled();
  }

  @AfterAll
  void stop() throws Exception {
    pipeline.close();
  }

  @Test
  @Order(1)
  void the_seat_list_and_the_summary_carry_a_strong_etag_that_holds_while_the_results_do() throws Exception {
    for (String path : List.of("/api/constituencies", "/api/summary")) {
      HttpResponse<byte[]> first = get(path);
      assertThat(first.statusCode()).isEqualTo(200);
      String etag = header(first, "ETag");
      assertThat(etag).as(path).startsWith("\"").endsWith("\"");
      assertThat(header(first, "Cache-Control")).as(path).isEqualTo("no-cache");
      for (int i = 0; i < 3; i++) {
        Thread.sleep(200); // several scrape cycles of an unchanged site
        assertThat(header(get(path), "ETag")).as(path).isEqualTo(etag);
      }
    }
  }

  @Test
  @Order(2)
  void a_client_holding_the_current_answer_gets_304_with_no_body() throws Exception {
    for (String path : List.of("/api/constituencies", "/api/summary", "/api/events?after=0")) {
      String etag = header(get(path), "ETag");
      HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).as(path).isEmpty();
      assertThat(header(again, "ETag")).as(path).isEqualTo(etag);
      assertThat(get(path, "If-None-Match", "\"something-else\"").statusCode()).as(path).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(HttpClient.Version.class)
  @Order(3)
  void a_client_that_accepts_gzip_gets_the_same_json_gzipped_under_its_own_etag(HttpClient.Version version)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(version).build();
    for (String path : List.of("/api/constituencies", "/api/summary")) {
      HttpResponse<byte[]> plain = client.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> zipped = client.send(request(path).header("Accept-Encoding", "gzip, deflate, br").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(header(plain, "Content-Encoding")).as(path).isNull();
      assertThat(header(zipped, "Content-Encoding")).as(path).isEqualTo("gzip");
      assertThat(header(zipped, "Vary")).as(path).containsIgnoringCase("Accept-Encoding");
      assertThat(zipped.body().length).as(path).isLessThan(plain.body().length / 3);
      assertThat(gunzip(zipped.body())).as(path).isEqualTo(plain.body());
      assertThat(header(zipped, "ETag")).as(path).isNotEqualTo(header(plain, "ETag"));
      HttpResponse<byte[]> revalidated = client.send(request(path).header("Accept-Encoding", "gzip")
          .header("If-None-Match", header(zipped, "ETag")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(revalidated.statusCode()).as(path).isEqualTo(304);
    }
  }

  @Test
  @Order(4)
  void a_client_that_refuses_gzip_gets_plain_json() throws Exception {
    HttpResponse<byte[]> answer = get("/api/constituencies", "Accept-Encoding", "gzip;q=0, identity");
    assertThat(header(answer, "Content-Encoding")).isNull();
    assertThat(new JsonArray(new String(answer.body(), StandardCharsets.UTF_8))).hasSize(294);
  }

  @Test
  @Order(5)
  void the_pages_and_the_event_history_are_gzipped_by_the_server_but_map_pictures_are_not() throws Exception {
    for (String path : List.of("/api/events?after=0", "/console/", "/lib/dom.js", "/metrics")) {
      HttpResponse<byte[]> answer = get(path, "Accept-Encoding", "gzip");
      assertThat(header(answer, "Content-Encoding")).as(path).isEqualTo("gzip");
      assertThat(gunzip(answer.body())).as(path).isNotEmpty();
    }
    if (Pipeline.MAPS.isPresent()) {
      HttpResponse<byte[]> png = get("/api/maps/state.png", "Accept-Encoding", "gzip");
      assertThat(png.statusCode()).isEqualTo(200);
      assertThat(header(png, "Content-Encoding")).isNull();
    }
  }

  @Test
  @Order(6)
  void the_live_channel_is_not_compressed_and_delivers_each_event_at_once_to_a_gzip_client() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<InputStream> live = http.send(request("/api/live").header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofInputStream());
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(live.body(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (Exception closed) {
        // the test is over
      }
    }, "live-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      assertThat(header(live, "Content-Encoding")).isNull();
      // nothing has happened yet: the opening line arrives on its own, not held back for more
      await().atMost(Duration.ofSeconds(3)).until(() -> lines.contains("retry: 2000"));
      pipeline.clock(new JsonObject().put("advanceSeconds", 1200));
      await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(l -> l.startsWith("id: ")));
    } finally {
      live.body().close();
    }
  }

  @Test
  @Order(7)
  void the_etag_changes_when_a_result_changes_and_the_old_one_gets_the_new_answer() throws Exception {
    awaitSettled();
    HttpResponse<byte[]> before = get("/api/constituencies");
    String etag = header(before, "ETag");
    pipeline.clock(new JsonObject().put("advanceSeconds", 1200));
    await().atMost(Duration.ofSeconds(20)).until(() -> !etag.equals(header(get("/api/constituencies"), "ETag")));
    HttpResponse<byte[]> after = get("/api/constituencies", "If-None-Match", etag);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isNotEqualTo(before.body());
    assertThat(header(after, "ETag")).isNotEqualTo(etag);
  }

  /**
   * Until the scraper has stored what the held clock shows: the seat list the same for 2 s (its cycles come every
   * 100 ms; a list page can show a seat declared a cycle before its own page is read).
   */
  private void awaitSettled() {
    String[] last = {""};
    int[] same = {0};
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
      String now = new String(get("/api/constituencies").body(), StandardCharsets.UTF_8);
      same[0] = now.equals(last[0]) ? same[0] + 1 : 0;
      last[0] = now;
      return same[0] >= 4;
    });
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.engine.apiPort() + path));
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = request(path);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static byte[] gunzip(byte[] bytes) throws Exception {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Objects.requireNonNull(bytes)))) {
      return in.readAllBytes();
    }
  }
}
