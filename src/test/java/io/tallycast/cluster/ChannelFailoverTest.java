package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tallycast.election.Election;
import io.tallycast.replay.ReplayModels;
import io.tallycast.replay.ReplayOptions;
import io.tallycast.replay.ReplaySite;
import io.tallycast.support.Ffmpeg;
import io.tallycast.support.RtmpPublishers;
import io.tallycast.support.SlowTier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three `tallycast node` JVMs on loopback carry one stream channel, allowed on two of them, to a local RTMP ingest that
 * takes publisher after publisher: the node carrying it is killed -9 (its browser and X server with it) and the other
 * allowed node resumes the channel to the same ingest within 15 s; the third never carries it; no two nodes ever
 * publish at once; the killed node, restarted, does not take the channel back; the operator's stop and start are the
 * carrier's (the channel stays there), and a node that does not carry it refuses the start.
 */
@SlowTier
class ChannelFailoverTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  /** The stream name at the ingest: a secret on a real ingest, so it must not show in a log or an answer. */
  private static final String KEY = "failover-secret-key-7c1e";
  private static final String CHANNEL = "national";
  private final List<NodeProcess> nodes = new ArrayList<>();
  private Vertx vertx;
  private RtmpPublishers ingest;

  @TempDir
  Path dir;

  /** On a failure, what each node said last. */
  @RegisterExtension
  final TestWatcher tails = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      for (NodeProcess node : nodes) {
        List<String> out = node.output();
        System.out.printf("--- %s, last lines:%n%s%n", node.name,
            String.join("\n", out.subList(Math.max(0, out.size() - 60), out.size())));
      }
    }
  };

  @AfterEach
  void stop() throws Exception {
    for (NodeProcess node : nodes) {
      node.close();
    }
    if (ingest != null) {
      ingest.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void a_channel_on_a_killed_node_resumes_on_a_survivor_allowed_to_carry_it_to_the_same_ingest_within_15_s()
      throws Exception {
    Election may2021 = Election.embedded("may2021");
    vertx = Vertx.vertx();
    ReplayOptions options = ReplayOptions.defaults().withPrefix(may2021.main().replayPrefix());
    ReplaySite site = ReplaySite.start(vertx, ReplayModels.election(may2021, options.seed()), options).await();
    site.clock().pause(); // the pages stay as they are: the test is about the stream, and the cores are few
    ingest = RtmpPublishers.start(dir.resolve("ingest"), "live", KEY);
    String channels = """
        channels:
          - name: %s
            scene: states
            size: 640x360
            fps: 10
            bitrate: 300k
            rtmp: [%s]
            nodes: [node-1, node-2]
        """.formatted(CHANNEL, ingest.url());
    List<Integer> clusterPorts = List.of(NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort());
    for (int i = 0; i < 3; i++) {
      nodes.add(NodeProcess.configure(dir, "node-" + (i + 1), NodeProcess.freePort(), clusterPorts.get(i),
          clusterPorts, i == 0, site.baseUrl(), "may2021", 2.0, channels));
    }
    for (NodeProcess node : nodes) {
      node.start();
    }
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      for (NodeProcess node : nodes) {
        assertThat(members(node)).as("%s in a cluster of three", node.name).isEqualTo(3);
      }
      assertThat(carriers(nodes)).as("carried by one node").hasSize(1);
    });
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
        ingest.publishers().stream().anyMatch(p -> p.open() && p.firstVideoAt() > 0));
    NodeProcess carrier = carriers(nodes).get(0);
    NodeProcess other = nodes.get(carrier == nodes.get(0) ? 1 : 0);
    NodeProcess third = nodes.get(2);
    assertThat(carrier).as("the channel is allowed on node-1 and node-2 only").isNotSameAs(third);
    System.out.printf("channels: %s carried by %s, on air at the ingest (publisher %d)%n", CHANNEL, carrier.name,
        ingest.publishers().size());

    int before = ingest.publishers().size();
    carrier.kill9WithHelpers();
    long killed = System.nanoTime();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
        resumed(before).isPresent());
    RtmpPublishers.Publisher resumed = resumed(before).orElseThrow();
    long resumeMs = (resumed.firstVideoAt() - killed) / 1_000_000;
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(carriers(List.of(other, third))).containsExactly(other));
    JsonObject takeover = placement(other).getJsonObject("lastTakeover");
    System.out.printf("channels: %s killed -9; %s resumed %s at the same ingest: connected %d ms and first video "
            + "frame received %d ms after the kill (take-over: %s)%n", carrier.name, other.name, CHANNEL,
        (resumed.connectedAt() - killed) / 1_000_000, resumeMs, takeover);
    assertThat(resumeMs).as("from kill -9 to the first frame from the survivor").isLessThan(15_000);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      JsonObject cluster = new JsonObject(body(third.api() + "/api/cluster"));
      assertThat(cluster.getJsonArray("nodes").stream().map(JsonObject.class::cast)
          .filter(n -> n.getString("name").equals(other.name)).findFirst().orElseThrow().getJsonArray("channels"))
          .as("the cluster view, from a node that does not carry it").containsExactly(CHANNEL);
      List<List<String>> channelTakeovers = cluster.getJsonArray("takeovers").stream().map(JsonObject.class::cast)
          .filter(t -> "channel".equals(t.getString("kind")))
          .map(t -> java.util.Arrays.asList(t.getString("name"), t.getString("from"), t.getString("to"))).toList();
      assertThat(channelTakeovers).as("the cluster's history, newest first")
          .startsWith(List.of(CHANNEL, carrier.name, other.name));
    });
    assertThat(resumed.log()).as("the ingest's own words on the resumed publisher: same app and stream name")
        .doesNotContain("Unexpected").doesNotContain("don't match");
    Ffmpeg.Probe probe = Ffmpeg.probe(resumed.file());
    assertThat(probe.videoCodec()).isEqualTo("h264");
    assertThat(probe.size()).isEqualTo("640x360");

    carrier.start();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        assertThat(members(carrier)).as("%s back in the cluster", carrier.name).isEqualTo(3));
    int publishers = ingest.publishers().size();
    await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> {
          assertThat(carriers(nodes)).as("the survivor keeps the channel").containsExactly(other);
          assertThat(placedOn(carrier)).as("%s's view", carrier.name).isEqualTo(other.name);
          assertThat(ingest.publishers()).as("no new publisher").hasSize(publishers);
          assertThat(resumed.open()).isTrue();
        });
    System.out.printf("channels: %s restarted; %s still carries %s, %d publisher(s) in all, at most %d at once%n",
        carrier.name, other.name, CHANNEL, ingest.publishers().size(), ingest.mostAtOnce());

    assertThat(streamState(other)).as("the carrier's stream part").isEqualTo("running");
    assertThat(streamState(third)).as("a node that does not carry it").isEqualTo("on another node");
    HttpResponse<String> refused = operator(third, "start");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("carried by another node");

    // the operator's stop and start are the carrier's: the channel stays there, off air until started again
    assertThat(operator(other, "stop").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> !resumed.open());
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
      assertThat(carriers(nodes)).containsExactly(other);
      assertThat(ingest.publishers()).as("nobody else publishes it").hasSize(publishers);
    });
    assertThat(operator(other, "start").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
        resumed(publishers).isPresent());

    assertThat(ingest.mostAtOnce()).as("never two publishers of the channel at once").isEqualTo(1);
    assertThat(placement(third).getValue("lastTakeover")).as("node-3 is not allowed: it never took it").isNull();
    for (NodeProcess node : nodes) {
      assertThat(String.join("\n", node.output())).as("%s's log", node.name).doesNotContain(KEY);
      assertThat(body(node.api() + "/api/health")).as("%s's health", node.name).doesNotContain(KEY);
    }
  }

  /** The first publisher after the first {@code before} that got a video frame through. */
  private Optional<RtmpPublishers.Publisher> resumed(int before) {
    return ingest.publishers().stream().skip(before).filter(p -> p.firstVideoAt() > 0).findFirst();
  }

  /** The nodes whose health says they carry the channel now. */
  private static List<NodeProcess> carriers(List<NodeProcess> nodes) {
    List<NodeProcess> out = new ArrayList<>();
    for (NodeProcess node : nodes) {
      JsonObject p = placement(node);
      JsonArray carries = p == null ? null : p.getJsonArray("carries");
      if (carries != null && carries.contains(CHANNEL)) {
        out.add(node);
      }
    }
    return out;
  }

  /** The operator's start or stop of the node's (first) channel, with the node's own token. */
  private HttpResponse<String> operator(NodeProcess node, String action) throws Exception {
    String token = Files.readString(dir.resolve(node.name).resolve("operator.token")).strip();
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.api() + "/api/operator/stream/" + action))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The state the node's health part "stream" shows (running, stopped, on another node). */
  private static String streamState(NodeProcess node) throws Exception {
    return new JsonObject(body(node.api() + "/api/health")).getJsonObject("parts").getJsonObject("stream")
        .getJsonObject("details").getString("state");
  }

  /** The members the node's channel placement sees, -1 while it does not answer. */
  private static int members(NodeProcess node) {
    JsonObject p = placement(node);
    return p == null || p.getJsonArray("members") == null ? -1 : p.getJsonArray("members").size();
  }

  /** The node the channel is placed on, as this node sees it. */
  private static String placedOn(NodeProcess node) {
    JsonObject p = placement(node);
    return p == null || p.getJsonObject("placement") == null ? null : p.getJsonObject("placement").getString(CHANNEL);
  }

  /** The node's health part "cluster channels" (its details), null while it does not answer. */
  private static JsonObject placement(NodeProcess node) {
    if (node.api() == null || !node.alive()) {
      return null;
    }
    try {
      JsonObject part = new JsonObject(body(node.api() + "/api/health")).getJsonObject("parts")
          .getJsonObject(ChannelOwnershipVerticle.PART);
      return part == null ? null : part.getJsonObject("details");
    } catch (Exception e) {
      return null;
    }
  }

  private static String body(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
