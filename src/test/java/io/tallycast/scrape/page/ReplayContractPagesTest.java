package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.CONTRACT_LIST;
import static io.tallycast.scrape.page.EciPageFixtures.CONTRACT_SEAT;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static io.tallycast.scrape.page.EciPageFixtures.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pages our replay site promises to serve (its contract samples) read back as what they show. */
class ReplayContractPagesTest {

  @Test
  void contract_seat_page_gives_seat_candidates_rounds_and_status() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(CONTRACT_SEAT), "ConstituencywiseS252.htm");

    assertThat(page.layout()).isEqualTo("eci-2024");
    assertThat(page.seatNo()).isEqualTo(2);
    assertThat(page.seatName()).isEqualTo("MATHABHANGA");
    assertThat(page.state()).isEqualTo("West Bengal");
    assertThat(page.candidates()).containsExactly(
        new ParsedCandidate("SUSIL BARMAN", "Bharatiya Janata Party", 51200, 612, 51812, 52.51),
        new ParsedCandidate("GIRINDRA NATH BARMAN", "All India Trinamool Congress", 43100, 600, 43700, 44.29),
        new ParsedCandidate("NRIPENDRA NATH ROY", "Communist Party of India (Marxist)", 3150, 10, 3160, 3.2));
    assertThat(page.footerEvm()).isEqualTo(97450L);
    assertThat(page.footerPostal()).isEqualTo(1222L);
    assertThat(page.footerTotal()).isEqualTo(98672L);
    assertThat(page.roundsDone()).isEqualTo(9);
    assertThat(page.roundsTotal()).isEqualTo(18);
    assertThat(page.status()).isEqualTo("Result in Progress");
    assertThat(page.lastUpdated()).isEqualTo("Last Updated at 11:42 am On 02/05/2021");
    assertThat(page.sourceTime()).isEqualTo(Instant.parse("2021-05-02T06:12:00Z"));
  }

  @Test
  void contract_list_page_gives_every_row_as_shown() throws Exception {
    ParsedListPage page = EciPages.parseListPage(page(CONTRACT_LIST), "statewiseS251.htm");

    assertThat(page.rows()).containsExactly(
        new ParsedListRow(1, "MEKLIGANJ", "ADHIKARY PARESH CHANDRA", "All India Trinamool Congress", "DADHIRAM RAY",
            "Bharatiya Janata Party", 14685L, 17, 17, "Result Declared"),
        new ParsedListRow(2, "MATHABHANGA", "SUSIL BARMAN", "Bharatiya Janata Party", "GIRINDRA NATH BARMAN",
            "All India Trinamool Congress", 8112L, 9, 18, "Result in Progress"),
        new ParsedListRow(3, "COOCHBEHAR UTTAR", null, null, null, null, null, 0, 19, "Awaiting"));
    assertThat(page.lastUpdated()).isEqualTo("Last Updated at 11:42 am On 02/05/2021");
    assertThat(page.sourceTime()).isEqualTo(Instant.parse("2021-05-02T06:12:00Z"));
  }

  @Test
  void list_page_awaiting_row_has_null_candidates_parties_and_margin() throws Exception {
    ParsedListRow awaiting = EciPages.parseListPage(page(CONTRACT_LIST), "statewiseS251.htm").rows().get(2);

    assertThat(awaiting.leadingCandidate()).isNull();
    assertThat(awaiting.leadingParty()).isNull();
    assertThat(awaiting.trailingCandidate()).isNull();
    assertThat(awaiting.trailingParty()).isNull();
    assertThat(awaiting.margin()).isNull();
  }

  @Test
  void list_page_links_are_the_pagination_hrefs_as_written() throws Exception {
    ParsedListPage page =
        EciPages.parseListPage(page(CONTRACT_LIST), "http://localhost:8090/Result2021/statewiseS251.htm");

    assertThat(page.pageLinks())
        .containsExactly("statewiseS251.htm", "statewiseS252.htm", "statewiseS253.htm", "statewiseS2515.htm");
  }

  @Test
  void list_page_blank_round_and_status_cells_give_nulls() throws Exception {
    String html = replaceOnce(page(CONTRACT_LIST), "<td align='center'>0/19</td><td align='left'>Awaiting</td>",
        "<td align='center'> </td><td align='left'>&nbsp;</td>");

    ParsedListRow row = EciPages.parseListPage(html, "x").rows().get(2);

    assertThat(row.roundsDone()).isNull();
    assertThat(row.roundsTotal()).isNull();
    assertThat(row.status()).isNull();
  }

  @Test
  void list_page_with_a_bad_margin_names_the_row_and_the_cell() {
    String html = replaceOnce(page(CONTRACT_LIST), ">8112<", ">81l2<");

    assertThatThrownBy(() -> EciPages.parseListPage(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("row 2 (MATHABHANGA): margin '81l2' is not a number");
  }

  @Test
  void list_page_round_past_the_last_round_is_refused() {
    String html = replaceOnce(page(CONTRACT_LIST), ">9/18<", ">19/18<");

    assertThatThrownBy(() -> EciPages.parseListPage(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("row 2 (MATHABHANGA): round 19/18 is past the last round");
  }

  @Test
  void list_page_cut_inside_the_pagination_is_refused() {
    String html = EciPageFixtures.cutAfter(page(CONTRACT_LIST), "statewiseS252.htm'>2</a></li>");

    assertThatThrownBy(() -> EciPages.parseListPage(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("no 'Last Updated at ...' line on page (truncated?)");
  }

  @Test
  void a_list_page_given_as_a_seat_page_says_what_it_is() {
    assertThatThrownBy(() -> EciPages.parseSeatPage(page(CONTRACT_LIST), "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("expected a constituency page but this is a state-wise list page");
  }

  @Test
  void a_seat_page_given_as_a_list_page_says_what_it_is() {
    assertThatThrownBy(() -> EciPages.parseListPage(page(CONTRACT_SEAT), "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("expected a state-wise list page but this is a constituency page");
  }
}
