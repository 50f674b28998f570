package io.tallycast.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ElectionDataTest {
  private final ElectionData wb = ElectionData.westBengal2021();

  @Test
  void west_bengal_has_294_seats_and_a_majority_mark_of_148() {
    assertThat(wb.seats()).hasSize(294);
    assertThat(wb.majority()).isEqualTo(148);
    assertThat(wb.seats().get(1).name()).isEqualTo("MEKLIGANJ");
    assertThat(wb.seats().get(1).district()).isEqualTo("COOCH BEHAR");
  }

  @Test
  void the_real_2021_winners_are_AITC_215_BJP_77_IND_1_RSSCMJP_1() {
    Map<String, Long> won = wb.finals().values().stream()
        .collect(Collectors.groupingBy(r -> r.winner().party(), Collectors.counting()));
    assertThat(won).containsExactlyInAnyOrderEntriesOf(Map.of("AITC", 215L, "BJP", 77L, "IND", 1L, "RSSCMJP", 1L));
  }

  @Test
  void the_2016_full_party_names_resolve_to_the_same_parties_as_the_2021_codes() {
    Map<String, Long> won2016 = wb.past().values().stream()
        .collect(Collectors.groupingBy(r -> r.winner().party(), Collectors.counting()));
    assertThat(won2016).containsEntry("AITC", 211L).containsEntry("INC", 44L).containsEntry("CPM", 26L)
        .containsEntry("BJP", 3L).containsEntry("GJM", 3L);
    assertThat(won2016.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(294);
  }

  @Test
  void party_spellings_differing_in_case_spacing_and_quotes_are_one_party() {
    PartyRegistry parties = wb.parties();
    assertThat(parties.require("Communist Party Of India  (marxist)").code()).isEqualTo("CPM");
    assertThat(parties.require("CPI(M)").code()).isEqualTo("CPM");
    assertThat(parties.require("Kamatapur People\u2019s Party (united)").code())
        .isEqualTo(parties.require("Kamatapur People's Party (United)").code());
    assertThat(parties.require("None of the Above").isNota()).isTrue();
  }

  @Test
  void an_unknown_party_is_refused_with_its_name_in_the_message() {
    assertThatThrownBy(() -> wb.parties().require("Party Of Nowhere"))
        .isInstanceOf(UnknownPartyException.class).hasMessageContaining("'Party Of Nowhere'");
  }

  @Test
  void a_party_table_that_names_one_spelling_for_two_parties_is_refused() {
    String csv = "code,name,color,aliases\nA,Alpha Party,#112233,X\nB,Beta Party,#445566,x\n";
    assertThatThrownBy(() -> PartyRegistry.fromCsv(new StringReader(csv)))
        .hasMessageContaining("names both A and B");
  }

  @Test
  void a_results_file_without_a_required_column_is_refused_with_the_column_named() {
    String csv = "ac_no,ac_name\n1,ONE\n";
    assertThatThrownBy(() -> ElectionData.fromCsv("X", "S01", wb.parties(), new StringReader(csv), null, 0))
        .hasMessageContaining("'district'");
  }

  @Test
  void a_seat_list_without_candidates_is_enough_for_election_night() throws Exception {
    String csv = "ac_no,ac_name,district\n1,ONE,D\n2,TWO,D\n";
    ElectionData data = ElectionData.fromCsv("X", "S01", wb.parties(), new StringReader(csv), null, 0);
    assertThat(data.seats()).hasSize(2);
    assertThat(data.finals()).isEmpty();
  }

  @Test
  void a_configurations_seat_list_in_the_derived_format_keeps_types_and_known_rounds() throws Exception {
    String seats = "ac_no,ac_name,ac_type,district,rounds\n1,ONE,SC,D,19\n2,TWO,GEN,D,\n";
    String past = "ac_no,candidate,party,votes\n1,A  B,Bharatiya Janata Party - BJP,10\n1,C,AITC,5\n";
    ElectionData data = ElectionData.fromCsv("X", "S01", wb.parties(), new StringReader(seats), new StringReader(past),
        2016);
    assertThat(data.seats().get(1).type()).isEqualTo("SC");
    assertThat(data.roundsOf(1)).hasValue(19);
    assertThat(data.roundsOf(2)).isEmpty();
    assertThat(data.past().get(1).winner()).isEqualTo(new CandidateResult("A B", "BJP", 10));
    assertThat(data.id()).isEmpty();
    assertThat(data.countingDay()).isNull();
  }

  @Test
  void the_seven_part_constructor_of_earlier_callers_still_makes_an_election_without_embedded_facts() {
    ElectionData copy = new ElectionData(wb.state(), wb.stateCode(), wb.parties(), wb.seats(), wb.past(),
        wb.pastYear(), wb.finals());
    assertThat(copy.finals()).isEqualTo(wb.finals());
    assertThat(copy.year()).isZero();
    assertThat(copy.replayPrefix()).isEmpty();
    assertThat(copy.rounds()).isEmpty();
  }
}
