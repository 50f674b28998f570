package io.tallycast.election;

import static io.tallycast.election.SharedSources.collapsed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four other states counted on 2 May 2021 (as2021, kl2021, py2021, tn2021) against the tests' own reading of
 * ElectionLens's JSON in ../shared/data: every seat, candidate, vote and past winner is the source's; and may2021, the
 * election of all five states.
 */
class FiveStatesElectionsTest {
  /** What a stand-in record writes where candidates belong (ElectionLens's TN-050). */
  private static final String OTHERS = "Others";

  static Stream<Arguments> states() {
    return Stream.of(Arguments.of("as2021", "assam", "Assam", "S03"), Arguments.of("kl2021", "kerala", "Kerala", "S11"),
        Arguments.of("py2021", "puducherry", "Puducherry", "U07"),
        Arguments.of("tn2021", "tamilnadu", "Tamil Nadu", "S22"));
  }

  /** A source candidate: name as shown (runs of spaces collapsed), the party's code, votes. */
  private record Row(String name, String party, long votes) {
  }

  private static int seatOf(String key) {
    return Integer.parseInt(key.substring(key.indexOf('-') + 1));
  }

  private static List<JsonNode> candidates(JsonNode record) {
    return StreamSupport.stream(record.get("candidates").spliterator(), false).toList();
  }

  /** A seat's candidates as the source has them, NOTA left out (the 2016 files list it), most votes first. */
  private static List<Row> rows(JsonNode record, PartyRegistry parties) {
    return candidates(record).stream().map(c -> new Row(collapsed(c.get("name").asText()),
            parties.require(c.get("party").asText()).code(), c.get("votes").asLong()))
        .filter(r -> !r.party().equals(Party.NOTA))
        .sorted(Comparator.comparingLong(Row::votes).reversed()).toList();
  }

  private static List<Row> rows(SeatResult result) {
    return result.candidates().stream().map(c -> new Row(c.candidate(), c.party(), c.votes())).toList();
  }

  /** A record ElectionLens made up to fill a gap: a row named "Others" stands for candidates. */
  private static boolean standIn(JsonNode record) {
    return candidates(record).stream().anyMatch(c -> c.get("name").asText().strip().equalsIgnoreCase(OTHERS));
  }

  private static Map<String, Long> seatsWon(ElectionData data) {
    return data.finals().values().stream().collect(Collectors.groupingBy(r -> r.winner().party(), TreeMap::new,
        Collectors.counting()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void every_seat_of_the_2021_source_is_embedded_with_its_name_district_and_type(String id, String folder)
      throws Exception {
    ElectionData data = ElectionData.embedded(id);
    JsonNode source = SharedSources.electionLens(folder, 2021);
    Set<Integer> numbers = new TreeSet<>();
    source.fields().forEachRemaining(e -> {
      int no = seatOf(e.getKey());
      numbers.add(no);
      JsonNode record = e.getValue();
      Constituency seat = data.seats().get(no);
      assertThat(seat).as(e.getKey()).isNotNull();
      assertThat(seat.name()).as(e.getKey())
          .isEqualTo(collapsed(record.get("constituencyName").asText()).toUpperCase(Locale.ROOT));
      assertThat(seat.district()).as(e.getKey())
          .isEqualTo(collapsed(record.get("districtName").asText()).toUpperCase(Locale.ROOT));
      // constituencyType, not the map label "type" at the record's end (it says GEN for 24 reserved Assam seats)
      assertThat(seat.type()).as(e.getKey()).isEqualTo(record.path("constituencyType").asText(""));
    });
    assertThat(data.seats().keySet()).isEqualTo(numbers);
    assertThat(data.seats().firstKey()).isEqualTo(1);
    assertThat(data.seats().lastKey()).isEqualTo(numbers.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void each_seat_has_the_candidates_winner_and_votes_of_the_2021_source(String id, String folder) throws Exception {
    ElectionData data = ElectionData.embedded(id);
    JsonNode source = SharedSources.electionLens(folder, 2021);
    source.fields().forEachRemaining(e -> {
      int no = seatOf(e.getKey());
      if (standIn(e.getValue())) {
        assertThat(data.finals()).as(e.getKey()).doesNotContainKey(no);
        return;
      }
      List<Row> expected = rows(e.getValue(), data.parties());
      SeatResult result = data.finals().get(no);
      assertThat(rows(result)).as(e.getKey()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(rows(result).get(0)).as(e.getKey()).isEqualTo(expected.get(0));
      assertThat(result.hasVoteSplit()).isFalse(); // totals only
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void the_past_of_each_seat_is_its_2016_result_without_NOTA(String id, String folder) throws Exception {
    ElectionData data = ElectionData.embedded(id);
    assertThat(data.pastYear()).isEqualTo(2016);
    JsonNode source = SharedSources.electionLens(folder, 2016);
    Set<Integer> seen = new TreeSet<>();
    source.fields().forEachRemaining(e -> {
      int no = seatOf(e.getKey());
      seen.add(no);
      List<Row> expected = rows(e.getValue(), data.parties());
      SeatResult past = data.past().get(no);
      assertThat(rows(past).get(0)).as("2016 winner of " + e.getKey()).isEqualTo(expected.get(0));
      assertThat(rows(past)).as(e.getKey()).containsExactlyInAnyOrderElementsOf(expected);
    });
    assertThat(data.past().keySet()).isEqualTo(seen);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void the_seats_won_per_party_are_those_of_the_2021_source(String id, String folder) throws Exception {
    ElectionData data = ElectionData.embedded(id);
    Map<String, Long> expected = new TreeMap<>();
    SharedSources.electionLens(folder, 2021).elements().forEachRemaining(record -> {
      if (!standIn(record)) {
        expected.merge(rows(record, data.parties()).get(0).party(), 1L, Long::sum);
      }
    });
    assertThat(seatsWon(data)).isEqualTo(expected);
  }

  @Test
  void assam_2021_is_BJP_60_INC_29_AIUDF_16_AGP_9_UPPL_6_BPF_4_CPI_M_1_IND_1_as_SOURCES_md_says() {
    ElectionData assam = ElectionData.embedded("as2021");
    Map<String, Long> sources = new TreeMap<>();
    Map.of("BJP", 60L, "INC", 29L, "AIUDF", 16L, "AGP", 9L, "UPPL", 6L, "BPF", 4L, "CPI(M)", 1L, "IND", 1L)
        .forEach((label, seats) -> sources.put(assam.parties().require(label).code(), seats));
    assertThat(seatsWon(assam)).isEqualTo(sources);
  }

  @Test
  void tirupattur_TN_50_keeps_its_seat_without_the_stand_in_result_ElectionLens_gives_it() throws Exception {
    List<String> standIns = new ArrayList<>();
    for (String folder : SharedSources.FIVE_STATES_FOLDERS) {
      for (int year : List.of(2021, 2016)) {
        SharedSources.electionLens(folder, year).fields().forEachRemaining(e -> {
          if (standIn(e.getValue())) {
            standIns.add(year + " " + e.getKey());
          }
        });
      }
    }
    assertThat(standIns).containsExactly("2021 TN-050");
    ElectionData tamilNadu = ElectionData.embedded("tn2021");
    assertThat(tamilNadu.seats().get(50).name()).isEqualTo("TIRUPATTUR");
    assertThat(tamilNadu.finals()).doesNotContainKey(50).hasSize(tamilNadu.seats().size() - 1);
    // Tiruppattur (185, Sivaganga) is another seat, with its own result
    assertThat(tamilNadu.seats().get(185).name()).isEqualTo("TIRUPPATTUR");
    assertThat(tamilNadu.finals()).containsKey(185);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void each_set_knows_its_state_its_code_the_counting_day_and_ECIs_url_prefix_of_2021(String id, String folder,
                                                                                       String state, String code) {
    ElectionData data = ElectionData.embedded(id);
    assertThat(List.of(data.id(), data.state(), data.stateCode(), data.year(), data.pastYear(), data.countingDay(),
        data.replayPrefix())).containsExactly(id, state, code, 2021, 2016, LocalDate.of(2021, 5, 2), "/Result2021/");
    assertThat(data.rounds()).isEmpty();
    assertThat(data.parties().all()).containsExactlyElementsOf(ElectionData.westBengal2021().parties().all());
  }

  @Test
  void may2021_is_the_five_states_in_order_west_bengal_first_with_their_codes_and_majority_marks() throws Exception {
    Election may = Election.embedded("may2021");
    assertThat(may.id()).isEqualTo("may2021");
    assertThat(may.name()).isEqualTo("Assembly elections, May 2021");
    assertThat(may.codes()).containsExactly("S25", "S03", "S11", "S22", "U07");
    assertThat(may.states()).extracting(ElectionData::state)
        .containsExactly("West Bengal", "Assam", "Kerala", "Tamil Nadu", "Puducherry");
    assertThat(may.main()).isSameAs(ElectionData.westBengal2021());
    assertThat(may.states()).allSatisfy(s -> assertThat(s.countingDay()).isEqualTo(LocalDate.of(2021, 5, 2)));

    Map<String, Integer> seats = new TreeMap<>();
    seats.put("S25", (int) SharedSources.csv(SharedSources.RESULTS_2021).stream().map(r -> r.get("ac_no")).distinct()
        .count());
    List<String> codes = List.of("S03", "S11", "U07", "S22");
    for (int i = 0; i < codes.size(); i++) {
      seats.put(codes.get(i), SharedSources.electionLens(SharedSources.FIVE_STATES_FOLDERS.get(i), 2021).size());
    }
    seats.forEach((code, n) -> {
      assertThat(may.require(code).seats()).as(code).hasSize(n);
      assertThat(may.require(code).majority()).as(code).isEqualTo(n / 2 + 1);
    });
    assertThat(may.seatCount()).isEqualTo(seats.values().stream().mapToInt(Integer::intValue).sum());
  }
}
