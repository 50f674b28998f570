package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.HABRA_2026_CARDS;
import static io.tallycast.scrape.page.EciPageFixtures.HABRA_2026_TABLE;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static io.tallycast.scrape.page.EciPageFixtures.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The two 2026 constituency layouts, on our reconstruction of West Bengal seat 100 (Habra) that the replay site
 * renders (no real copy has been saved yet; see reconstructed-2026/README.md). Expected figures are written out by
 * hand from those pages.
 */
class Eci2026SeatPageTest {
  private static final String ROUND = "<div class='round-status'>Status of EVM Round: <span>19</span>/19</div>";

  private static ParsedCandidate row(String name, String party, long evm, long postal, long total, double percent) {
    return new ParsedCandidate(name, party, evm, postal, total, percent);
  }

  private static ParsedCandidate card(String name, String party, long votes) {
    return new ParsedCandidate(name, party, votes, 0, votes, null);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(String html) {
    return assertThatThrownBy(() -> EciPages.parseSeatPage(html, "x")).isInstanceOf(PageFormatException.class);
  }

  @Test
  void the_2026_table_page_gives_every_row_in_ballot_order_and_its_short_total_row() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(HABRA_2026_TABLE), "ConstituencywiseS25100.htm");

    assertThat(page.layout()).isEqualTo("eci-2026");
    assertThat(page.candidates()).containsExactly(
        row("RIJINANDAN BISWAS", "Communist Party of India (Marxist)", 15122, 115, 15237, 7.67),
        row("KAMALENDU BALA", "Bahujan Samaj Party", 527, 13, 540, 0.27),
        row("JYOTI PRIYA MALLICK", "All India Trinamool Congress", 72662, 521, 73183, 36.82),
        row("DEBDAS MONDAL", "Bharatiya Janata Party", 103750, 895, 104645, 52.66),
        row("PRONOB BHATTACHARYYA", "Indian National Congress", 1133, 12, 1145, 0.58),
        row("ASIK RAJ MONDAL", "All India Majlis-E-Ittehadul Muslimeen", 303, 3, 306, 0.15),
        row("KABIR RANA", "Aam Janata Unnayan party", 70, 1, 71, 0.04),
        row("PROBODH KUMAR SARKAR", "Socialist Unity Centre Of India (COMMUNIST)", 255, 6, 261, 0.13),
        row("APU MALLICK", "Independent", 109, 0, 109, 0.05),
        row("DEBDAS MONDAL", "Independent", 275, 7, 282, 0.14),
        row("DEBABRATA DAS", "Independent", 885, 0, 885, 0.45),
        row("SHAFIQUE ALI", "Independent", 716, 0, 716, 0.36),
        row("SARIFUL MOLLA", "Independent", 369, 0, 369, 0.19),
        row("NOTA", "None of the Above", 967, 21, 988, 0.5));
    assertThat(List.of(page.footerEvm(), page.footerPostal(), page.footerTotal()))
        .containsExactly(197143L, 1594L, 198737L);
  }

  @Test
  void the_2026_table_page_gives_seat_state_round_and_time_and_no_status_words() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(HABRA_2026_TABLE), "ConstituencywiseS25100.htm");

    assertThat(page.seatNo()).isEqualTo(100);
    assertThat(page.seatName()).isEqualTo("HABRA");
    assertThat(page.state()).isEqualTo("West Bengal");
    assertThat(page.roundsDone()).isEqualTo(19);
    assertThat(page.roundsTotal()).isEqualTo(19);
    assertThat(page.status()).isNull();
    assertThat(page.lastUpdated()).isEqualTo("Last Updated at 08:42 PM On 04/05/2026");
    assertThat(page.sourceTime()).isEqualTo(Instant.parse("2026-05-04T15:12:00Z"));
  }

  @Test
  void the_2026_cards_page_gives_every_card_in_page_order_and_a_won_card_means_declared() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(HABRA_2026_CARDS), "candidateswise-S25100.htm");

    assertThat(page.layout()).isEqualTo("eci-2026-cards");
    assertThat(page.candidates()).containsExactly(
        card("DEBDAS MONDAL", "Bharatiya Janata Party", 104645),
        card("JYOTI PRIYA MALLICK", "All India Trinamool Congress", 73183),
        card("RIJINANDAN BISWAS", "Communist Party of India (Marxist)", 15237),
        card("PRONOB BHATTACHARYYA", "Indian National Congress", 1145),
        card("DEBABRATA DAS", "Independent", 885),
        card("SHAFIQUE ALI", "Independent", 716),
        card("KAMALENDU BALA", "Bahujan Samaj Party", 540),
        card("SARIFUL MOLLA", "Independent", 369),
        card("ASIK RAJ MONDAL", "All India Majlis-E-Ittehadul Muslimeen", 306),
        card("DEBDAS MONDAL", "Independent", 282),
        card("PROBODH KUMAR SARKAR", "Socialist Unity Centre Of India (COMMUNIST)", 261),
        card("APU MALLICK", "Independent", 109),
        card("KABIR RANA", "Aam Janata Unnayan party", 71),
        card("NOTA", "None of the Above", 988));
    assertThat(page.status()).isEqualTo("Result Declared");
    assertThat(List.of(page.seatNo(), page.roundsDone(), page.roundsTotal())).containsExactly(100, 19, 19);
    assertThat(page.seatName()).isEqualTo("HABRA");
    assertThat(page.sourceTime()).isEqualTo(Instant.parse("2026-05-04T15:12:00Z"));
    assertThat(page.footerTotal()).isNull();
  }

  @Test
  void namesakes_stay_two_candidates_on_both_pages() throws Exception {
    for (String file : List.of(HABRA_2026_TABLE, HABRA_2026_CARDS)) {
      List<ParsedCandidate> debdas = EciPages.parseSeatPage(page(file), file).candidates().stream()
          .filter(c -> c.name().equals("DEBDAS MONDAL")).toList();
      assertThat(debdas).as(file).extracting(ParsedCandidate::party)
          .containsExactlyInAnyOrder("Bharatiya Janata Party", "Independent");
      assertThat(debdas).extracting(ParsedCandidate::totalVotes).containsExactlyInAnyOrder(104645L, 282L);
    }
  }

  @Test
  void leading_and_trailing_cards_mean_counting_goes_on() throws Exception {
    String html = page(HABRA_2026_CARDS).replace("status won", "status leading").replace("status lost",
        "status trailing");

    assertThat(EciPages.parseSeatPage(html, "x").status()).isEqualTo("Result in Progress");
  }

  @Test
  void a_card_marked_won_without_the_most_votes_is_refused() {
    String html = replaceOnce(replaceOnce(page(HABRA_2026_CARDS), "status won", "status lost"),
        "<div class=\"status lost\">\n                    <div style=\"text-transform: capitalize\">lost</div>\n"
            + "                    <div>73183",
        "<div class=\"status won\">\n                    <div style=\"text-transform: capitalize\">lost</div>\n"
            + "                    <div>73183");

    refused(html).hasMessage("card of JYOTI PRIYA MALLICK is marked won with 73183 votes but another card has 104645");
  }

  @Test
  void a_page_marking_a_winner_and_a_trailing_card_is_refused() {
    String html = page(HABRA_2026_CARDS).replaceFirst("status lost", "status trailing");

    refused(html).hasMessage("the cards mark 1 won, 0 leading and 1 trailing: not one count");
  }

  @Test
  void a_card_margin_that_disagrees_with_the_votes_is_refused() {
    refused(replaceOnce(page(HABRA_2026_CARDS), "73183 <span>", "73184 <span>"))
        .hasMessage("card of DEBDAS MONDAL shows a margin of 31462 but the votes on the page give 31461"
            + " (a card missing?)");
  }

  @Test
  void a_2026_page_cut_before_its_footer_is_refused() {
    refused(EciPageFixtures.cutBefore(page(HABRA_2026_CARDS), "<footer"))
        .hasMessage("no 'Last Updated at ...' line on page (truncated?)");
    refused(EciPageFixtures.cutBefore(page(HABRA_2026_TABLE), "<tr><td>10</td>"))
        .hasMessage("page ends before the Total row (truncated?)");
  }

  @Test
  void table_rows_that_do_not_add_up_are_refused() {
    refused(replaceOnce(page(HABRA_2026_TABLE), ">104645<", ">104646<"))
        .hasMessage("row 4 (DEBDAS MONDAL): EVM 103750 + postal 895 != total 104646");
    String both = replaceOnce(replaceOnce(page(HABRA_2026_TABLE), ">103750<", ">103751<"), ">104645<", ">104646<");
    refused(both).hasMessage("candidate rows add up to 198738 total votes but the Total row says 198737");
  }

  @Test
  void a_short_total_row_needs_evm_postal_and_total() {
    refused(replaceOnce(page(HABRA_2026_TABLE), "<th style='text-align:right'>1594</th>", ""))
        .hasMessage("the Total row ('Total |  | 197143 | 198737') does not show EVM, postal and total votes");
  }

  @Test
  void a_total_row_as_wide_as_the_header_reads_by_column_or_else_in_order() throws Exception {
    String total = "<tr><th>Total</th><th></th><th style='text-align:right'>197143</th>"
        + "<th style='text-align:right'>1594</th><th style='text-align:right'>198737</th></tr>";
    String aligned = replaceOnce(page(HABRA_2026_TABLE), total,
        "<tr><th>Total</th><th></th><th></th><th>197143</th><th>1594</th><th>198737</th><th>100</th></tr>");
    String shifted = replaceOnce(page(HABRA_2026_TABLE), total,
        "<tr><th>Total</th><th></th><th>197143</th><th>1594</th><th>198737</th><th></th><th></th></tr>");

    for (String html : List.of(aligned, shifted)) {
      ParsedSeatPage page = EciPages.parseSeatPage(html, "x");
      assertThat(List.of(page.footerEvm(), page.footerPostal(), page.footerTotal()))
          .containsExactly(197143L, 1594L, 198737L);
    }
  }

  @Test
  void the_round_is_read_wherever_the_2026_page_writes_it() throws Exception {
    String plain = replaceOnce(page(HABRA_2026_TABLE), ROUND, "<div class='round-status'>7/19</div>");
    String elsewhere = replaceOnce(page(HABRA_2026_TABLE), ROUND, "<p>Status of EVM Round: <b>8</b>/19</p>");
    String none = replaceOnce(page(HABRA_2026_TABLE), ROUND, "");

    assertThat(EciPages.parseSeatPage(plain, "x").roundsDone()).isEqualTo(7);
    ParsedSeatPage moved = EciPages.parseSeatPage(elsewhere, "x");
    assertThat(List.of(moved.layout(), moved.roundsDone(), moved.roundsTotal()))
        .containsExactly("eci-2026", 8, 19);
    ParsedSeatPage without = EciPages.parseSeatPage(none, "x");
    assertThat(without.layout()).as("the 2026 footer still tells").isEqualTo("eci-2026");
    assertThat(without.roundsDone()).isNull();
    assertThat(without.roundsTotal()).isNull();
  }

  @Test
  void a_nonsense_round_is_refused() {
    refused(replaceOnce(page(HABRA_2026_TABLE), "<span>19</span>/19", "<span>x</span>/19"))
        .hasMessage("round 'Status of EVM Round: x/19' is not 'done/total'");
    refused(replaceOnce(page(HABRA_2026_CARDS), "<span>19</span>/19", "<span>20</span>/19"))
        .hasMessage("round 20/19 is past the last round");
  }

  @Test
  void the_layout_comes_from_the_markup_never_from_the_url() throws Exception {
    assertThat(EciPages.parseSeatPage(page(HABRA_2026_CARDS), "ConstituencywiseS25100.htm").layout())
        .isEqualTo("eci-2026-cards");
    assertThat(EciPages.identify(page(HABRA_2026_TABLE), "candidateswise-S25100.htm"))
        .isEqualTo(new PageIdentity(PageKind.CONSTITUENCY, "eci-2026"));
  }
}
