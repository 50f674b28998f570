package io.tallycast.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  private static final List<String> FIVE = List.of("S03", "S11", "S22", "S25", "U07");
  private static final List<String> THIRTY_SIX = java.util.stream.IntStream.rangeClosed(1, 36)
      .mapToObj(i -> String.format("S%02d", i)).toList();

  @Test
  void everyStateHasExactlyOneOwnerAndTheSharesDifferByAtMostOne() {
    Map<String, String> plan = Assignment.next(FIVE, List.of("a", "b", "c"), Map.of());

    assertThat(plan).containsOnlyKeys(FIVE);
    assertThat(counts(plan).values()).containsExactlyInAnyOrder(2L, 2L, 1L);
  }

  @Test
  void noNodeNoOwner() {
    assertThat(Assignment.next(FIVE, List.of(), Map.of())).isEmpty();
  }

  @Test
  void aNodeThatLeavesMovesOnlyItsOwnStates() {
    Map<String, String> three = Assignment.next(THIRTY_SIX, List.of("a", "b", "c"), Map.of());
    Map<String, String> two = Assignment.next(THIRTY_SIX, List.of("a", "c"), three);

    assertThat(Assignment.moves(three, two)).isEqualTo(counts(three).get("b").intValue());
    three.forEach((state, node) -> {
      if (!node.equals("b")) {
        assertThat(two.get(state)).as(state).isEqualTo(node);
      }
    });
    assertThat(counts(two).values()).containsExactlyInAnyOrder(18L, 18L);
  }

  @Test
  void aNodeThatJoinsTakesOnlyItsShare() {
    Map<String, String> two = Assignment.next(FIVE, List.of("a", "b"), Map.of());
    Map<String, String> three = Assignment.next(FIVE, List.of("a", "b", "c"), two);

    assertThat(Assignment.moves(two, three)).isEqualTo(1);
    assertThat(counts(three).values()).containsExactlyInAnyOrder(2L, 2L, 1L);

    Map<String, String> many = Assignment.next(THIRTY_SIX, List.of("a", "b", "c"), Map.of());
    Map<String, String> four = Assignment.next(THIRTY_SIX, List.of("a", "b", "c", "d"), many);
    assertThat(Assignment.moves(many, four)).isEqualTo(9);
    assertThat(counts(four).values()).containsOnly(9L);
  }

  @Test
  void theSameInputsGiveTheSameAnswerOnEveryNodeAndAStableOneIsKept() {
    Map<String, String> plan = Assignment.next(FIVE, List.of("c", "a", "b"), Map.of());

    assertThat(Assignment.next(FIVE, List.of("b", "c", "a"), Map.of())).isEqualTo(plan);
    assertThat(Assignment.next(FIVE, List.of("a", "b", "c"), plan)).isEqualTo(plan);
  }

  @Test
  void aNodeHoldingMoreThanItsShareGivesTheRestAway() {
    Map<String, String> oneHasAll = new HashMap<>();
    FIVE.forEach(s -> oneHasAll.put(s, "a"));

    Map<String, String> plan = Assignment.next(FIVE, List.of("a", "b", "c"), oneHasAll);

    assertThat(counts(plan)).containsEntry("a", 2L);
    assertThat(Assignment.moves(oneHasAll, plan)).isEqualTo(3);
  }

  private static Map<String, Long> counts(Map<String, String> plan) {
    Collection<String> owners = plan.values();
    return owners.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
  }
}
