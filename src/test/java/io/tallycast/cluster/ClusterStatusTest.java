package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.bus.Bus;
import io.tallycast.bus.ClusterView;
import io.tallycast.bus.ClusterView.Takeover;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.HealthReport.Status;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status board on one real Hazelcast member in this JVM: the node's own line with its health, what the owners maps
 * give it, the states nobody holds, the history trimmed to the newest {@link TakeoverLog#KEPT}, and a push when what
 * an operator sees changes.
 */
@SlowTier
class ClusterStatusTest {
  private static final List<String> STATES = List.of("S25", "S03", "S11");
  private ClusterNode<Vertx> node;
  private Vertx vertx;
  private Bus bus;

  @BeforeEach
  void aNodeAlone() throws Exception {
    ClusterConfig config = new ClusterConfig("solo", "127.0.0.1", NodeProcess.freePort(), 0, List.of(), true,
        Duration.ofSeconds(20), Duration.ofSeconds(5));
    node = ClusterNode.join(config, manager -> Vertx.builder().withClusterManager(manager).buildClustered(), v -> v);
    vertx = node.runtime();
    bus = Bus.of(vertx);
    vertx.deployVerticle(new ClusterStatusVerticle("solo", "http://127.0.0.1:8081", STATES, node.hazelcast()))
        .await();
  }

  @AfterEach
  void leave() {
    if (vertx != null) {
      vertx.close().await();
    }
  }

  private ClusterView view() {
    return bus.request(Contract.CLUSTER_STATUS, null, 10_000).await();
  }

  private static String owner(String name) {
    return new JsonObject().put("node", name).put("since", Instant.now().toString()).encode();
  }

  @Test
  void theNodeShowsItsLineItsHealthWhatItCarriesAndTheStatesNobodyHolds() {
    List<ClusterView> pushed = new CopyOnWriteArrayList<>();
    bus.subscribe(Contract.CLUSTER_VIEW, pushed::add);
    vertx.sharedData().<String, String>getAsyncMap(OwnershipVerticle.OWNERS).compose(m -> m.put("S25", owner("solo")))
        .await();
    vertx.sharedData().<String, String>getAsyncMap(ClusterStatusVerticle.CHANNEL_OWNERS)
        .compose(m -> m.put("bengal", owner("solo"))).await();
    new HealthReport("store", Status.DOWN, null, "disk full", Instant.now(), null).publish(vertx);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      ClusterView.Node solo = view().nodes().get(0);
      assertThat(solo.status()).isEqualTo(Status.DOWN);
      assertThat(solo.problems()).containsExactly(new ClusterView.Problem("store", Status.DOWN, "disk full"));
    });
    ClusterView view = view();
    assertThat(view.members()).containsExactly("solo");
    ClusterView.Node solo = view.nodes().get(0);
    assertThat(solo.name()).isEqualTo("solo");
    assertThat(solo.gone()).isFalse();
    assertThat(solo.api()).isEqualTo("http://127.0.0.1:8081");
    assertThat(solo.states()).containsExactly("S25");
    assertThat(solo.channels()).containsExactly("bengal");
    assertThat(solo.heapMb()).isPositive();
    assertThat(solo.lastSeen()).isAfter(Instant.now().minusSeconds(10));
    assertThat(view.unowned()).containsExactly("S03", "S11");
    await().atMost(Duration.ofSeconds(20)).until(() -> pushed.stream().anyMatch(
        v -> v.nodes().get(0).status() == Status.DOWN && v.nodes().get(0).states().equals(List.of("S25"))));
  }

  @Test
  void theHistoryKeepsTheNewestTakeOversNewestFirst() {
    TakeoverLog log = TakeoverLog.open(vertx, node.hazelcast()).await();
    int recorded = TakeoverLog.KEPT + 5;
    IntStream.range(0, recorded).forEach(i -> log.record(i % 2 == 0 ? Takeover.STATE : Takeover.CHANNEL, "n" + i,
        "node-2", "solo", i, i % 3 == 1 ? null : (long) i).await());

    List<Takeover> history = view().takeovers();

    assertThat(history).hasSize(TakeoverLog.KEPT);
    assertThat(history.get(0).name()).isEqualTo("n" + (recorded - 1));
    assertThat(history.get(TakeoverLog.KEPT - 1).name()).isEqualTo("n" + (recorded - TakeoverLog.KEPT));
    assertThat(history).extracting(Takeover::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
    Takeover newest = history.get(0);
    assertThat(newest.kind()).isEqualTo(Takeover.STATE);
    assertThat(newest.from()).isEqualTo("node-2");
    assertThat(newest.to()).isEqualTo("solo");
    assertThat(newest.tookMs()).isEqualTo(recorded - 1);
    assertThat(newest.sinceMemberLeftMs()).isEqualTo(recorded - 1L);
  }
}
