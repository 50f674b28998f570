package io.tallycast.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.PartySeats;
import io.tallycast.bus.StoredTally;
import io.tallycast.election.ElectionData;
import io.tallycast.scrape.page.ParsedPartyRow;
import io.tallycast.scrape.page.ParsedPartySummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartyCrossCheckTest {
  private static final ElectionData WB = ElectionData.westBengal2026();

  /** ECI's labels: "Full Name - CODE", ECI's own codes (CPI(M) is our CPM). */
  private static ParsedPartySummary site(int bjpWon, int cpmLeading) {
    return new ParsedPartySummary(List.of(new ParsedPartyRow("Bharatiya Janata Party - BJP", bjpWon, 0, bjpWon),
        new ParsedPartyRow("Communist Party of India  (Marxist) - CPI(M)", 0, cpmLeading, cpmLeading)),
        bjpWon, cpmLeading, bjpWon + cpmLeading, null, null);
  }

  private static StoredTally ours(int bjpWon, int cpmLeading) {
    return new StoredTally(Map.of("BJP", new PartySeats(bjpWon, 0), "CPM", new PartySeats(0, cpmLeading)), 0);
  }

  @Test
  void the_sites_labels_resolve_to_our_parties_and_equal_figures_agree() {
    assertThat(new PartyCrossCheck(WB.parties()).differences(site(207, 1), ours(207, 1))).isEmpty();
  }

  @Test
  void a_difference_is_reported_only_once_it_has_lasted_three_checks() {
    PartyCrossCheck check = new PartyCrossCheck(WB.parties());
    assertThat(check.check(site(207, 1), ours(206, 1))).isEmpty();
    assertThat(check.check(site(207, 1), ours(206, 1))).isEmpty();
    assertThat(check.check(site(207, 1), ours(206, 1))).singleElement()
        .hasToString("BJP: the site's party-wise page says won 207, leading 0; we have won 206, leading 0");
    assertThat(check.check(site(207, 1), ours(207, 1))).as("agreeing again").isEmpty();
  }

  @Test
  void a_difference_that_moves_starts_counting_again() {
    PartyCrossCheck check = new PartyCrossCheck(WB.parties());
    check.check(site(207, 1), ours(206, 1));
    check.check(site(207, 1), ours(206, 1));
    assertThat(check.check(site(207, 1), ours(205, 1))).isEmpty();
  }

  @Test
  void seats_apart_count_a_seat_moved_between_columns_twice() {
    List<PartyCrossCheck.Difference> moved = List.of(new PartyCrossCheck.Difference("BJP", 0, 1, 1, 0));
    assertThat(PartyCrossCheck.seatsApart(moved)).isEqualTo(2);
  }
}
