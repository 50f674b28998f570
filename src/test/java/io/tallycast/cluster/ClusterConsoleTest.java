package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.support.Browser;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster as an operator sees it from any node: three `tallycast node` JVMs on loopback follow the five states of
 * 2 May 2021 replayed fast; node-2 is killed -9 mid-count. {@code GET /api/cluster} on each survivor then shows it gone
 * and lists the take-overs of exactly its states, by the survivors, timed from its loss; and the console of a survivor,
 * open since before the kill, shows the same in its Cluster panel without a reload.
 */
@SlowTier
class ClusterConsoleTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
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
  void afterANodeIsKilledEverySurvivorAndItsConsoleShowItGoneAndTheTakeOverOfExactlyItsStates() throws Exception {
    Election may2021 = Election.embedded("may2021");
    Map<String, String> stateNames = may2021.states().stream()
        .collect(Collectors.toMap(ElectionData::stateCode, ElectionData::state));
    vertx = Vertx.vertx();
    ReplayOptions options = ReplayOptions.defaults().withSpeed(2000).withPrefix(may2021.main().replayPrefix());
    ReplaySite site = ReplaySite.start(vertx, ReplayModels.election(may2021, options.seed()), options).await();
    site.clock().pause();
    List<Integer> clusterPorts = List.of(NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort());
    for (int i = 0; i < 3; i++) {
      nodes.add(NodeProcess.configure(dir, "node-" + (i + 1), NodeProcess.freePort(), clusterPorts.get(i),
          clusterPorts, i == 0, site.baseUrl()).start());
    }
    NodeProcess first = nodes.get(0);
    NodeProcess victim = nodes.get(1);
    NodeProcess third = nodes.get(2);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .untilAsserted(() -> threeNodesCarryEveryState(cluster(first)));
    site.clock().resume();
    await().atMost(Duration.ofSeconds(30)).until(() -> site.clock().elapsedSeconds() > 2 * 3600);

    try (Browser browser = Browser.open(1600, 1000)) {
      browser.go(third.api() + "/console/");
      until(browser, "the console on node-3 shows three nodes in its Cluster panel", """
          return document.body.dataset.ready === '1' && !document.getElementById('cluster-panel').hidden
            && document.querySelectorAll('#cluster-nodes li.node[data-gone="0"]').length === 3""");
      browser.js("const d = document.getElementById('token-dialog');"
          + " if (d.open) d.querySelector('#token-cancel').click()"); // read only: the dialog off the screenshot
      Set<String> itsStates = await().atMost(PATIENCE).ignoreExceptions().until(
          () -> strings(node(cluster(third), victim.name).getJsonArray("states")),
          states -> states.equals(ownedBy(victim)));

      Instant killed = Instant.now();
      victim.kill9();

      List<JsonObject> takeovers = null;
      for (NodeProcess survivor : List.of(first, third)) {
        takeovers = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(
            () -> takeoversAfterLoss(cluster(survivor), victim.name, killed),
            t -> strings(t, "name").equals(itsStates));
        JsonObject view = cluster(survivor);
        assertThat(view.getJsonArray("members").getList()).as(survivor.name).containsExactly("node-1", "node-3");
        JsonObject gone = node(view, victim.name);
        assertThat(gone.getBoolean("gone")).as("node-2 on %s", survivor.name).isTrue();
        assertThat(Instant.parse(gone.getString("lastSeen"))).isBefore(killed.plusSeconds(2));
        assertThat(takeovers).allSatisfy(t -> {
          assertThat(t.getString("to")).isIn("node-1", "node-3");
          assertThat(t.getLong("sinceMemberLeftMs")).as("%s: time since node-2 left", t.getString("name"))
              .isNotNull().isBetween(0L, 10_000L);
        });
        Set<String> carried = new TreeSet<>(strings(node(view, "node-1").getJsonArray("states")));
        carried.addAll(strings(node(view, "node-3").getJsonArray("states")));
        assertThat(carried).as("the survivors carry every state").isEqualTo(Set.copyOf(may2021.codes()));
      }
      for (JsonObject t : takeovers) {
        System.out.printf("cluster: %s taken over by %s %d ms after node-2 left (%d ms to run)%n", t.getString("name"),
            t.getString("to"), t.getLong("sinceMemberLeftMs"), t.getLong("tookMs"));
      }

      until(browser, "the console on node-3 shows node-2 gone and the take-over of each of its states",
          "return document.querySelector('#cluster-nodes li.node[data-node=\"node-2\"][data-gone=\"1\"]') !== null"
              + " && document.querySelectorAll('#cluster-takeovers li[data-from=\"node-2\"][data-after=\"1\"]').length"
              + " >= " + itsStates.size());
      for (JsonObject t : takeovers) {
        String text = (String) browser.js("return document.querySelector('#cluster-takeovers li[data-from=\"node-2\"]"
            + "[data-after=\"1\"][data-name=\"' + arguments[0] + '\"]').textContent", t.getString("name"));
        assertThat(text).matches("\\d\\d:\\d\\d:\\d\\d " + stateNames.get(t.getString("name")) + " taken over by "
            + t.getString("to") + " from node-2 \\(\\d+\\.\\d s after node-2 left\\)");
      }
      assertThat((String) browser.js("return document.querySelector('#cluster-nodes li[data-node=\"node-2\"]')"
          + ".textContent")).contains("GONE").contains("last seen");
      browser.screenshot("console-cluster");
    }
  }

  private void threeNodesCarryEveryState(JsonObject view) {
    assertThat(view.getJsonArray("members").getList()).containsExactly("node-1", "node-2", "node-3");
    assertThat(view.getJsonArray("unowned")).isEmpty();
    for (NodeProcess n : nodes) {
      JsonObject line = node(view, n.name);
      assertThat(line.getString("api")).as("%s's line", n.name).isEqualTo(n.api());
      assertThat(line.getJsonArray("states")).as("%s's states", n.name).isNotEmpty();
    }
  }

  /** The take-overs from {@code from} after {@code since} that followed its loss, as the API lists them. */
  private static List<JsonObject> takeoversAfterLoss(JsonObject view, String from, Instant since) {
    return view.getJsonArray("takeovers").stream().map(JsonObject.class::cast)
        .filter(t -> from.equals(t.getString("from")) && !Instant.parse(t.getString("at")).isBefore(since))
        .toList();
  }

  private static void until(Browser browser, String what, String script) {
    browser.waitUpTo(PATIENCE).withMessage(what).until(d -> Boolean.TRUE.equals(browser.js(script)));
  }

  private static JsonObject node(JsonObject view, String name) {
    return view.getJsonArray("nodes").stream().map(JsonObject.class::cast).filter(n -> name.equals(n.getString("name")))
        .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + view.getJsonArray("nodes")));
  }

  private static Set<String> strings(JsonArray array) {
    Set<String> out = new TreeSet<>();
    array.forEach(s -> out.add((String) s));
    return out;
  }

  private static Set<String> strings(List<JsonObject> objects, String field) {
    return objects.stream().map(o -> o.getString(field)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static JsonObject cluster(NodeProcess node) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.api() + "/api/cluster"))
        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s /api/cluster: %s", node.name, response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /** The states a node says it scrapes (its health part "cluster"); none when it does not answer. */
  private static Set<String> ownedBy(NodeProcess node) {
    try {
      return strings(new JsonObject(HTTP.send(HttpRequest.newBuilder(URI.create(node.api() + "/api/health"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body())
          .getJsonObject("parts").getJsonObject("cluster").getJsonObject("details").getJsonArray("owned"));
    } catch (Exception e) {
      return Set.of();
    }
  }
}
