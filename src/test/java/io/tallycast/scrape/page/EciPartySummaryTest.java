package io.tallycast.scrape.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The party-wise summary. No real page was saved, so this one is written after the 2024 layout as third-party
 * scrapers describe it ({@code div.rslt-table}, cells Party, Won, Leading, Total, won count linked).
 */
class EciPartySummaryTest {
  private static final String PAGE = """
      <!doctype html><html><head><title>Election Commission of India</title></head><body>
      <div class='page-title'><h2><span>West Bengal</span></h2></div>
      <div class='rslt-table teble-responsive'>
        <table class='table'>
          <thead><tr><th>Party</th><th>Won</th><th>Leading</th><th>Total</th></tr></thead>
          <tbody>
            <tr><td style='text-align:left'>All India Trinamool Congress - AITC</td>
                <td><a href='partywisewinresult-140S25.htm'>200</a></td><td>13</td><td>213</td></tr>
            <tr><td style='text-align:left'>Bharatiya Janata Party - BJP</td>
                <td><a href='partywisewinresult-369S25.htm'>70</a></td><td>7</td><td>77</td></tr>
            <tr><td style='text-align:left'>Independent - IND</td><td>1</td><td>0</td><td>1</td></tr>
          </tbody>
          <tfoot><tr><th>Total</th><th>271</th><th>20</th><th>291</th></tr></tfoot>
        </table>
      </div>
      <div class='sm-text'>Last Updated at 07:30 pm On 02/05/2021</div>
      </body></html>
      """;

  @Test
  void summary_gives_each_party_with_won_leading_and_total() throws Exception {
    ParsedPartySummary summary = EciPages.parsePartySummary(PAGE, "partywiseresult-S25.htm");

    assertThat(summary.rows()).containsExactly(
        new ParsedPartyRow("All India Trinamool Congress - AITC", 200, 13, 213),
        new ParsedPartyRow("Bharatiya Janata Party - BJP", 70, 7, 77),
        new ParsedPartyRow("Independent - IND", 1, 0, 1));
    assertThat(summary.totalWon()).isEqualTo(271);
    assertThat(summary.totalLeading()).isEqualTo(20);
    assertThat(summary.total()).isEqualTo(291);
    assertThat(summary.sourceTime()).isEqualTo(Instant.parse("2021-05-02T14:00:00Z"));
  }

  @Test
  void party_abbreviation_is_what_follows_the_last_dash() {
    assertThat(new ParsedPartyRow("All India Trinamool Congress - AITC", 0, 0, 0).abbreviation()).isEqualTo("AITC");
    assertThat(new ParsedPartyRow("Nationalist Congress Party - Sharadchandra Pawar - NCPSP", 0, 0, 0).abbreviation())
        .isEqualTo("NCPSP");
    assertThat(new ParsedPartyRow("Independent", 0, 0, 0).abbreviation()).isNull();
  }

  @Test
  void a_row_whose_won_and_leading_do_not_make_its_total_is_refused() {
    String html = PAGE.replace("<td>7</td><td>77</td>", "<td>7</td><td>78</td>");

    assertThatThrownBy(() -> EciPages.parsePartySummary(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("row 2 (Bharatiya Janata Party - BJP): won 70 + leading 7 != total 78");
  }

  @Test
  void rows_that_do_not_add_up_to_the_total_row_are_refused() {
    String html = PAGE.replace("<th>271</th><th>20</th><th>291</th>", "<th>270</th><th>20</th><th>290</th>");

    assertThatThrownBy(() -> EciPages.parsePartySummary(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("party rows add up to 271 won and 20 leading but the Total row says 270 and 20");
  }

  @Test
  void a_summary_cut_inside_its_table_is_refused() {
    String html = PAGE.substring(0, PAGE.indexOf("<tr><td style='text-align:left'>Independent"));

    assertThatThrownBy(() -> EciPages.parsePartySummary(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("page ends inside the party-wise table (truncated?)");
  }

  @Test
  void a_seat_page_given_as_a_summary_says_what_it_is() {
    assertThatThrownBy(() -> EciPages.parsePartySummary(EciPageFixtures.page(EciPageFixtures.KRISHNANAGAR_2024), "x"))
        .isInstanceOf(PageFormatException.class)
        .hasMessage("expected a party-wise summary page but this is a constituency page");
  }
}
