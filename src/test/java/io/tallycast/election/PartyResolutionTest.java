package io.tallycast.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** One party table for every embedded election: every spelling the sources and ECI use resolves to one party. */
class PartyResolutionTest {
  private final PartyRegistry parties = ElectionData.westBengal2026().parties();

  @Test
  void both_embedded_elections_share_the_one_party_table() {
    assertThat(ElectionData.westBengal2021().parties().all()).containsExactlyElementsOf(parties.all());
  }

  @Test
  void every_party_label_of_the_2016_2021_and_2026_results_the_counting_day_and_ECIs_live_json_resolves()
      throws Exception {
    TreeSet<String> labels = new TreeSet<>();
    SharedSources.csv(SharedSources.RESULTS_2016).forEach(r -> labels.add(r.get("party")));
    SharedSources.csv(SharedSources.RESULTS_2021).forEach(r -> labels.add(r.get("party")));
    SharedSources.csv(SharedSources.RESULTS_2026).forEach(r -> labels.add(r.get("Party")));
    for (SharedSources.Snapshot s : SharedSources.snapshots()) {
      for (JsonNode row : s.rows()) {
        labels.add(row.get(3).asText());
        labels.add(row.get(5).asText());
      }
    }
    for (JsonNode entry : SharedSources.eciJson().get("S25").get("chartData")) {
      labels.add(entry.get(0).asText());
    }
    labels.remove(""); // no leader shown yet
    labels.remove("NA"); // ECI's "no result" for Falta, not a party
    List<String> unknown = new ArrayList<>();
    labels.forEach(l -> {
      if (parties.resolve(l).isEmpty()) {
        unknown.add(l);
      }
    });
    assertThat(unknown).isEmpty();
    assertThat(labels).hasSizeGreaterThan(100);
  }

  @Test
  void labels_in_eci_name_dash_code_form_and_eci_own_abbreviations_resolve_to_our_codes() {
    Map<String, String> expected = Map.of("Bharatiya Janata Party - BJP", "BJP",
        "Communist Party of India (Marxist) - CPI(M)", "CPM", "CPI(M)", "CPM", "Independent - IND", "IND",
        "Aam Janata Unnayan party - AJUP", "AJUP", "All India Secular Front - AISF", "AISF",
        "All India Trinamool Congress - AITC", "AITC", "Indian National Congress - INC", "INC");
    expected.forEach((label, code) -> assertThat(parties.require(label).code()).as(label).isEqualTo(code));
  }

  @Test
  void the_ECI_abbreviation_is_kept_where_it_differs_from_our_code_and_is_the_code_elsewhere() {
    assertThat(parties.require("CPM").eciCode()).isEqualTo("CPI(M)");
    assertThat(parties.require("BJP").eciCode()).isEqualTo("BJP");
    assertThat(parties.require("AJUP").eciCode()).isEqualTo("AJUP");
  }

  @Test
  void the_codes_tests_stored_data_and_the_map_rely_on_stay_as_they_were() {
    for (String code : List.of("AITC", "BJP", "CPM", "INC", "IND", "RSSCMJP", "NOTA", "SUCI", "GJM", "AIFB")) {
      assertThat(parties.byCode(code)).as(code).isPresent();
    }
    assertThat(parties.require("None of the Above").isNota()).isTrue();
    assertThat(parties.require("AITC").color()).isEqualTo("#20C646");
  }

  @Test
  void in_name_dash_code_the_name_decides_before_the_code_so_a_clash_of_codes_finds_the_right_party()
      throws Exception {
    PartyRegistry table = PartyRegistry.fromCsv(new StringReader("""
        code,name,color,eci,aliases
        SP,Samajwadi Party,#FF0000,,
        SP2,Samata Party,#9E9E9E,,
        CPM,Communist Party of India (Marxist),#FF0000,CPI(M),
        """));
    assertThat(table.require("Samata Party - SP").code()).isEqualTo("SP2");
    assertThat(table.require("Samajwadi Party - SP").code()).isEqualTo("SP");
    assertThat(table.require("A Party We Do Not Know - CPI(M)").code()).isEqualTo("CPM");
    assertThat(table.require("communist  party of india (marxist)").code()).isEqualTo("CPM");
    assertThatThrownBy(() -> table.require("A Party We Do Not Know - XYZ"))
        .isInstanceOf(UnknownPartyException.class).hasMessageContaining("'A Party We Do Not Know - XYZ'");
  }
}
