package io.tallycast.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.NationalTally;
import io.tallycast.bus.PartySeats;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.store.StoredSeats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The national view adds each state's stored seats up, per party and in all, against the election's majority. */
class NationalViewTest {
  private static final Election LS = Election.embedded("ls2024");
  private static final Map<String, StoredSeats.Party> PARTIES = Map.of(
      "BJP", new StoredSeats.Party("BJP", "Bharatiya Janata Party", "#FF9933"),
      "INC", new StoredSeats.Party("INC", "Indian National Congress", "#19AAED"),
      "SP", new StoredSeats.Party("SP", "Samajwadi Party", "#FF2222"));

  private static int seats(String state) {
    return LS.require(state).seats().size();
  }

  private static StoredSeats.State state(String code, int declared, int counting, Map<String, PartySeats> parties) {
    return new StoredSeats.State(code, seats(code), declared, counting, parties);
  }

  @Test
  void parties_are_summed_over_the_states_and_ranked_by_seats_won_and_leading() {
    StoredSeats stored = new StoredSeats(List.of(
        state("S06", 20, 6, Map.of("BJP", new PartySeats(19, 6), "INC", new PartySeats(1, 0))),
        state("S24", 10, 70, Map.of("SP", new PartySeats(6, 30), "BJP", new PartySeats(3, 30),
            "INC", new PartySeats(1, 10))),
        state("S25", 0, 0, Map.of())), PARTIES);

    NationalTally national = NationalView.of(LS, stored);

    assertThat(national.parties()).containsExactly(
        new NationalTally.PartyLine("BJP", "Bharatiya Janata Party", "#FF9933", 19 + 3, 6 + 30, 58),
        new NationalTally.PartyLine("SP", "Samajwadi Party", "#FF2222", 6, 30, 36),
        new NationalTally.PartyLine("INC", "Indian National Congress", "#19AAED", 1 + 1, 10, 12));
    assertThat(national.majority()).isEqualTo(LS.seatCount() / 2 + 1).isEqualTo(272);
    assertThat(national.seats()).isEqualTo(new NationalTally.Seats(543, 30, 76, 543 - 30 - 76));
    assertThat(national.election()).isEqualTo("ls2024");
    assertThat(national.name()).isEqualTo(LS.name());
  }

  @Test
  void each_state_has_a_short_line_with_its_leading_party_and_states_not_stored_count_their_seats_awaiting() {
    StoredSeats stored = new StoredSeats(List.of(
        state("S06", 26, 0, Map.of("BJP", new PartySeats(25, 0), "INC", new PartySeats(1, 0))),
        // a tie on seats goes to the party with more won, then by code
        state("S24", 0, 2, Map.of("SP", new PartySeats(0, 1), "BJP", new PartySeats(0, 1)))), PARTIES);

    NationalTally national = NationalView.of(LS, stored);

    assertThat(national.states()).hasSize(LS.states().size());
    assertThat(national.states().stream().map(NationalTally.StateLine::code).toList()).isEqualTo(LS.codes());
    ElectionData gujarat = LS.require("S06");
    assertThat(national.states()).contains(
        new NationalTally.StateLine("S06", gujarat.state(), 26, 26, "BJP"),
        new NationalTally.StateLine("S24", LS.require("S24").state(), seats("S24"), 0, "BJP"),
        new NationalTally.StateLine("S25", LS.require("S25").state(), seats("S25"), 0, null));
    assertThat(national.seats()).isEqualTo(new NationalTally.Seats(543, 26, 2, 543 - 28));
  }

  @Test
  void a_party_with_no_seat_left_is_not_listed_and_one_the_store_does_not_name_keeps_its_code() {
    StoredSeats stored = new StoredSeats(List.of(
        state("S06", 1, 0, Map.of("BJP", new PartySeats(1, 0), "INC", new PartySeats(0, 0),
            "Some New Front", new PartySeats(0, 1)))), PARTIES);

    NationalTally national = NationalView.of(LS, stored);

    assertThat(national.parties()).extracting(NationalTally.PartyLine::party).containsExactly("BJP", "Some New Front");
    assertThat(national.parties().get(1).name()).isEqualTo("Some New Front");
  }
}
