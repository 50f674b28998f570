package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.ClusterView;
import io.tallycast.bus.ClusterView.Node;
import io.tallycast.bus.ClusterView.Takeover;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.HealthReport.Status;
import io.tallycast.election.Election;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster as the console shows it, made from what the cluster holds: who is a member now, each node's own line,
 * the owners maps and the history of take-overs.
 */
class ClusterBoardTest {
  private static final List<String> STATES = Election.embedded("may2021").codes();
  private static final Instant NOW = Instant.parse("2026-05-04T08:32:11Z");

  private static String line(String name, Instant seen, HealthReport... health) {
    return NodeLine.of(name, "http://127.0.0.1:808" + name.charAt(name.length() - 1), List.of(health), 96.44, seen)
        .encode();
  }

  private static String owner(String node) {
    return new JsonObject().put("node", node).put("since", NOW.minusSeconds(600).toString()).encode();
  }

  /** Three nodes sharing the five states, node-2 holding the third and fourth. */
  private static Map<String, String> owners() {
    Map<String, String> owners = new HashMap<>();
    for (int i = 0; i < STATES.size(); i++) {
      owners.put(STATES.get(i), owner(i < 2 ? "node-1" : i < 4 ? "node-2" : "node-3"));
    }
    return owners;
  }

  private static Node node(ClusterView view, String name) {
    return view.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void each_member_shows_its_line_and_the_states_and_channels_the_owners_maps_give_it() {
    HealthReport slow = new HealthReport("scraper S03", Status.DEGRADED, NOW, "seat 12: 503", NOW, null);
    Map<String, String> lines = Map.of("node-1", line("node-1", NOW), "node-2", line("node-2", NOW, slow),
        "node-3", line("node-3", NOW));
    Map<String, String> channels = Map.of("national", owner("node-3"), "bengal", owner("node-1"));

    ClusterView view = ClusterBoard.view("node-1", NOW, List.of("node-3", "node-1", "node-2"), STATES, lines, owners(),
        channels, List.of());

    assertThat(view.node()).isEqualTo("node-1");
    assertThat(view.members()).containsExactly("node-1", "node-2", "node-3");
    assertThat(view.nodes()).extracting(Node::name).containsExactly("node-1", "node-2", "node-3");
    assertThat(view.nodes()).noneMatch(Node::gone);
    assertThat(node(view, "node-1").states()).containsExactly(STATES.get(0), STATES.get(1));
    assertThat(node(view, "node-2").states()).containsExactly(STATES.get(2), STATES.get(3));
    assertThat(node(view, "node-1").channels()).containsExactly("bengal");
    assertThat(node(view, "node-3").channels()).containsExactly("national");
    assertThat(node(view, "node-2").api()).isEqualTo("http://127.0.0.1:8082");
    assertThat(node(view, "node-2").status()).isEqualTo(Status.DEGRADED);
    assertThat(node(view, "node-2").problems()).containsExactly(new ClusterView.Problem("scraper S03",
        Status.DEGRADED, "seat 12: 503"));
    assertThat(node(view, "node-1").status()).isEqualTo(Status.OK);
    assertThat(node(view, "node-1").heapMb()).isEqualTo(96.4);
    assertThat(view.unowned()).isEmpty();
  }

  @Test
  void a_node_that_left_is_shown_gone_with_what_it_still_holds_until_it_is_taken_over() {
    Instant lastSeen = NOW.minusSeconds(4);
    Map<String, String> lines = Map.of("node-1", line("node-1", NOW), "node-2", line("node-2", lastSeen),
        "node-3", line("node-3", NOW));
    Map<String, String> owners = owners();
    owners.remove(STATES.get(3)); // its hand-over under way: nobody named yet

    ClusterView view = ClusterBoard.view("node-3", NOW, List.of("node-1", "node-3"), STATES, lines, owners, Map.of(),
        List.of());

    Node gone = node(view, "node-2");
    assertThat(gone.gone()).isTrue();
    assertThat(gone.lastSeen()).isEqualTo(lastSeen);
    assertThat(gone.states()).containsExactly(STATES.get(2));
    assertThat(view.unowned()).containsExactly(STATES.get(3));
    assertThat(view.members()).containsExactly("node-1", "node-3");
  }

  @Test
  void a_member_without_a_line_yet_and_an_owner_without_one_any_more_are_both_listed() {
    Map<String, String> owners = Map.of(STATES.get(0), owner("node-9"));

    ClusterView view = ClusterBoard.view("node-1", NOW, List.of("node-1", "node-4"), STATES,
        Map.of("node-1", line("node-1", NOW), "node-5", "{not json"), owners, Map.of(), List.of());

    assertThat(view.nodes()).extracting(Node::name).containsExactly("node-1", "node-4", "node-9");
    Node joining = node(view, "node-4");
    assertThat(joining.gone()).isFalse();
    assertThat(joining.api()).isNull();
    assertThat(joining.status()).isNull();
    assertThat(node(view, "node-9").gone()).isTrue();
    assertThat(node(view, "node-9").states()).containsExactly(STATES.get(0));
    assertThat(view.unowned()).hasSize(STATES.size() - 1);
  }

  @Test
  void the_history_is_given_as_the_log_reads_it_newest_first() {
    List<Takeover> history = List.of(
        new Takeover(Takeover.STATE, "S25", "node-2", "node-3", NOW, 150, 2_100L),
        new Takeover(Takeover.STATE, "S03", null, "node-1", NOW.minusSeconds(600), 90, null));

    ClusterView view = ClusterBoard.view("node-1", NOW, List.of("node-1"), STATES, Map.of(), Map.of(), Map.of(),
        history);

    assertThat(view.takeovers()).isEqualTo(history);
  }

  @Test
  void a_view_differing_only_in_heaps_and_times_is_the_same_to_an_operator_but_not_one_with_another_health() {
    Map<String, String> before = Map.of("node-1", line("node-1", NOW), "node-2", line("node-2", NOW));
    Map<String, String> later = new HashMap<>(Map.of("node-1", NodeLine.of("node-1", "http://127.0.0.1:8081",
        List.of(), 150, NOW.plusSeconds(1)).encode(), "node-2", line("node-2", NOW.plusSeconds(1))));
    List<String> members = List.of("node-1", "node-2");

    ClusterView first = ClusterBoard.view("node-1", NOW, members, STATES, before, owners(), Map.of(), List.of());
    ClusterView second = ClusterBoard.view("node-1", NOW.plusSeconds(2), members, STATES, later, owners(), Map.of(),
        List.of());
    assertThat(ClusterBoard.steady(second)).isEqualTo(ClusterBoard.steady(first));

    later.put("node-2", line("node-2", NOW.plusSeconds(1), new HealthReport("store", Status.DOWN, null,
        "disk full", NOW, null)));
    ClusterView sick = ClusterBoard.view("node-1", NOW.plusSeconds(2), members, STATES, later, owners(), Map.of(),
        List.of());
    assertThat(ClusterBoard.steady(sick)).isNotEqualTo(ClusterBoard.steady(first));
    ClusterView smaller = ClusterBoard.view("node-1", NOW.plusSeconds(2), List.of("node-1"), STATES, before, owners(),
        Map.of(), List.of());
    assertThat(ClusterBoard.steady(smaller)).isNotEqualTo(ClusterBoard.steady(first));
  }

  @Test
  void a_nodes_line_holds_its_worst_health_and_only_the_parts_that_need_an_eye() {
    List<HealthReport> health = List.of(
        new HealthReport("stream", Status.STOPPED, null, null, null, null),
        new HealthReport("store", Status.OK, NOW, null, null, null),
        new HealthReport("scraper S22", Status.DOWN, null, "site unreachable", NOW, null),
        new HealthReport("maps", Status.STARTING, null, null, null, null));

    NodeLine line = NodeLine.of("node-2", "http://10.0.0.2:8080", health, 123.456, NOW);

    assertThat(line.status()).isEqualTo(Status.DOWN);
    assertThat(line.problems()).containsExactly(new ClusterView.Problem("maps", Status.STARTING, null),
        new ClusterView.Problem("scraper S22", Status.DOWN, "site unreachable"));
    assertThat(line.heapMb()).isEqualTo(123.5);
    assertThat(NodeLine.decode(line.encode())).isEqualTo(line);
    assertThat(NodeLine.of("node-2", "x", List.of(), 1, NOW).status()).isEqualTo(Status.OK);
  }
}
