package io.tallycast.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * West Bengal voted in eight phases in 2021: each seat's phase, as the shared phases list gives it (joined on the seat
 * number), read from the embedded set through {@link ElectionData#phaseOf}.
 */
class WestBengalPhasesTest {
  private final ElectionData wb2021 = ElectionData.westBengal2021();

  @Test
  void the_seats_per_phase_are_those_of_the_phases_list_30_30_31_44_45_43_36_35() throws Exception {
    Map<Integer, Long> expected = SharedSources.csv(SharedSources.PHASES_2021).stream().collect(Collectors.groupingBy(
        r -> Integer.parseInt(r.get("phase")), TreeMap::new, Collectors.counting()));
    Map<Integer, Long> embedded = wb2021.phases().bySeat().values().stream().collect(Collectors.groupingBy(
        p -> p, TreeMap::new, Collectors.counting()));
    assertThat(embedded).isEqualTo(expected);
    assertThat(embedded.values()).containsExactly(30L, 30L, 31L, 44L, 45L, 43L, 36L, 35L);
  }

  @Test
  void every_2021_seat_has_the_phase_the_list_gives_its_number() throws Exception {
    List<Map<String, String>> rows = SharedSources.csv(SharedSources.PHASES_2021);
    assertThat(rows).hasSameSizeAs(wb2021.seats().values());
    for (Map<String, String> row : rows) {
      int seat = Integer.parseInt(row.get("ac_no").strip());
      assertThat(wb2021.phaseOf(seat)).as("seat %d", seat).hasValue(Integer.parseInt(row.get("phase").strip()));
    }
    assertThat(wb2021.seats().keySet()).allSatisfy(seat -> assertThat(wb2021.phaseOf(seat)).isPresent());
    // Samserganj and Jangipur voted later (30 September) but belonged to phase 7
    assertThat(wb2021.phaseOf(56)).hasValue(7);
    assertThat(wb2021.phaseOf(58)).hasValue(7);
    assertThat(wb2021.phaseOf(295)).isEmpty();
  }

  @Test
  void a_state_that_voted_on_one_day_and_data_not_embedded_have_no_phases() throws Exception {
    for (String id : List.of("wb2026", "as2021", "kl2021", "py2021", "tn2021")) {
      assertThat(ElectionData.embedded(id).phases().isEmpty()).as(id).isTrue();
      assertThat(ElectionData.embedded(id).phaseOf(1)).as(id).isEmpty();
    }
    ElectionData configured = ElectionData.fromCsv("West Bengal", "S25", wb2021.parties(),
        new StringReader("ac_no,ac_name,district\n1,MEKLIGANJ,COOCH BEHAR\n"), null, 0);
    assertThat(configured.phaseOf(1)).isEmpty();
    assertThat(configured.phases()).isSameAs(Phases.NONE);
  }
}
