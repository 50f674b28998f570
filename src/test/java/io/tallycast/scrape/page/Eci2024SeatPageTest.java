package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.KRISHNANAGAR_2024;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real 2024 Lok Sabha pages (PcResultGenJune2024) of West Bengal seats 1, 12 and 23. */
class Eci2024SeatPageTest {

  private static ParsedCandidate c(String name, String party, long evm, long postal, long total, double percent) {
    return new ParsedCandidate(name, party, evm, postal, total, percent);
  }

  @Test
  void krishnanagar_2024_gives_exactly_the_candidates_the_page_shows_in_page_order() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(KRISHNANAGAR_2024), "ConstituencywiseS2512.htm");

    assertThat(page.candidates()).containsExactly(
        c("MAHUA MOITRA", "All India Trinamool Congress", 624711, 4078, 628789, 44.1),
        c("AMRITA ROY", "Bharatiya Janata Party", 567628, 4456, 572084, 40.13),
        // the page writes "Communist Party of India  (Marxist)": whitespace is collapsed
        c("S.M. SADI", "Communist Party of India (Marxist)", 179063, 1138, 180201, 12.64),
        c("SANJIT BISWAS", "Independent", 8660, 11, 8671, 0.61),
        c("SOURAV HELA", "Independent", 5061, 4, 5065, 0.36),
        c("NEMAI BISWAS", "Independent", 5047, 22, 5069, 0.36),
        c("AMAL CHANDRA SARKAR", "Bahujan Samaj Party", 5045, 55, 5100, 0.36),
        c("AFROJA KHATUN MONDAL", "All India Secular Front", 4284, 14, 4298, 0.3),
        c("ISMAT ARA MONDAL", "Socialist Unity Centre Of India (COMMUNIST)", 3603, 19, 3622, 0.25),
        c("MD. MUKTAR SHAIKH", "Independent", 3287, 7, 3294, 0.23),
        c("ALIK KUMAR KUNDU", "Independent", 2699, 9, 2708, 0.19),
        c("NOTA", "None of the Above", 6754, 57, 6811, 0.48));
    assertThat(page.footerEvm()).isEqualTo(1415842L);
    assertThat(page.footerPostal()).isEqualTo(9870L);
    assertThat(page.footerTotal()).isEqualTo(1425712L);
  }

  @Test
  void krishnanagar_2024_title_gives_seat_number_name_and_state() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(KRISHNANAGAR_2024), "ConstituencywiseS2512.htm");

    assertThat(page.layout()).isEqualTo("eci-2024");
    assertThat(page.seatNo()).isEqualTo(12);
    assertThat(page.seatName()).isEqualTo("Krishnanagar");
    assertThat(page.state()).isEqualTo("West Bengal");
  }

  @Test
  void last_updated_is_kept_verbatim_and_read_day_first_as_india_time() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(KRISHNANAGAR_2024), "ConstituencywiseS2512.htm");

    assertThat(page.lastUpdated()).isEqualTo("Last Updated at 08:55 am On 05/06/2024");
    // 5 June 2024, 08:55 IST (UTC+05:30)
    assertThat(page.sourceTime()).isEqualTo(Instant.parse("2024-06-05T03:25:00Z"));
  }

  @Test
  void an_empty_round_box_gives_no_rounds_and_no_status() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(KRISHNANAGAR_2024), "ConstituencywiseS2512.htm");

    assertThat(page.roundsDone()).isNull();
    assertThat(page.roundsTotal()).isNull();
    assertThat(page.status()).isNull();
  }

  @Test
  void nota_is_kept_as_a_row_and_told_apart() throws Exception {
    List<ParsedCandidate> rows =
        EciPages.parseSeatPage(page(KRISHNANAGAR_2024), "ConstituencywiseS2512.htm").candidates();

    assertThat(rows).filteredOn(ParsedCandidate::isNota).extracting(ParsedCandidate::name).containsExactly("NOTA");
    assertThat(rows.get(rows.size() - 1).isNota()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2024-lok-sabha/ConstituencywiseS251.htm, 1, Coochbehar, 15, JAGADISH CHANDRA BARMA BASUNIA, "
          + "All India Trinamool Congress, 788375, 1623048",
      "2024-lok-sabha/ConstituencywiseS2523.htm, 23, Kolkata Dakshin, 18, MALA ROY, "
          + "All India Trinamool Congress, 615274, 1243477"})
  void other_2024_seats_give_their_seat_their_leader_and_rows_that_add_up(String file, int seatNo, String seatName,
      int rows, String leader, String leaderParty, long leaderVotes, long footerTotal) throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(file), file);

    assertThat(page.seatNo()).isEqualTo(seatNo);
    assertThat(page.seatName()).isEqualTo(seatName);
    assertThat(page.state()).isEqualTo("West Bengal");
    assertThat(page.candidates()).hasSize(rows);
    ParsedCandidate top = page.candidates().stream().filter(c -> !c.isNota())
        .max(Comparator.comparingLong(ParsedCandidate::totalVotes)).orElseThrow();
    assertThat(top.name()).isEqualTo(leader);
    assertThat(top.party()).isEqualTo(leaderParty);
    assertThat(top.totalVotes()).isEqualTo(leaderVotes);
    assertThat(page.candidates().stream().mapToLong(ParsedCandidate::totalVotes).sum()).isEqualTo(footerTotal);
    assertThat(page.footerTotal()).isEqualTo(footerTotal);
    assertThat(page.candidates()).allSatisfy(c -> assertThat(c.evmVotes() + c.postalVotes()).isEqualTo(c.totalVotes()));
    assertThat(page.sourceTime()).isEqualTo(Instant.parse("2024-06-05T03:25:00Z"));
  }

  @Test
  void votes_written_with_indian_digit_grouping_read_as_numbers() throws Exception {
    String html = page(KRISHNANAGAR_2024);
    html = EciPageFixtures.replaceOnce(html, ">624711<", ">6,24,711<");
    html = EciPageFixtures.replaceOnce(html, ">628789<", ">6,28,789<");
    html = EciPageFixtures.replaceOnce(html, ">1425712<", ">14,25,712<");

    ParsedSeatPage page = EciPages.parseSeatPage(html, "x");

    assertThat(page.candidates().get(0).evmVotes()).isEqualTo(624711);
    assertThat(page.candidates().get(0).totalVotes()).isEqualTo(628789);
    assertThat(page.footerTotal()).isEqualTo(1425712L);
  }
}
