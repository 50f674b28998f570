package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.support.FiveStates2021;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three `tallycast node` JVMs on loopback (own ports, own data dirs) follow the five states of 2 May 2021 replayed
 * fast on one site: they share the states, one is killed -9 mid-count and the others take its states within 10 s,
 * every node ends with the replay's final tallies, and the killed node, restarted, gets a share again.
 */
@SlowTier
class ThreeNodeClusterTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private Vertx vertx;

  @TempDir
  Path dir;

  @AfterEach
  void stop() throws Exception {
    for (NodeProcess node : nodes) {
      node.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void threeNodesShareTheStatesAndTheSurvivorsTakeOverAKilledNodesStatesWithinTenSeconds() throws Exception {
    Election may2021 = Election.embedded("may2021");
    vertx = Vertx.vertx();
    ReplayOptions options = ReplayOptions.defaults().withSpeed(2000).withPrefix(may2021.main().replayPrefix());
    ReplaySite site = ReplaySite.start(vertx, ReplayModels.election(may2021, options.seed()), options).await();
    site.clock().pause(); // counting starts once the cluster stands
    List<Integer> clusterPorts = List.of(NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort());
    for (int i = 0; i < 3; i++) {
      nodes.add(NodeProcess.configure(dir, "node-" + (i + 1), NodeProcess.freePort(), clusterPorts.get(i),
          clusterPorts, i == 0, site.baseUrl()));
    }
    long started = System.nanoTime();
    nodes.get(0).start(); // the one that may found the cluster; the others wait for it
    nodes.get(1).start();
    nodes.get(2).start();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(owners(nodes)).as("each state owned once, shared by three").hasSize(5)
            .satisfies(o -> assertThat(Set.copyOf(o.values())).hasSize(3)));
    System.out.printf("cluster: three nodes up and sharing the states in %d ms: %s%n",
        (System.nanoTime() - started) / 1_000_000, owners(nodes));

    site.clock().resume();
    await().atMost(Duration.ofSeconds(30)).until(() -> site.clock().elapsedSeconds() > 2 * 3600);
    NodeProcess victim = nodes.get(1);
    Set<String> itsStates = statesOf(victim);
    victim.kill9();
    long killed = System.nanoTime();
    List<NodeProcess> survivors = List.of(nodes.get(0), nodes.get(2));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
        assertThat(owners(survivors)).as("every state owned by a survivor").hasSize(5));
    long takeoverMs = (System.nanoTime() - killed) / 1_000_000;
    System.out.printf("cluster: %s's states %s owned by the survivors %d ms after kill -9: %s%n", victim.name,
        itsStates, takeoverMs, owners(survivors));
    assertThat(takeoverMs).as("take-over after kill -9").isLessThan(10_000);

    victim.start();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(statesOf(victim)).as("the restarted node's share").isNotEmpty());
    System.out.printf("cluster: %s rejoined and owns %s%n", victim.name, statesOf(victim));

    await().atMost(Duration.ofSeconds(60)).until(() -> site.clock().finished());
    Map<String, Map<Integer, List<FiveStates2021.Candidate>>> real = FiveStates2021.read();
    for (NodeProcess node : nodes) {
      for (ElectionData state : may2021.states()) {
        Map<String, Integer> expected = FiveStates2021.tally(real.get(state.stateCode()), state.parties());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            assertThat(won(get(node.api() + "/api/states/" + state.stateCode() + "/summary")))
                .as("%s on %s", state.state(), node.name).isEqualTo(expected));
      }
    }
    for (NodeProcess node : nodes) {
      // one declaration per seat on every node, the killed and restarted one too, in id order
      JsonArray declared = getArray(node.api() + "/api/events?type=seat.declared");
      Map<String, Integer> perSeat = new TreeMap<>();
      long lastId = 0;
      for (Object o : declared) {
        JsonObject e = (JsonObject) o;
        perSeat.merge(e.getString("state") + "/" + e.getInteger("seat"), 1, Integer::sum);
        assertThat(e.getLong("id")).as("%s event ids in order", node.name).isGreaterThan(lastId);
        lastId = e.getLong("id");
      }
      assertThat(perSeat).as("%s: seats declared more than once", node.name).allSatisfy((seat, n) ->
          assertThat(n).as(seat).isEqualTo(1));
      System.out.printf("cluster: %s: %d seats declared, each once%n", node.name, perSeat.size());
    }
    for (NodeProcess node : nodes) {
      JsonObject cluster = cluster(node);
      System.out.printf("cluster: %s owns %s, batches received %s, latency last %s ms max %s ms, gaps %s, "
              + "last take-over %s, heap %.1f MB, RSS %.1f MB%n", node.name, cluster.getJsonArray("owned"),
          cluster.getValue("batchesReceived"), cluster.getValue("lastLatencyMs"), cluster.getValue("maxLatencyMs"),
          cluster.getValue("gaps"), cluster.getValue("lastTakeover"), heapMb(node), node.rssKb() / 1024.0);
      assertThat(cluster.getLong("gaps")).as("%s missed batches", node.name).isZero();
    }
  }

  /** Each state's owner as the nodes themselves say (their health part "cluster"). */
  private static Map<String, String> owners(List<NodeProcess> nodes) {
    Map<String, String> out = new TreeMap<>();
    for (NodeProcess node : nodes) {
      for (String state : statesOf(node)) {
        if (out.put(state, node.name) != null) {
          throw new AssertionError(state + " owned twice: " + out.get(state) + " and " + node.name);
        }
      }
    }
    return out;
  }

  private static Set<String> statesOf(NodeProcess node) {
    JsonObject cluster = cluster(node);
    JsonArray owned = cluster == null ? null : cluster.getJsonArray("owned");
    Set<String> out = new TreeSet<>();
    if (owned != null) {
      owned.forEach(s -> out.add((String) s));
    }
    return out;
  }

  private static JsonObject cluster(NodeProcess node) {
    if (node.api() == null || !node.alive()) {
      return null;
    }
    try {
      JsonObject part = get(node.api() + "/api/health").getJsonObject("parts").getJsonObject("cluster");
      return part == null ? null : part.getJsonObject("details");
    } catch (Exception e) {
      return null;
    }
  }

  private static double heapMb(NodeProcess node) throws Exception {
    String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(node.api() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    double bytes = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return bytes / 1024 / 1024;
  }

  private static JsonObject get(String url) throws Exception {
    return new JsonObject(HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private static JsonArray getArray(String url) throws Exception {
    return new JsonArray(HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private static Map<String, Integer> won(JsonObject summary) {
    Map<String, Integer> won = new TreeMap<>();
    summary.getJsonArray("parties").stream().map(JsonObject.class::cast).filter(p -> p.getInteger("won") > 0)
        .forEach(p -> won.put(p.getString("party"), p.getInteger("won")));
    return won;
  }
}
