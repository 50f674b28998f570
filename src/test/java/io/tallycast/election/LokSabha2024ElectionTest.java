package io.tallycast.election;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.support.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The embedded Lok Sabha 2024 (ls2024) holds what results-2024.csv says: every expected figure is computed here from
 * the third-party file, never from the derived data.
 */
class LokSabha2024ElectionTest {
  /** One candidate row of the file: state code, seat, name, full party name and total votes ("-" is 0). */
  record Row(String state, int seat, String pcName, String party, long votes) {
  }

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(SharedData.file("lok-sabha-2024/results-2024.csv"), StandardCharsets.UTF_8)) {
      String[] cells = line.replace("\uFEFF", "").split(",", -1);
      String code = cells[1];
      rows.add(new Row(code.substring(0, 3), Integer.parseInt(code.substring(3)), cells[3], cells[6],
          cells[9].equals("-") ? 0 : Long.parseLong(cells[9])));
    }
    return rows;
  }

  /** Winners by party code: the candidate with most votes in each seat (the file's position column is off twice). */
  static Map<String, Integer> winners(List<Row> rows, PartyRegistry parties) {
    Map<String, Row> best = new TreeMap<>();
    for (Row r : rows) {
      if (parties.require(r.party()).code().equals(Party.NOTA)) {
        continue;
      }
      best.merge(r.state() + "/" + r.seat(), r, (a, b) -> b.votes() > a.votes() ? b : a);
    }
    Map<String, Integer> won = new TreeMap<>();
    best.values().forEach(r -> won.merge(parties.require(r.party()).code(), 1, Integer::sum));
    return won;
  }

  @Test
  void the_lok_sabha_has_every_seat_of_the_file_in_its_state_and_a_national_majority_of_half_and_one()
      throws IOException {
    List<Row> rows = rows();
    Election ls = Election.embedded("ls2024");
    Map<String, Integer> seatsPerState = new TreeMap<>();
    rows.stream().map(r -> r.state() + "/" + r.seat()).distinct()
        .forEach(k -> seatsPerState.merge(k.substring(0, 3), 1, Integer::sum));

    assertThat(ls.name()).isEqualTo("Lok Sabha 2024");
    assertThat(ls.codes()).containsExactlyInAnyOrderElementsOf(seatsPerState.keySet());
    assertThat(ls.seatCount()).isEqualTo(seatsPerState.values().stream().mapToInt(Integer::intValue).sum());
    assertThat(ls.majority()).isEqualTo(ls.seatCount() / 2 + 1);
    for (ElectionData state : ls.states()) {
      assertThat(state.seats()).as(state.state()).hasSize(seatsPerState.get(state.stateCode()));
      assertThat(state.past()).as("no 2019 result in the data").isEmpty();
      assertThat(state.replayPrefix()).isEqualTo("/PcResultGenJune2024/");
      for (Row r : rows) {
        if (r.state().equals(state.stateCode())) {
          assertThat(state.seats().get(r.seat()).name()).isEqualTo(r.pcName());
          assertThat(state.seats().get(r.seat()).type()).isEqualTo("GEN");
        }
      }
    }
  }

  @Test
  void the_seats_won_by_each_party_nationally_are_the_files_winners_by_votes() throws IOException {
    List<Row> rows = rows();
    Election ls = Election.embedded("ls2024");
    PartyRegistry parties = ls.main().parties();
    Map<String, Integer> won = new TreeMap<>();
    for (ElectionData state : ls.states()) {
      state.finals().values().forEach(seat -> won.merge(seat.candidates().stream()
          .filter(c -> !c.party().equals(Party.NOTA)).max(Comparator.comparingLong(CandidateResult::votes))
          .orElseThrow().party(), 1, Integer::sum));
    }
    Map<String, Integer> expected = winners(rows, parties);
    assertThat(won).isEqualTo(expected);
    System.out.printf("ls2024 national seats won: %s%n", expected);
  }

  @Test
  void surat_uncontested_keeps_its_one_candidate_with_no_votes() throws IOException {
    Row surat = rows().stream().filter(r -> r.votes() == 0 && !r.party().equals("None of the Above")).findFirst()
        .orElseThrow();
    SeatResult seat = Election.embedded("ls2024").require(surat.state()).finals().get(surat.seat());
    assertThat(seat.candidates()).hasSize(1);
    assertThat(seat.candidates().get(0).votes()).isZero();
    assertThat(seat.candidates().get(0).candidate()).doesNotContain("Uncontested");
  }
}
