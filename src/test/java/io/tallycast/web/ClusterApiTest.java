package io.tallycast.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.bus.Bus;
import io.tallycast.bus.ClusterView;
import io.tallycast.bus.Contract;
import io.tallycast.bus.HealthReport.Status;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.store.ResultsReader;
import io.tallycast.store.StoreVerticle;
import io.tallycast.support.LiveEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/cluster} and the live channel's {@code cluster} event: what the node's cluster part answers, marked
 * clustered; a run that is not a node of a cluster says so with a 404 the console reads as "no Cluster panel".
 */
@ExtendWith(VertxExtension.class)
class ClusterApiTest {
  private static final ElectionData WB = ElectionData.westBengal2021();
  private static final Instant T = Instant.parse("2026-05-04T08:32:11Z");
  private static final ClusterView VIEW = new ClusterView("node-1", T, List.of("node-1", "node-3"), List.of(
      new ClusterView.Node("node-1", false, "http://127.0.0.1:8081", Status.OK, List.of(), List.of("S25", "S03"),
          List.of(), 80.5, T),
      new ClusterView.Node("node-2", true, "http://127.0.0.1:8082", Status.DEGRADED,
          List.of(new ClusterView.Problem("scraper S11", Status.DEGRADED, "<b>seat 12</b>: 503")), List.of(),
          List.of("kerala"), 101.0, T.minusSeconds(9))),
      List.of("S11"), List.of(new ClusterView.Takeover(ClusterView.Takeover.STATE, "S25", "node-2", "node-1",
          T.minusSeconds(2), 140, 2_100L)));

  @TempDir
  Path dir;
  private Vertx vertx;
  private ResultsReader reader;
  private WebClient client;
  private int port;

  @BeforeEach
  void anApiOnARealStore(Vertx vertx) {
    this.vertx = vertx;
    StoreVerticle.deploy(vertx, dir, WB).await();
    reader = ResultsReader.open(dir);
    ApiVerticle api = new ApiVerticle(WebConfig.on(0), Election.of(WB), reader, Optional.empty(), Map.of(),
        Optional.empty());
    vertx.deployVerticle(api).await();
    port = api.port();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void close() {
    reader.close();
  }

  private HttpResponse<Buffer> cluster() {
    return client.get(port, "127.0.0.1", "/api/cluster").send().await();
  }

  @Test
  void a_run_that_is_not_a_node_of_a_cluster_answers_404_not_clustered() {
    HttpResponse<Buffer> response = cluster();

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.bodyAsJsonObject().getBoolean("clustered")).isFalse();
  }

  @Test
  void on_a_node_the_answer_is_the_cluster_as_its_cluster_part_sees_it() {
    Bus.of(vertx).answer(Contract.CLUSTER_STATUS, query -> Future.succeededFuture(VIEW));

    HttpResponse<Buffer> response = cluster();

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject answer = response.bodyAsJsonObject();
    assertThat(answer.getBoolean("clustered")).isTrue();
    assertThat(answer.getString("node")).isEqualTo("node-1");
    assertThat(answer.getJsonArray("members").getList()).containsExactly("node-1", "node-3");
    JsonObject gone = answer.getJsonArray("nodes").getJsonObject(1);
    assertThat(gone.getBoolean("gone")).isTrue();
    assertThat(gone.getString("status")).isEqualTo("degraded");
    assertThat(gone.getString("lastSeen")).isEqualTo(T.minusSeconds(9).toString());
    assertThat(gone.getJsonArray("problems").getJsonObject(0).getString("error")).isEqualTo("<b>seat 12</b>: 503");
    assertThat(gone.getJsonArray("channels").getList()).containsExactly("kerala");
    assertThat(answer.getJsonArray("unowned").getList()).containsExactly("S11");
    assertThat(answer.getJsonArray("takeovers").getJsonObject(0)).isEqualTo(new JsonObject().put("kind", "state")
        .put("name", "S25").put("from", "node-2").put("to", "node-1").put("at", T.minusSeconds(2).toString())
        .put("tookMs", 140).put("sinceMemberLeftMs", 2_100));
  }

  @Test
  void the_live_channel_pushes_each_view_the_cluster_part_publishes_shaped_like_the_api() {
    try (LiveEvents live = new LiveEvents(vertx, port)) {
      Bus.of(vertx).publish(Contract.CLUSTER_VIEW, VIEW);

      await().atMost(Duration.ofSeconds(20)).until(() -> !live.named("cluster").isEmpty());
      Bus.of(vertx).answer(Contract.CLUSTER_STATUS, query -> Future.succeededFuture(VIEW));
      assertThat(live.named("cluster").get(0)).isEqualTo(cluster().bodyAsJsonObject());
    }
  }
}
