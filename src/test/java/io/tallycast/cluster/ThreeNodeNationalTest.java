package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.support.LokSabha2024;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A national counting day on three `tallycast node` JVMs on loopback (own ports, own data dirs): the Lok Sabha 2024
 * replayed fast, its 36 states shared among the nodes; one node is killed -9 mid-count and the survivors take its
 * states within 10 s; the killed node, restarted, gets a share again; every node ends with the national result of
 * results-2024.csv; and the events the survivors derived are the same on both, each seat declared once, each lead
 * flip taking the lead from the party that had it.
 */
@SlowTier
class ThreeNodeNationalTest {
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
  void threeNodesShareTheLokSabhaAndAKilledNodesStatesAreTakenOverWithoutASecondDeclarationOrAFalseFlip()
      throws Exception {
    Election ls = Election.embedded("ls2024");
    Map<String, Integer> realNational = LokSabha2024.national(ls.main().parties());
    int seats = ls.states().stream().mapToInt(s -> s.seats().size()).sum();
    vertx = Vertx.vertx();
    ReplayOptions options = ReplayOptions.defaults().withSpeed(1500).withPrefix(ls.main().replayPrefix());
    ReplaySite site = ReplaySite.start(vertx, ReplayModels.election(ls, options.seed()), options).await();
    site.clock().pause(); // counting starts once the cluster stands
    List<Integer> clusterPorts = List.of(NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort());
    for (int i = 0; i < 3; i++) {
      nodes.add(NodeProcess.configure(dir, "node-" + (i + 1), NodeProcess.freePort(), clusterPorts.get(i),
          clusterPorts, i == 0, site.baseUrl(), "ls2024"));
    }
    long started = System.nanoTime();
    for (NodeProcess node : nodes) {
      node.start(); // the first may found the cluster; the others wait for it
    }
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(owners(nodes)).as("each state owned once, shared by three").hasSize(ls.states().size())
            .satisfies(o -> assertThat(Set.copyOf(o.values())).hasSize(3)));
    System.out.printf("national: three nodes up and sharing the %d states in %d ms: %s%n", ls.states().size(),
        (System.nanoTime() - started) / 1_000_000, shares(owners(nodes)));

    site.clock().resume();
    await().atMost(Duration.ofSeconds(60)).until(() -> declared(nodes.get(0)) > seats / 4);
    NodeProcess victim = nodes.get(1);
    Set<String> itsStates = statesOf(victim);
    victim.kill9();
    long killed = System.nanoTime();
    System.out.printf("national: %s killed -9 with %d of %d seats declared (replay at %.0f s)%n", victim.name,
        declared(nodes.get(0)), seats, site.clock().elapsedSeconds());
    List<NodeProcess> survivors = List.of(nodes.get(0), nodes.get(2));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
        assertThat(owners(survivors)).as("every state owned by a survivor").hasSize(ls.states().size()));
    long takeoverMs = (System.nanoTime() - killed) / 1_000_000;
    System.out.printf("national: %s's %d states owned by the survivors %d ms after kill -9: %s%n", victim.name,
        itsStates.size(), takeoverMs, shares(owners(survivors)));
    assertThat(takeoverMs).as("take-over after kill -9").isLessThan(10_000);

    victim.start();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(statesOf(victim)).as("the restarted node's share").isNotEmpty());
    System.out.printf("national: %s rejoined and owns %s%n", victim.name, statesOf(victim));

    await().atMost(Duration.ofSeconds(120)).until(() -> site.clock().finished());
    for (NodeProcess node : nodes) {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(national(node, ls)).as("the states' results added up on %s", node.name).isEqualTo(realNational));
      JsonObject national = get(node.api() + "/api/national");
      assertThat(won(national)).as("/api/national on %s", node.name).isEqualTo(realNational);
      assertThat(national.getInteger("majority")).as("the majority mark").isEqualTo(seats / 2 + 1);
      assertThat(national.getJsonObject("seats").getInteger("declared")).isEqualTo(seats);
    }
    System.out.printf("national: every node ends with %s%n", realNational);

    Map<String, List<String>> first = null;
    for (NodeProcess node : nodes) {
      Map<String, List<String>> byState = eventsByState(node, seats);
      if (node == survivors.get(0)) {
        first = byState;
      } else if (node == survivors.get(1)) {
        assertThat(byState).as("the survivors derived the same events, in the same order, state by state")
            .isEqualTo(first);
      }
    }
    operatorsChangeOnOneNodeIsMadeOnEveryNode(nodes.get(0), List.of(nodes.get(1), nodes.get(2)), ls);
    for (NodeProcess node : nodes) {
      JsonObject cluster = cluster(node);
      System.out.printf("national: %s owns %d states, batches received %s, latency last %s ms max %s ms, gaps %s, "
              + "last take-over %s, heap %.1f MB, RSS %.1f MB%n", node.name, cluster.getJsonArray("owned").size(),
          cluster.getValue("batchesReceived"), cluster.getValue("lastLatencyMs"), cluster.getValue("maxLatencyMs"),
          cluster.getValue("gaps"), cluster.getValue("lastTakeover"), heapMb(node), node.rssKb() / 1024.0);
      assertThat(cluster.getLong("gaps")).as("%s missed batches", node.name).isZero();
    }
  }

  /**
   * The node's declarations and lead flips, per state in id order: every seat declared exactly once, ids increasing,
   * and every flip takes the lead from the party the seat's previous flip gave it to.
   */
  private static Map<String, List<String>> eventsByState(NodeProcess node, int seats) throws Exception {
    Map<String, List<String>> byState = new TreeMap<>();
    Map<String, Integer> declarations = new TreeMap<>();
    Map<String, String> leader = new HashMap<>();
    long lastId = 0;
    for (Object o : getArray(node.api() + "/api/events?type=seat.declared,lead.flipped&limit=100000")) {
      JsonObject e = (JsonObject) o;
      assertThat(e.getLong("id")).as("%s: event ids in order", node.name).isGreaterThan(lastId);
      lastId = e.getLong("id");
      String seat = e.getString("state") + "/" + e.getInteger("seat");
      if (e.getString("type").equals("seat.declared")) {
        declarations.merge(seat, 1, Integer::sum);
        byState.computeIfAbsent(e.getString("state"), s -> new ArrayList<>()).add("declared " + seat);
      } else {
        String was = leader.put(seat, e.getString("to"));
        assertThat(was == null || was.equals(e.getString("from")))
            .as("%s: %s flipped from %s, but the last flip gave it to %s", node.name, seat, e.getString("from"), was)
            .isTrue();
        byState.computeIfAbsent(e.getString("state"), s -> new ArrayList<>())
            .add("flip " + seat + " " + e.getString("from") + ">" + e.getString("to"));
      }
    }
    assertThat(declarations).as("%s: every seat declared", node.name).hasSize(seats);
    assertThat(declarations).as("%s: seats declared more than once", node.name)
        .allSatisfy((seat, n) -> assertThat(n).as(seat).isEqualTo(1));
    return byState;
  }

  /**
   * The operator on one node's console puts a state's tally on air and overrides a seat: the other nodes' overlays
   * (whichever carries a channel) show the same scene, their stores hold the override; released, it is gone there too.
   */
  private static void operatorsChangeOnOneNodeIsMadeOnEveryNode(NodeProcess console, List<NodeProcess> others,
                                                                Election election) throws Exception {
    String state = election.states().get(election.states().size() / 2).stateCode();
    String token = console.operatorToken();
    send(console, "POST", "/api/operator/scene", new JsonObject().put("scene", "tally").put("state", state), token);
    String seat = "/api/states/" + state + "/constituencies/1";
    send(console, "POST", "/api/operator/states/" + state + "/seats/1/override",
        new JsonObject().put("reason", "returning officer's sheet").put("status", "declared"), token);
    for (NodeProcess node : others) {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        JsonObject overlay = get(node.api() + "/api/overlay");
        assertThat(overlay.getString("scene")).as("scene on %s", node.name).isEqualTo("tally");
        assertThat(overlay.getString("sceneState")).as("scene's state on %s", node.name).isEqualTo(state);
        JsonObject overridden = get(node.api() + seat).getJsonObject("overridden");
        assertThat(overridden).as("override on %s", node.name).isNotNull();
        assertThat(overridden.getString("reason")).isEqualTo("returning officer's sheet");
      });
    }
    send(console, "DELETE", "/api/operator/states/" + state + "/seats/1/override",
        new JsonObject().put("reason", "sheet checked"), token);
    for (NodeProcess node : others) {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
          assertThat(get(node.api() + seat).getValue("overridden")).as("released on %s", node.name).isNull());
    }
    send(console, "POST", "/api/operator/scraper/pause", new JsonObject(), token);
    for (NodeProcess node : others) {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
          assertThat(scrapersPaused(node)).as("%s's scrapers paused", node.name).containsOnly(true));
    }
    send(console, "POST", "/api/operator/scraper/resume", new JsonObject(), token);
    for (NodeProcess node : others) {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
          assertThat(scrapersPaused(node)).as("%s's scrapers resumed", node.name).containsOnly(false));
    }
    System.out.printf("national: the scene, an override and the scraping paused on %s were made on %s%n", console.name,
        others.stream().map(n -> n.name).toList());
  }

  /** Whether each scraper of the states the node owns is paused (its health part "scraper CODE"). */
  private static List<Boolean> scrapersPaused(NodeProcess node) throws Exception {
    JsonObject parts = get(node.api() + "/api/health").getJsonObject("parts");
    List<Boolean> out = new ArrayList<>();
    for (Object state : cluster(node).getJsonArray("owned")) {
      out.add(parts.getJsonObject("scraper " + state).getJsonObject("details").getBoolean("paused"));
    }
    assertThat(out).as("%s owns states", node.name).isNotEmpty();
    return out;
  }

  private static void send(NodeProcess node, String method, String path, JsonObject body, String token)
      throws Exception {
    HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(node.api() + path))
        .method(method, HttpRequest.BodyPublishers.ofString(body.encode())).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as("%s %s on %s: %s", method, path, node.name, reply.body()).isEqualTo(200);
  }

  /** Seats won per party over all states, as the node's API gives them. */
  private static Map<String, Integer> national(NodeProcess node, Election election) throws Exception {
    Map<String, Integer> won = new TreeMap<>();
    for (ElectionData state : election.states()) {
      get(node.api() + "/api/states/" + state.stateCode() + "/summary").getJsonArray("parties").stream()
          .map(JsonObject.class::cast).filter(p -> p.getInteger("won") > 0)
          .forEach(p -> won.merge(p.getString("party"), p.getInteger("won"), Integer::sum));
    }
    return won;
  }

  private static Map<String, Integer> won(JsonObject national) {
    Map<String, Integer> won = new TreeMap<>();
    national.getJsonArray("parties").stream().map(JsonObject.class::cast).filter(p -> p.getInteger("won") > 0)
        .forEach(p -> won.put(p.getString("party"), p.getInteger("won")));
    return won;
  }

  private static int declared(NodeProcess node) {
    try {
      return getArray(node.api() + "/api/events?type=seat.declared&limit=100000").size();
    } catch (Exception e) {
      return 0;
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

  private static Map<String, Integer> shares(Map<String, String> owners) {
    Map<String, Integer> out = new TreeMap<>();
    owners.values().forEach(n -> out.merge(n, 1, Integer::sum));
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
    return new JsonArray(HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }
}
