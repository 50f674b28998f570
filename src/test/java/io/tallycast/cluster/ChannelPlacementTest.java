package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which node carries each stream channel: one node each, only an allowed one, and a channel never moved needlessly. */
class ChannelPlacementTest {
  private static final List<String> THREE = List.of("node-1", "node-2", "node-3");
  private static final List<ChannelNodes> CHANNELS = List.of(
      new ChannelNodes("national", List.of()),
      new ChannelNodes("west-bengal", List.of("node-2", "node-3")),
      new ChannelNodes("kerala", List.of("node-3")),
      new ChannelNodes("assam", List.of()));

  @Test
  void every_channel_is_carried_by_one_live_node_that_may_carry_it() {
    Map<String, String> plan = ChannelPlacement.next(CHANNELS, THREE, Map.of());

    assertThat(plan).containsOnlyKeys("national", "west-bengal", "kerala", "assam");
    for (ChannelNodes c : CHANNELS) {
      assertThat(c.allows(plan.get(c.channel()))).as(c.channel()).isTrue();
    }
  }

  @Test
  void a_free_channel_goes_to_the_allowed_node_carrying_fewest_ties_by_name_in_the_configurations_order() {
    Map<String, String> plan = ChannelPlacement.next(CHANNELS, List.of("node-3", "node-2", "node-1"), Map.of());

    // national: all carry none -> node-1; west-bengal: node-2 or node-3 -> node-2; kerala: node-3 only;
    // assam: node-1, node-2 and node-3 carry one each -> node-1
    assertThat(plan).containsExactly(Map.entry("national", "node-1"), Map.entry("west-bengal", "node-2"),
        Map.entry("kerala", "node-3"), Map.entry("assam", "node-1"));
  }

  @Test
  void the_same_inputs_give_the_same_placement_on_every_node_whatever_the_order_of_the_members() {
    Map<String, String> current = Map.of("kerala", "node-3");
    assertThat(ChannelPlacement.next(CHANNELS, List.of("node-2", "node-3", "node-1"), current))
        .isEqualTo(ChannelPlacement.next(CHANNELS, THREE, current));
  }

  @Test
  void a_channel_stays_on_its_node_while_that_node_lives_even_when_another_carries_fewer() {
    Map<String, String> current = Map.of("national", "node-1", "west-bengal", "node-3", "kerala", "node-3",
        "assam", "node-1");

    Map<String, String> plan = ChannelPlacement.next(CHANNELS, THREE, current);

    assertThat(plan).as("node-2 carries nothing, yet nothing moves to it").isEqualTo(current);
  }

  @Test
  void only_the_channels_of_a_node_that_died_move_and_only_to_nodes_allowed_to_carry_them() {
    Map<String, String> before = ChannelPlacement.next(CHANNELS, THREE, Map.of());
    Map<String, String> after = ChannelPlacement.next(CHANNELS, List.of("node-1", "node-3"), before);

    before.forEach((channel, node) -> {
      if (!node.equals("node-2")) {
        assertThat(after.get(channel)).as("%s stays", channel).isEqualTo(node);
      }
    });
    assertThat(after.get("west-bengal")).as("node-2's channel, allowed on node-2 and node-3 only").isEqualTo("node-3");
  }

  @Test
  void a_node_that_comes_back_after_a_crash_does_not_take_its_channels_back() {
    Map<String, String> three = ChannelPlacement.next(CHANNELS, THREE, Map.of());
    Map<String, String> two = ChannelPlacement.next(CHANNELS, List.of("node-2", "node-3"), three);
    Map<String, String> back = ChannelPlacement.next(CHANNELS, THREE, two);

    assertThat(three.get("national")).isEqualTo("node-1");
    assertThat(back).as("node-1 rejoined: nothing moves").isEqualTo(two);
    assertThat(back).doesNotContainValue("node-1");
  }

  @Test
  void a_channel_none_of_whose_nodes_is_in_the_cluster_is_carried_by_nobody_and_placed_again_when_one_joins() {
    Map<String, String> without = ChannelPlacement.next(CHANNELS, List.of("node-1", "node-2"),
        Map.of("kerala", "node-3"));
    assertThat(without).doesNotContainKey("kerala").containsKey("national");

    Map<String, String> with = ChannelPlacement.next(CHANNELS, THREE, without);
    assertThat(with).containsEntry("kerala", "node-3");
    without.forEach((channel, node) -> assertThat(with.get(channel)).as(channel).isEqualTo(node));
  }

  @Test
  void a_node_that_is_no_longer_allowed_loses_the_channel_to_one_that_is() {
    Map<String, String> current = new HashMap<>(Map.of("west-bengal", "node-1"));

    assertThat(ChannelPlacement.next(CHANNELS, THREE, current)).containsEntry("west-bengal", "node-2");
  }

  @Test
  void no_node_no_placement() {
    assertThat(ChannelPlacement.next(CHANNELS, List.of(), Map.of("national", "node-1"))).isEmpty();
  }

  @Test
  void a_node_name_that_cannot_be_a_node_is_refused_naming_the_channel() {
    assertThatThrownBy(() -> new ChannelNodes("national", List.of("node 1")))
        .hasMessageContaining("national").hasMessageContaining("'node 1'");
    assertThat(new ChannelNodes("national", null).allows("any-node")).isTrue();
  }
}
