package io.tallycast.map;

import static io.tallycast.map.MapRendererTest.WB;
import static io.tallycast.map.MapRendererTest.apply;
import static io.tallycast.map.MapRendererTest.cand;
import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.Snapshot;
import io.tallycast.election.Election;
import io.tallycast.election.SeatStatus;
import io.tallycast.store.ResultsReader;
import io.tallycast.store.StoreVerticle;
import io.tallycast.support.SlowTier;
import io.tallycast.web.ApiVerticle;
import io.tallycast.web.WebConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The map URLs of the API, served from the renderer's files on a synthetic map fed by a real store. */
@ExtendWith(VertxExtension.class)
@SlowTier
class MapRoutesTest {
  static final List<Integer> SEATS = IntStream.rangeClosed(1, 24).boxed().toList();
  static final Instant T0 = Instant.parse("2021-05-02T03:30:00Z");

  @TempDir
  Path dataDir;
  @TempDir
  Path mapsDir;
  ResultsReader reader;
  MapRenderer renderer;
  String base;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    SyntheticMaps.tree(mapsDir, 6, SEATS, SEATS.stream().map(s -> s <= 12 ? "Alpha" : "Beta").toList());
    StoreVerticle.deploy(vertx, dataDir, WB).await();
    reader = ResultsReader.open(dataDir);
    renderer = new MapRenderer(MapSource.folder(mapsDir), MapPlace.single("S25", dataDir), reader,
        WB.parties());
    vertx.deployVerticle(renderer).await();
    ApiVerticle api = new ApiVerticle(WebConfig.on(0), Election.of(WB), reader, Optional.empty(),
        Map.of("S25", renderer.maps()), Optional.empty());
    vertx.deployVerticle(api).await();
    base = "http://127.0.0.1:" + api.port();
  }

  @AfterEach
  void stop() {
    reader.close();
  }

  @Test
  void the_map_list_names_every_map_with_its_size_version_and_urls() throws Exception {
    HttpResponse<String> list = get("/api/maps", null, HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);
    JsonArray maps = new JsonArray(list.body());
    assertThat(maps.stream().map(m -> ((JsonObject) m).getString("map")))
        .containsExactly("state", "district/alpha", "district/beta");
    JsonObject state = maps.getJsonObject(0);
    assertThat(state.getMap()).containsEntry("name", "Test State").containsEntry("width", 250)
        .containsEntry("height", 200).containsEntry("version", 1).containsEntry("url", "/api/maps/state.png")
        .containsEntry("seats", "/api/maps/state/seats.json");
    HttpResponse<String> seats = get("/api/maps/district/beta/seats.json", null, HttpResponse.BodyHandlers.ofString());
    assertThat(seats.statusCode()).isEqualTo(200);
    assertThat(new JsonArray(seats.body()).getJsonObject(0).getMap())
        .containsKeys("no", "name", "group", "bbox", "label");
  }

  @Test
  void a_map_png_has_an_etag_no_cache_and_answers_304_to_a_matching_if_none_match() throws Exception {
    HttpResponse<byte[]> first = get("/api/maps/district/alpha.png", null, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"1\\.[0-9a-z]+\"");
    assertThat(PngCheck.imageIo(first.body()).getWidth()).isEqualTo(250);
    HttpResponse<byte[]> again = get("/api/maps/district/alpha.png", etag, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<byte[]> stale = get("/api/maps/district/alpha.png", "\"0.old\"",
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(stale.statusCode()).isEqualTo(200);
  }

  @Test
  void an_unknown_district_is_a_404_with_a_json_error() throws Exception {
    HttpResponse<String> missing = get("/api/maps/district/atlantis.png", null, HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(missing.body()).getString("error")).contains("district/atlantis");
    assertThat(get("/api/maps/district/../state.png", null, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isIn(200, 404); // a normalised path can only name a known map
    assertThat(get("/api/maps/state.gif", null, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  @Test
  void readers_hammering_the_map_urls_while_seats_repaint_never_receive_a_partial_or_corrupt_png(Vertx vertx)
      throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Thread driver = new Thread(() -> {
      for (int round = 1; !done.get(); round++) {
        List<Snapshot> batch = new ArrayList<>();
        for (int seat : SEATS) {
          batch.add(flipping(seat, round));
        }
        apply(vertx, batch.toArray(Snapshot[]::new));
        sleep(40);
      }
    }, "results-driver");
    driver.start();
    Set<String> etags = ConcurrentHashMap.newKeySet();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger notModified = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        String path = c % 2 == 0 ? "/api/maps/state.png" : "/api/maps/district/beta.png";
        int height = c % 2 == 0 ? 200 : 100;
        runs.add(clients.submit(() -> {
          String etag = null;
          for (int i = 0; i < 300 && System.nanoTime() < deadline; i++) {
            HttpResponse<byte[]> r = get(path, i % 3 == 0 ? etag : null, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 304) {
              notModified.incrementAndGet();
              continue;
            }
            assertThat(r.statusCode()).isEqualTo(200);
            BufferedImage image = PngCheck.imageIo(r.body());
            assertThat(image.getWidth()).isEqualTo(250);
            assertThat(image.getHeight()).isEqualTo(height);
            assertThat(PngCheck.strictPixels(r.body())).hasSize(250 * height);
            etag = r.headers().firstValue("ETag").orElseThrow();
            etags.add(path + etag);
            ok.incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      done.set(true);
      clients.shutdownNow();
      driver.join();
    }
    assertThat(ok.get()).isGreaterThan(100);
    assertThat(etags).as("the maps were republished while being read").hasSizeGreaterThan(6);
    assertThat(renderer.maps().version("state")).isGreaterThan(3L);
  }

  /** The lead changes hands every round, with votes only ever going up. */
  private static Snapshot flipping(int seat, int round) {
    long aitc = 100L * round + (round % 2 == 0 ? 50 : 0);
    long bjp = 100L * round + (round % 2 == 1 ? 50 : 0);
    Instant at = T0.plusMillis(round * 100L);
    return new Snapshot(seat, SeatStatus.COUNTING, Math.min(round, 10_000), 10_000,
        List.of(cand("A " + seat, "AITC", aitc), cand("B " + seat, "BJP", bjp)), at, at, "https://results.example/" + seat,
        false);
  }

  private <T> HttpResponse<T> get(String path, String ifNoneMatch, HttpResponse.BodyHandler<T> body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return http.send(request.build(), body);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
