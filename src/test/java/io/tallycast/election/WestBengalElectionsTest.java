package io.tallycast.election;

import static io.tallycast.election.SharedSources.collapsed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The embedded West Bengal elections (wb2021, wb2026) against the tests' own reading of the third-party files in
 * ../shared/data: what is committed says what the sources say.
 */
class WestBengalElectionsTest {
  private final ElectionData wb2021 = ElectionData.westBengal2021();
  private final ElectionData wb2026 = ElectionData.westBengal2026();

  /** Seat to the row with the most votes, by the file's own votes column. */
  private static Map<Integer, Map<String, String>> topRows(List<Map<String, String>> rows, String seat, String votes) {
    Map<Integer, Map<String, String>> top = new TreeMap<>();
    for (Map<String, String> row : rows) {
      top.merge(Integer.parseInt(row.get(seat)), row,
          (a, b) -> Long.parseLong(b.get(votes)) > Long.parseLong(a.get(votes)) ? b : a);
    }
    return top;
  }

  private static Map<String, Long> seatsWon(ElectionData data) {
    return data.finals().values().stream().filter(SeatResult::counted)
        .collect(Collectors.groupingBy(r -> r.winner().party(), TreeMap::new, Collectors.counting()));
  }

  @Test
  void the_2021_winners_per_party_are_those_of_the_shared_2021_results_AITC_215_BJP_77_IND_1_RSSCMJP_1()
      throws Exception {
    Map<String, Long> expected = topRows(SharedSources.csv(SharedSources.RESULTS_2021), "ac_no", "votes").values()
        .stream().collect(Collectors.groupingBy(r -> r.get("party"), TreeMap::new, Collectors.counting()));
    assertThat(seatsWon(wb2021)).isEqualTo(expected);
    assertThat(wb2021.seats()).hasSize(expected.values().stream().mapToInt(Long::intValue).sum());
  }

  @Test
  void the_2026_winner_of_every_seat_is_the_candidate_with_most_votes_in_the_shared_2026_results_and_Falta_has_none()
      throws Exception {
    List<Map<String, String>> rows = SharedSources.csv(SharedSources.RESULTS_2026);
    Map<Integer, Map<String, String>> top = topRows(rows, "Constituency No", "Total Votes");
    assertThat(wb2026.finals().keySet()).isEqualTo(top.keySet());
    List<Integer> uncounted = new ArrayList<>();
    top.forEach((seat, row) -> {
      SeatResult result = wb2026.finals().get(seat);
      if (Long.parseLong(row.get("Total Votes")) == 0) {
        uncounted.add(seat);
        assertThat(result.counted()).as("seat %d", seat).isFalse();
      } else {
        assertThat(result.winner().candidate()).as("seat %d", seat).isEqualTo(collapsed(row.get("Candidate Name")));
        assertThat(result.winner().party()).as("seat %d", seat)
            .isEqualTo(wb2026.parties().require(row.get("Party")).code());
        assertThat(result.winner().votes()).isEqualTo(Long.parseLong(row.get("Total Votes")));
      }
    });
    // Falta (144): ECI ordered a repoll; its candidates stay, with no votes
    assertThat(uncounted).containsExactly(144);
    long faltaRows = rows.stream().filter(r -> r.get("Constituency No").equals("144")).count();
    assertThat(wb2026.finals().get(144).candidates()).hasSize((int) faltaRows).allMatch(c -> c.votes() == 0);
  }

  @Test
  void the_2026_tally_is_ECIs_final_one_BJP_207_AITC_80_INC_2_AJUP_2_CPM_1_AISF_1_with_Falta_not_declared()
      throws Exception {
    Map<String, Long> eci = new TreeMap<>();
    for (JsonNode entry : SharedSources.eciJson().get("S25").get("chartData")) {
      String code = entry.get(0).asText();
      if (!code.equals("NA")) {
        eci.merge(wb2026.parties().require(code).code(), 1L, Long::sum);
      } else {
        assertThat(entry.get(2).asInt()).isEqualTo(144);
      }
    }
    assertThat(seatsWon(wb2026)).isEqualTo(eci);
    assertThat(eci.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(wb2026.seats().size() - 1);
  }

  @Test
  void every_2026_candidate_keeps_ECIs_EVM_and_postal_votes_and_NOTA_while_2021_has_totals_only() throws Exception {
    List<Map<String, String>> rows = SharedSources.csv(SharedSources.RESULTS_2026);
    List<CandidateResult> all = wb2026.finals().values().stream().flatMap(r -> r.candidates().stream()).toList();
    assertThat(all).hasSize(rows.size()).allMatch(CandidateResult::hasVoteSplit)
        .allMatch(c -> c.evmVotes() + c.postalVotes() == c.votes());
    assertThat(all.stream().filter(c -> c.party().equals(Party.NOTA)).count())
        .isEqualTo(rows.stream().filter(r -> r.get("Party").equals("None of the Above")).count());
    long postal = rows.stream().mapToLong(r -> Long.parseLong(r.get("Postal Votes"))).sum();
    assertThat(wb2026.finals().values().stream().mapToLong(SeatResult::postalVotes).sum()).isEqualTo(postal);
    assertThat(wb2021.finals().values()).noneMatch(SeatResult::hasVoteSplit);
    assertThat(wb2021.finals().get(1).postalVotes()).isNull();
  }

  @Test
  void namesakes_in_one_seat_stay_two_candidates_told_apart_by_party_and_votes() throws Exception {
    Map<String, Long> sameNameRows = SharedSources.csv(SharedSources.RESULTS_2026).stream().collect(
        Collectors.groupingBy(r -> r.get("Constituency No") + "|" + collapsed(r.get("Candidate Name")),
            Collectors.counting()));
    sameNameRows.values().removeIf(n -> n < 2);
    assertThat(sameNameRows).isNotEmpty();
    sameNameRows.forEach((key, n) -> {
      String[] seatAndName = key.split("\\|");
      assertThat(wb2026.finals().get(Integer.parseInt(seatAndName[0])).candidates())
          .filteredOn(c -> c.candidate().equals(seatAndName[1])).as(key).hasSize(n.intValue());
    });
    // Humayun Kabir won seat 70 for AJUP; another Humayun Kabir stood there as an independent
    assertThat(wb2026.finals().get(70).winner().party()).isEqualTo("AJUP");
    assertThat(wb2026.finals().get(70).candidates()).filteredOn(c -> c.candidate().equals("HUMAYUN KABIR"))
        .extracting(CandidateResult::party).containsExactly("AJUP", "IND");
  }

  @Test
  void candidate_names_are_shown_with_runs_of_spaces_collapsed() throws Exception {
    List<String> spaced = SharedSources.csv(SharedSources.RESULTS_2026).stream().map(r -> r.get("Candidate Name"))
        .filter(n -> n.contains("  ")).toList();
    assertThat(spaced).isNotEmpty();
    List<String> names = wb2026.finals().values().stream().flatMap(r -> r.candidates().stream())
        .map(CandidateResult::candidate).toList();
    assertThat(names).noneMatch(n -> n.contains("  ")).containsAll(spaced.stream().map(SharedSources::collapsed)
        .toList());
    assertThat(wb2021.finals().values()).allSatisfy(r -> assertThat(r.candidates())
        .noneMatch(c -> c.candidate().contains("  ")));
  }

  @Test
  void the_2026_seats_take_type_and_district_from_2021_by_number_and_their_rounds_from_the_2026_results()
      throws Exception {
    assertThat(wb2026.seats().keySet()).isEqualTo(wb2021.seats().keySet());
    wb2026.seats().values().forEach(seat -> {
      Constituency before = wb2021.seats().get(seat.no());
      assertThat(seat.district()).as("seat %d", seat.no()).isEqualTo(before.district());
      assertThat(seat.type()).as("seat %d", seat.no()).isEqualTo(before.type());
    });
    // two seats are called Bishnupur: the number tells them apart
    assertThat(wb2026.seats().get(146).name()).isEqualTo(wb2026.seats().get(255).name()).isEqualTo("BISHNUPUR");
    assertThat(wb2026.seats().get(146).district()).isNotEqualTo(wb2026.seats().get(255).district());
    for (Map<String, String> row : SharedSources.csv(SharedSources.RESULTS_2026)) {
      int seat = Integer.parseInt(row.get("Constituency No"));
      int rounds = Integer.parseInt(row.get("Total Rounds"));
      if (rounds == 0) {
        assertThat(wb2026.roundsOf(seat)).as("seat %d", seat).isEmpty();
      } else {
        assertThat(wb2026.roundsOf(seat)).as("seat %d", seat).hasValue(rounds);
      }
    }
    assertThat(wb2021.rounds()).isEmpty();
  }

  @Test
  void the_past_of_2026_is_the_2021_result_and_the_past_of_2021_is_2016_without_NOTA() throws Exception {
    assertThat(wb2026.pastYear()).isEqualTo(wb2021.year()).isEqualTo(2021);
    wb2021.finals().forEach((seat, result) -> assertThat(wb2026.past().get(seat).winner())
        .as("seat %d", seat).isEqualTo(result.winner()));
    List<Map<String, String>> rows2016 = SharedSources.csv(SharedSources.RESULTS_2016);
    long notNota = rows2016.stream().filter(r -> !wb2021.parties().require(r.get("party")).isNota()).count();
    assertThat(wb2021.past().values().stream().mapToLong(r -> r.candidates().size()).sum()).isEqualTo(notNota);
    Map<String, Long> won2016 = topRows(rows2016, "ac_no", "votes").values().stream().collect(Collectors.groupingBy(
        r -> wb2021.parties().require(r.get("party")).code(), TreeMap::new, Collectors.counting()));
    Map<String, Long> pastWon = wb2021.past().values().stream().collect(Collectors.groupingBy(
        r -> r.winner().party(), TreeMap::new, Collectors.counting()));
    assertThat(pastWon).isEqualTo(won2016);
  }

  @Test
  void each_embedded_election_knows_its_id_year_counting_day_and_ECIs_url_prefix() {
    assertThat(List.of(wb2021.id(), wb2021.state(), wb2021.stateCode(), wb2021.year(), wb2021.pastYear(),
        wb2021.countingDay(), wb2021.replayPrefix()))
        .containsExactly("wb2021", "West Bengal", "S25", 2021, 2016, LocalDate.of(2021, 5, 2), "/Result2021/");
    assertThat(List.of(wb2026.id(), wb2026.state(), wb2026.stateCode(), wb2026.year(), wb2026.pastYear(),
        wb2026.countingDay(), wb2026.replayPrefix()))
        .containsExactly("wb2026", "West Bengal", "S25", 2026, 2021, LocalDate.of(2026, 5, 4), "/ResultAcGenMay2026/");
    assertThat(ElectionData.embedded("wb2021")).isSameAs(wb2021);
  }
}
