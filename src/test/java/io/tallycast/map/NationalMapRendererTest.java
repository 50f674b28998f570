package io.tallycast.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.Bus;
import io.tallycast.bus.Contract;
import io.tallycast.bus.MapUpdated;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.election.CandidateResult;
import io.tallycast.election.Election;
import io.tallycast.election.SeatRef;
import io.tallycast.election.SeatResult;
import io.tallycast.election.SeatStatus;
import io.tallycast.store.ResultsReader;
import io.tallycast.store.StoreVerticle;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lok Sabha 2024's national map, fed from every state's seats: painted from the store at start, then repainted
 * under a seat's national number when any state's seat changes.
 */
@ExtendWith(VertxExtension.class)
@SlowTier
class NationalMapRendererTest {
  private static final Election LS = Election.embedded("ls2024");
  private static final Instant T0 = Instant.parse("2024-06-04T02:30:00Z");

  @TempDir
  Path dataDir;
  private ResultsReader reader;

  @AfterEach
  void closeReader() {
    if (reader != null) {
      reader.close();
    }
  }

  private static void apply(Vertx vertx, String state, Snapshot snapshot) {
    ApplyResult result = Bus.of(vertx).request(Contract.STORE_APPLY, new ScrapeBatch(state, List.of(snapshot),
        List.of()), 30_000).await();
    assertThat(result.rejections()).isEmpty();
  }

  private static Snapshot snapshot(int seat, SeatStatus status, SnapshotCandidate... candidates) {
    return new Snapshot(seat, status, status == SeatStatus.DECLARED ? 0 : 1, status == SeatStatus.DECLARED ? 0 : 18,
        List.of(candidates), T0, T0, "https://results.example/" + seat, false);
  }

  private static int colour(String party) {
    return Integer.parseInt(LS.main().parties().byCode(party).orElseThrow().color().substring(1), 16);
  }

  private static int colourAt(MapRenderer renderer, MapDefinition map, int nationalNo) throws Exception {
    BufferedImage picture = ImageIO.read(new ByteArrayInputStream(renderer.maps().read(MapDefinition.STATE, null)
        .orElseThrow().png().bytes()));
    int[] label = map.seats().stream().filter(s -> s.no() == nationalNo).findFirst().orElseThrow().label();
    return picture.getRGB(label[0], label[1]) & 0xFFFFFF;
  }

  @Test
  void a_seat_of_any_state_is_painted_under_its_national_number_from_the_store_and_from_its_events(Vertx vertx)
      throws Exception {
    NationalMap national = NationalMap.embeddedFor(LS).orElseThrow();
    MapDefinition map = national.source().load().get(0);
    SeatResult surat = LS.require("S06").finals().values().stream().filter(SeatResult::uncontested).findFirst()
        .orElseThrow();
    CandidateResult winner = surat.winner();
    StoreVerticle.deploy(vertx, dataDir, LS).await();
    // Gujarat's uncontested seat is declared before the renderer starts: it is painted from the store
    apply(vertx, "S06", snapshot(surat.seat(), SeatStatus.DECLARED,
        new SnapshotCandidate(winner.candidate(), winner.party(), 0, 0, 0)));
    List<MapUpdated> updates = new CopyOnWriteArrayList<>();
    Bus.of(vertx).subscribe(Contract.MAP_UPDATED, updates::add);
    reader = ResultsReader.open(dataDir);
    MapRenderer renderer = new MapRenderer(national.source(), MapPlace.national(dataDir), reader,
        MapScope.national(LS, national.numbers()));
    vertx.deployVerticle(renderer).await();
    await().atMost(Duration.ofSeconds(10)).until(() -> !updates.isEmpty());
    int suratNo = national.numbers().get(new SeatRef("S06", surat.seat()));
    assertThat(colourAt(renderer, map, suratNo)).isEqualTo(colour(winner.party()));

    // then a West Bengal seat takes a lead: one repaint of the national map, under that seat's national number
    updates.clear();
    apply(vertx, "S25", snapshot(12, SeatStatus.COUNTING, new SnapshotCandidate("MAHUA MOITRA", "AITC", 900, 10,
        910), new SnapshotCandidate("AMRITA ROY", "BJP", 800, 10, 810)));
    int krishnanagar = national.numbers().get(new SeatRef("S25", 12));
    await().atMost(Duration.ofSeconds(10)).until(() -> !updates.isEmpty());
    MapUpdated update = updates.get(0);
    assertThat(update.state()).isEqualTo(MapPlace.NATIONAL);
    assertThat(update.seats()).containsExactly(krishnanagar);
    assertThat(update.url()).isEqualTo("/api/national/maps/state.png");
    assertThat(colourAt(renderer, map, krishnanagar)).isEqualTo(SeatColors.tint(colour("AITC")));
    assertThat(colourAt(renderer, map, suratNo)).isEqualTo(colour(winner.party()));
  }
}
