package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.CARDS;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static io.tallycast.scrape.page.EciPageFixtures.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The 2024 assembly candidate-cards markup (a saved fragment of a Maharashtra page). */
class EciCardsSeatPageTest {

  @Test
  void cards_give_each_candidate_with_total_votes_in_page_order() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(CARDS), "candidateswise-S131.htm");

    assertThat(page.layout()).isEqualTo("eci-2024-cards");
    // cards show only totals: EVM carries the total, postal is 0, so EVM + postal = total still holds
    assertThat(page.candidates()).containsExactly(
        new ParsedCandidate("RAJESH UDESING PADVI", "Bharatiya Janata Party", 146839, 0, 146839, null),
        new ParsedCandidate("RAJENDRAKUMAR KRISHNARAO GAVIT", "Indian National Congress", 93635, 0, 93635, null),
        new ParsedCandidate("GOPAL SURESH BHANDARI", "Independent", 2396, 0, 2396, null),
        new ParsedCandidate("NOTA", "None of the Above", 2425, 0, 2425, null));
    assertThat(page.candidates().get(3).isNota()).isTrue();
  }

  @Test
  void a_won_card_marks_the_result_declared_and_absent_fields_are_null() throws Exception {
    ParsedSeatPage page = EciPages.parseSeatPage(page(CARDS), "candidateswise-S131.htm");

    assertThat(page.status()).isEqualTo("Result Declared");
    assertThat(page.seatNo()).isNull();
    assertThat(page.footerTotal()).isNull();
    assertThat(page.lastUpdated()).isNull();
    assertThat(page.sourceTime()).isNull();
  }

  @Test
  void a_margin_that_disagrees_with_the_votes_is_refused() {
    String html = replaceOnce(page(CARDS), "93635 <span>", "93636 <span>");

    assertThatThrownBy(() -> EciPages.parseSeatPage(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessageContaining("shows a margin of").hasMessageContaining("(a card missing?)");
  }

  @Test
  void a_page_missing_the_runner_up_card_is_refused() {
    String html = page(CARDS);
    int start = html.indexOf("<div class=\"col-md-4 col-12\">", html.indexOf("RAJESH UDESING PADVI"));
    int end = html.indexOf("<div class=\"col-md-4 col-12\">", start + 10);
    String cut = html.substring(0, start) + html.substring(end);

    assertThatThrownBy(() -> EciPages.parseSeatPage(cut, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("card of RAJESH UDESING PADVI shows a margin of 53204 but the votes on the page give 144443"
            + " (a card missing?)");
  }

  @Test
  void a_card_cut_before_its_name_is_refused() {
    String html = EciPageFixtures.cutBefore(page(CARDS), "<h5>GOPAL SURESH BHANDARI");

    assertThatThrownBy(() -> EciPages.parseSeatPage(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("card 3 lacks the name (truncated?)");
  }
}
