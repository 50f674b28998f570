package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.KRISHNANAGAR_2019;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real 2019 Lok Sabha pages (results.eci.gov.in/pc) of West Bengal seats 1, 12 and 23. */
class Eci2019SeatPageTest {

  private static ParsedCandidate c(String name, String party, long evm, long postal, long total, double percent) {
    return new ParsedCandidate(name, party, evm, postal, total, percent);
  }

  @Test
  void krishnanagar_2019_gives_exactly_the_candidates_the_page_shows_in_ballot_order() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(KRISHNANAGAR_2019), "ConstituencywiseS2512.htm");

    assertThat(page.candidates()).containsExactly(
        c("INTAJ ALI SHAH", "Indian National Congress", 38116, 189, 38305, 2.8),
        c("UDDHAB ROY", "Bahujan Samaj Party", 4166, 33, 4199, 0.31),
        c("KALYAN CHAUBEY", "Bharatiya Janata Party", 548248, 3406, 551654, 40.37),
        c("JHA SHANTANU", "Communist Party of India (Marxist)", 120016, 206, 120222, 8.8),
        c("MAHUA MOITRA", "All India Trinamool Congress", 613652, 1220, 614872, 45),
        c("KHODABOX SHAIKH", "SOCIALIST UNITY CENTRE OF INDIA (COMMUNIST)", 8096, 16, 8112, 0.59),
        c("JAYANTO DEBNATH", "Aihra National Party", 2218, 7, 2225, 0.16),
        c("SUBIMAL SENGUPTA", "Communist Party of India (Marxist-Leninist) (Liberation)", 7581, 4, 7585, 0.56),
        c("ASHOK AGARWALA (LALU DA)", "Independent", 2963, 4, 2967, 0.22),
        c("NIRAPADA MODAK", "Independent", 6512, 0, 6512, 0.48),
        c("BHASKAR PAUL", "Independent", 2279, 3, 2282, 0.17),
        c("NOTA", "None of the Above", 7484, 24, 7508, 0.55));
    assertThat(page.footerEvm()).isEqualTo(1361331L);
    assertThat(page.footerPostal()).isEqualTo(5112L);
    assertThat(page.footerTotal()).isEqualTo(1366443L);
  }

  @Test
  void seat_name_comes_from_the_title_and_its_number_from_the_states_hidden_list() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(KRISHNANAGAR_2019), "ConstituencywiseS2512.htm");

    assertThat(page.layout()).isEqualTo("eci-2019");
    assertThat(page.state()).isEqualTo("West Bengal");
    assertThat(page.seatName()).isEqualTo("Krishnanagar");
    assertThat(page.seatNo()).isEqualTo(12);
  }

  @Test
  void seat_number_is_null_when_the_hidden_list_is_absent() throws Exception {
    String html = EciPageFixtures.replaceOnce(page(KRISHNANAGAR_2019), "id=\"S25\"", "id=\"S25-gone\"");

    ParsedSeatPage page = EciPages.parseSeatPage(html, "x");

    assertThat(page.seatNo()).isNull();
    assertThat(page.seatName()).isEqualTo("Krishnanagar");
  }

  @Test
  void last_updated_is_kept_verbatim_and_read_month_first_as_india_time() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(KRISHNANAGAR_2019), "ConstituencywiseS2512.htm");

    // the page has two spaces after "at": whitespace is collapsed
    assertThat(page.lastUpdated()).isEqualTo("Last Updated at 08:10:02 pm On 05/24/2019");
    // 24 May 2019, 20:10:02 IST
    assertThat(page.sourceTime()).isEqualTo(Instant.parse("2019-05-24T14:40:02Z"));
    assertThat(page.roundsDone()).isNull();
    assertThat(page.roundsTotal()).isNull();
    assertThat(page.status()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2019-lok-sabha/ConstituencywiseS251.htm, 1, Cooch behar, 12, NISITH PRAMANIK, Bharatiya Janata Party, "
          + "731594, 1524683",
      "2019-lok-sabha/ConstituencywiseS2523.htm, 23, Kolkata Dakshin, 14, Mala Roy, All India Trinamool Congress, "
          + "573119, 1206645"})
  void other_2019_seats_give_their_seat_their_leader_and_rows_that_add_up(String file, int seatNo, String seatName,
      int rows, String leader, String leaderParty, long leaderVotes, long footerTotal) throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(file), file);

    assertThat(page.seatNo()).isEqualTo(seatNo);
    assertThat(page.seatName()).isEqualTo(seatName);
    assertThat(page.candidates()).hasSize(rows);
    ParsedCandidate top = page.candidates().stream().filter(c -> !c.isNota())
        .max(Comparator.comparingLong(ParsedCandidate::totalVotes)).orElseThrow();
    assertThat(top.name()).isEqualTo(leader);
    assertThat(top.party()).isEqualTo(leaderParty);
    assertThat(top.totalVotes()).isEqualTo(leaderVotes);
    assertThat(page.candidates().stream().mapToLong(ParsedCandidate::totalVotes).sum()).isEqualTo(footerTotal);
    assertThat(page.footerTotal()).isEqualTo(footerTotal);
    assertThat(page.candidates().get(rows - 1).isNota()).isTrue();
    assertThat(page.sourceTime()).isEqualTo(Instant.parse("2019-05-24T14:40:02Z"));
  }
}
