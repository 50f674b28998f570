package io.tallycast.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.bus.Wire;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatStatus;
import io.tallycast.store.ResultsReader;
import io.tallycast.store.StoreVerticle;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The renderer on a synthetic map (seats 1-24 of West Bengal as grid cells) fed by a real SQLite store. */
@ExtendWith(VertxExtension.class)
@SlowTier
class MapRendererTest {
  static final ElectionData WB = ElectionData.westBengal2021();
  static final Instant T0 = Instant.parse("2021-05-02T03:30:00Z");
  static final List<Integer> SEATS = IntStream.rangeClosed(1, 24).boxed().toList();

  @TempDir
  Path dataDir;
  @TempDir
  Path mapsDir;
  ResultsReader reader;
  final List<JsonObject> updates = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeReader() {
    if (reader != null) {
      reader.close();
    }
  }

  @Test
  void a_declared_seat_shows_its_party_colour_a_leading_seat_the_tint_and_an_awaiting_seat_grey(Vertx vertx,
      VertxTestContext ctx) throws Throwable {
    MapRenderer renderer = start(vertx);
    Bus.of(vertx).subscribe(Contract.MAP_UPDATED, m -> {
      if (m.map().equals("state") && m.seats().contains(1)) {
        ctx.verify(() -> {
          assertThat(m.version()).isEqualTo(2L);
          assertThat(m.seats()).containsExactly(1, 2);
          assertThat(m.url()).isEqualTo("/api/maps/state.png");
          ctx.completeNow();
        });
      }
    });
    apply(vertx, seat(1, SeatStatus.DECLARED, "AITC", 1), seat(2, SeatStatus.COUNTING, "BJP", 1));
    assertThat(ctx.awaitCompletion(10, TimeUnit.SECONDS)).isTrue();
    if (ctx.failed()) {
      throw ctx.causeOfFailure();
    }
    BufferedImage state = served(renderer, "state");
    assertThat(colourAtLabel(state, "state", 1)).isEqualTo(colour("AITC"));
    assertThat(colourAtLabel(state, "state", 2)).isEqualTo(SeatColors.tint(colour("BJP")));
    assertThat(colourAtLabel(state, "state", 3)).isEqualTo(SeatColors.NEUTRAL);
    assertThat(state.getRGB(0, 0) & 0xFFFFFF).as("borders keep the base").isEqualTo(SyntheticMaps.BORDER & 0xFFFFFF);
    BufferedImage alpha = served(renderer, "district/alpha");
    assertThat(colourAtLabel(alpha, "district/alpha", 1)).isEqualTo(colour("AITC"));
    assertThat(colourAtLabel(alpha, "district/alpha", 2)).isEqualTo(SeatColors.tint(colour("BJP")));
  }

  @Test
  void a_restarted_renderer_paints_the_stored_state_at_once(Vertx vertx) throws Exception {
    StoreVerticle.deploy(vertx, dataDir, WB).await();
    apply(vertx, seat(5, SeatStatus.DECLARED, "BJP", 1), seat(6, SeatStatus.COUNTING, "AITC", 1));
    MapRenderer renderer = startRenderer(vertx);
    assertThat(renderer.maps().version("state")).isEqualTo(1L);
    BufferedImage state = served(renderer, "state");
    assertThat(colourAtLabel(state, "state", 5)).isEqualTo(colour("BJP"));
    assertThat(colourAtLabel(state, "state", 6)).isEqualTo(SeatColors.tint(colour("AITC")));
    assertThat(colourAtLabel(state, "state", 7)).isEqualTo(SeatColors.NEUTRAL);
  }

  @Test
  void a_burst_of_seat_changes_in_one_cycle_costs_one_publish_per_map_not_one_per_seat(Vertx vertx) throws Exception {
    MapRenderer renderer = start(vertx);
    List<Snapshot> all = new ArrayList<>();
    for (int seat : SEATS) {
      all.add(seat(seat, SeatStatus.COUNTING, seat % 2 == 0 ? "AITC" : "BJP", 1));
    }
    apply(vertx, all.toArray(Snapshot[]::new));
    await().atMost(Duration.ofSeconds(10)).until(() -> updatesOf("state").size() == 1);
    Thread.sleep(3 * MapRenderer.MAX_WAIT_MS); // anything late would have arrived by now
    assertThat(updatesOf("state")).hasSize(1);
    assertThat(updatesOf("state").get(0).getJsonArray("seats").getList()).containsExactlyElementsOf(SEATS);
    assertThat(updatesOf("district/alpha")).hasSize(1);
    assertThat(updatesOf("district/beta")).hasSize(1);
    assertThat(renderer.maps().version("state")).isEqualTo(2L);
  }

  @Test
  void new_votes_that_leave_every_colour_as_it_was_publish_nothing(Vertx vertx) throws Exception {
    start(vertx);
    apply(vertx, seat(3, SeatStatus.COUNTING, "BJP", 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> updatesOf("state").size() == 1);
    apply(vertx, seat(3, SeatStatus.COUNTING, "BJP", 2));
    Thread.sleep(3 * MapRenderer.MAX_WAIT_MS);
    assertThat(updatesOf("state")).hasSize(1);
  }

  @Test
  void health_shows_the_maps_part_with_its_figures(Vertx vertx) throws Exception {
    List<HealthReport> reports = new CopyOnWriteArrayList<>();
    Bus.of(vertx).subscribe(Contract.HEALTH, reports::add);
    start(vertx);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      HealthReport last = reports.stream().filter(r -> r.part().equals(MapRenderer.PART)).reduce((a, b) -> b)
          .orElseThrow();
      assertThat(last.status()).isEqualTo(HealthReport.Status.OK);
      assertThat(last.details().getInteger("maps")).isEqualTo(3);
      assertThat(last.details().getLong("version")).isEqualTo(1L);
      assertThat(last.details().containsKey("lastPublishMs")).isTrue();
    });
  }

  @Test
  void the_disk_copy_of_each_map_follows_the_published_picture(Vertx vertx) throws Exception {
    MapRenderer renderer = start(vertx);
    apply(vertx, seat(7, SeatStatus.DECLARED, "AITC", 1));
    await().atMost(Duration.ofSeconds(5)).until(() -> renderer.maps().fileVersion("state") == 2);
    BufferedImage file = ImageIO.read(renderer.maps().file("state").toFile());
    assertThat(colourAtLabel(file, "state", 7)).isEqualTo(colour("AITC"));
    assertThat(renderer.maps().file("district/alpha")).exists();
  }

  @Test
  void a_disk_copy_that_cannot_be_written_degrades_health_while_the_map_is_still_served_and_is_retried(Vertx vertx)
      throws Exception {
    List<HealthReport> reports = new CopyOnWriteArrayList<>();
    Bus.of(vertx).subscribe(Contract.HEALTH, reports::add);
    MapRenderer renderer = start(vertx);
    await().atMost(Duration.ofSeconds(5)).until(() -> renderer.maps().fileVersion("state") == 1);
    byte[] good = Files.readAllBytes(renderer.maps().file("state"));
    Path blocker = renderer.maps().file("state").resolveSibling("state.png.tmp");
    Files.createDirectories(blocker); // the temporary file cannot be written while a folder has its name
    apply(vertx, seat(4, SeatStatus.DECLARED, "BJP", 1));
    await().atMost(Duration.ofSeconds(5)).until(() -> reports.stream()
        .anyMatch(r -> r.part().equals(MapRenderer.PART) && r.status() == HealthReport.Status.DEGRADED
            && r.lastError().contains("state.png")));
    assertThat(colourAtLabel(served(renderer, "state"), "state", 4)).as("readers get the new picture")
        .isEqualTo(colour("BJP"));
    assertThat(Files.readAllBytes(renderer.maps().file("state"))).as("the last good file stays whole").isEqualTo(good);
    reports.clear();
    Files.delete(blocker);
    await().atMost(Duration.ofSeconds(5)).until(() -> renderer.maps().fileVersion("state") == 2);
    assertThat(colourAtLabel(ImageIO.read(renderer.maps().file("state").toFile()), "state", 4))
        .isEqualTo(colour("BJP"));
    await().atMost(Duration.ofSeconds(5)).until(() -> reports.stream()
        .anyMatch(r -> r.part().equals(MapRenderer.PART) && r.status() == HealthReport.Status.OK));
  }

  /** The picture the HTTP routes serve now. */
  private static BufferedImage served(MapRenderer renderer, String map) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(renderer.maps().read(map, null).orElseThrow().png().bytes()));
  }

  /** A store with nothing in it yet, then the renderer on the synthetic maps; updates are collected. */
  private MapRenderer start(Vertx vertx) throws Exception {
    StoreVerticle.deploy(vertx, dataDir, WB).await();
    return startRenderer(vertx);
  }

  private MapRenderer startRenderer(Vertx vertx) throws Exception {
    List<String> districts = SEATS.stream().map(s -> s <= 12 ? "Alpha" : "Beta").toList();
    SyntheticMaps.tree(mapsDir, 6, SEATS, districts);
    reader = ResultsReader.open(dataDir);
    Bus.of(vertx).subscribe(Contract.MAP_UPDATED, m -> updates.add(Wire.json(m)));
    MapRenderer renderer = new MapRenderer(MapSource.folder(mapsDir), MapPlace.single("S25", dataDir), reader,
        WB.parties());
    vertx.deployVerticle(renderer).await();
    await().atMost(Duration.ofSeconds(5)).until(() -> updatesOf("state").size() == 1); // the start-up publish
    updates.clear();
    return renderer;
  }

  private List<JsonObject> updatesOf(String map) {
    return updates.stream().filter(u -> u.getString("map").equals(map)).toList();
  }

  static ApplyResult apply(Vertx vertx, Snapshot... snapshots) {
    ApplyResult result = Bus.of(vertx).request(Contract.STORE_APPLY, new ScrapeBatch("S25", List.of(snapshots),
        List.of()),
        30_000).await();
    assertThat(result.rejections()).isEmpty();
    return result;
  }

  /** A seat where the given party's candidate leads another by 100 votes per round done. */
  static Snapshot seat(int seat, SeatStatus status, String leader, int round) {
    String other = leader.equals("BJP") ? "AITC" : "BJP";
    Instant at = T0.plusSeconds(60L * round);
    return new Snapshot(seat, status, status == SeatStatus.DECLARED ? 20 : round, 20,
        List.of(cand("Lead " + seat, leader, 300L * round), cand("Second " + seat, other, 200L * round)), at, at,
        "https://results.example/" + seat, false);
  }

  static SnapshotCandidate cand(String name, String party, long votes) {
    return new SnapshotCandidate(name, party, votes, 0, votes);
  }

  static int colour(String party) {
    return Integer.parseInt(WB.parties().byCode(party).orElseThrow().color().substring(1), 16);
  }

  private int colourAtLabel(BufferedImage image, String map, int seat) throws Exception {
    int[] label = SyntheticMaps.label(mapsDir.resolve(map), seat);
    assertThat(Files.exists(mapsDir.resolve(map))).isTrue();
    return image.getRGB(label[0], label[1]) & 0xFFFFFF;
  }
}
