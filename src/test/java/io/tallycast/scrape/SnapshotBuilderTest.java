package io.tallycast.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.bus.Snapshot;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatStatus;
import io.tallycast.scrape.page.ParsedCandidate;
import io.tallycast.scrape.page.ParsedListRow;
import io.tallycast.scrape.page.ParsedSeatPage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A parsed page becomes a snapshot only if it is the seat asked for and every party is known. */
class SnapshotBuilderTest {
  private static final ElectionData WB = ElectionData.westBengal2021();
  private final SnapshotBuilder builder = new SnapshotBuilder(WB.parties(), WB.seats());
  private static final Instant NOW = Instant.parse("2021-05-02T06:00:00Z");

  private static ParsedSeatPage page(Integer seat, List<ParsedCandidate> candidates) {
    return new ParsedSeatPage("eci-2024", seat, "MATHABHANGA", "West Bengal", candidates, null, null, null, null, null,
        null, null, null);
  }

  private static ParsedCandidate candidate(String name, String party, long votes) {
    return new ParsedCandidate(name, party, votes, 0, votes, null);
  }

  private static final ParsedListRow ROW = new ParsedListRow(2, "MATHABHANGA", "SUSIL BARMAN", "Bharatiya Janata Party",
      "GIRINDRA NATH BARMAN", "All India Trinamool Congress", 8112L, 9, 18, "Result in Progress");

  @Test
  void parties_resolve_to_codes_and_rounds_and_status_come_from_the_list_row() {
    Snapshot s = builder.build(2, "u", page(2, List.of(candidate("SUSIL BARMAN", "Bharatiya Janata Party", 51812),
        candidate("GIRINDRA NATH BARMAN", "All India Trinamool Congress", 43700))), ROW, NOW);
    assertThat(s.candidates()).extracting(c -> c.party()).containsExactly("BJP", "AITC");
    assertThat(s.status()).isEqualTo(SeatStatus.COUNTING);
    assertThat(s.roundsDone()).isEqualTo(9);
    assertThat(s.roundsTotal()).isEqualTo(18);
    assertThat(s.sourceTime()).isEqualTo(NOW);
  }

  @Test
  void a_page_for_another_seat_is_refused_naming_both_seats() {
    assertThatThrownBy(() -> builder.build(3, "u", page(2, List.of(candidate("A", "BJP", 1))), ROW, NOW))
        .hasMessageContaining("asked for seat 3 (COOCH BEHAR UTTAR) but the page shows seat 2");
  }

  @Test
  void an_unknown_party_is_kept_as_written_not_dropped() {
    Snapshot s = builder.build(2, "u", page(2, List.of(candidate("A", "  Party  Of Nowhere - PON ", 10),
        candidate("B", "Bharatiya Janata Party - BJP", 5))), ROW, NOW);
    assertThat(s.candidates()).extracting(c -> c.party()).containsExactly("Party Of Nowhere - PON", "BJP");
    assertThat(s.candidates()).extracting(c -> c.totalVotes()).containsExactly(10L, 5L);
  }

  @Test
  void two_independents_of_one_name_are_told_apart_in_ballot_order() {
    // Coochbehar Uttar 2026: two independents named SUKUMAR ROY (ballot 11 and 12)
    Snapshot s = builder.build(2, "u", page(2, List.of(candidate("SUKUMAR ROY", "Independent", 886),
        candidate("SUKUMAR ROY", "Independent", 801), candidate("B", "BJP", 5))), ROW, NOW);
    assertThat(s.candidates()).extracting(c -> c.name()).containsExactly("SUKUMAR ROY", "SUKUMAR ROY (2)", "B");
  }

  @Test
  void a_party_candidate_listed_twice_is_refused() {
    assertThatThrownBy(() -> builder.build(2, "u", page(2, List.of(candidate("A", "BJP", 1), candidate("A", "BJP", 2))),
        ROW, NOW)).hasMessageContaining("listed twice");
  }

  @Test
  void a_seat_in_progress_with_no_vote_counted_is_awaiting() {
    // Falta 2026: "Result in Progress" all day over a repoll that never counted
    Snapshot s = builder.build(2, "u", page(2, List.of(candidate("A", "BJP", 0), candidate("B", "AITC", 0))), ROW, NOW);
    assertThat(s.status()).isEqualTo(SeatStatus.AWAITING);
  }

  @Test
  void a_page_without_candidates_is_refused() {
    assertThatThrownBy(() -> builder.build(2, "u", page(2, List.of(candidate("NOTA", "None of the Above", 5))), ROW,
        NOW)).hasMessageContaining("no candidates");
  }
}
