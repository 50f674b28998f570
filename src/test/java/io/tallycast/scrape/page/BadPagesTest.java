package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.KRISHNANAGAR_2019;
import static io.tallycast.scrape.page.EciPageFixtures.KRISHNANAGAR_2024;
import static io.tallycast.scrape.page.EciPageFixtures.cutAfter;
import static io.tallycast.scrape.page.EciPageFixtures.cutBefore;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static io.tallycast.scrape.page.EciPageFixtures.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything short of a complete, consistent results page is refused, with a message that says what is wrong. */
class BadPagesTest {
  // Read when a test asks (not in a static initializer), so that a clone without the shared data skips those tests.
  private static String k24() {
    return page(KRISHNANAGAR_2024);
  }

  private static String k19() {
    return page(KRISHNANAGAR_2019);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> seatPage(String html) {
    return assertThatThrownBy(() -> EciPages.parseSeatPage(html, "x")).isInstanceOf(PageFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42})
  void random_bytes_are_not_a_results_page(long seed) {
    byte[] bytes = new byte[4096];
    new Random(seed).nextBytes(bytes);

    seatPage(new String(bytes, StandardCharsets.UTF_8)).hasMessageStartingWith("no results table on page");
    seatPage(new String(bytes, StandardCharsets.ISO_8859_1)).hasMessageStartingWith("no results table on page");
  }

  @Test
  void an_empty_body_is_an_empty_page() {
    seatPage("").hasMessage("empty page");
    seatPage(" \r\n").hasMessage("empty page");
    seatPage(null).hasMessage("empty page");
  }

  @Test
  void a_server_error_page_is_refused_and_the_message_quotes_its_title() {
    String html = "<html><head><title>500 Internal Server Error</title></head>"
        + "<body><h1>Internal Server Error</h1><p>The server encountered an error.</p></body></html>";

    seatPage(html).hasMessage("no results table on page (title '500 Internal Server Error'; "
        + "text starts 'Internal Server Error The server encountered an error.')");
  }

  @Test
  void a_login_page_with_a_layout_table_is_not_a_results_page() {
    String html = "<html><head><title>Login</title></head><body><form><table>"
        + "<tr><td>User</td><td><input name=u></td><td></td></tr>"
        + "<tr><td>Password</td><td><input type=password name=p></td><td></td></tr>"
        + "</table></form></body></html>";

    seatPage(html).hasMessageStartingWith("no results table on page (title 'Login'");
  }

  @Test
  void an_eci_page_without_the_table_is_refused() {
    String k24 = k24();
    String html = k24.substring(0, k24.indexOf("<div class='custom-table'>")) + k24.substring(k24.indexOf("</main>"));

    seatPage(html).hasMessageStartingWith("no results table on page (title 'Election Commission of India'");
  }

  @ParameterizedTest(name = "cut before {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "<body>                                  | no results table on page",
      "<tr><td>5</td>                          | page ends before the Total row (truncated?)",
      "<td align='left'>Communist Party of India  (Marxist)</td> | row 3 (S.M. SADI) has 2 cells, the header has 7 "
          + "(truncated?)",
      "</td><td align='right'>4456             | row 2 (AMRITA ROY) has 4 cells, the header has 7 (truncated?)",
      "<th style='text-align: right;'>9870     | the Total row has 4 cells, the header has 7 (truncated?)",
      "</tfoot>                                | page ends inside the results table (truncated?)",
      "<footer class='footer'>                 | no 'Last Updated at ...' line on page (truncated?)",
      "/2024</div>                             | cannot read the time in 'Last Updated at 08:55 am On 05/06' "
          + "(truncated?)"})
  void a_2024_page_cut_short_is_refused_with_where_it_ends(String marker, String message) {
    seatPage(cutBefore(k24(), marker)).hasMessageStartingWith(message);
  }

  @Test
  void a_2024_page_cut_mid_number_is_refused() {
    String html = cutAfter(k24(), "<td align='right'>5676"); // AMRITA ROY's EVM votes, 567628

    seatPage(html).hasMessage("row 2 (AMRITA ROY) has 4 cells, the header has 7 (truncated?)");
  }

  @Test
  void a_2024_page_cut_at_any_point_before_its_last_updated_line_ends_is_refused() {
    String k24 = k24();
    int table = k24.indexOf("<table");
    int end = k24.indexOf("05/06/2024</div>") + "05/06/2024".length();
    // every third character from the table on (so every tag is cut somewhere inside); above it, a sample will do
    for (int cut = 0; cut < end; cut += cut < table ? 37 : 3) {
      String html = k24.substring(0, cut);
      assertThatThrownBy(() -> EciPages.parseSeatPage(html, "x")).as("cut at %d", cut)
          .isInstanceOf(PageFormatException.class);
    }
  }

  @Test
  void a_2019_page_cut_at_any_point_before_its_last_updated_line_ends_is_refused() {
    String k19 = k19();
    int table = k19.indexOf("<table class='table-party'");
    int end = k19.indexOf("05/24/2019") + "05/24/2019".length();
    for (int cut = 0; cut < end; cut += cut < table ? 101 : 11) {
      String html = k19.substring(0, cut);
      assertThatThrownBy(() -> EciPages.parseSeatPage(html, "x")).as("cut at %d", cut)
          .isInstanceOf(PageFormatException.class);
    }
  }

  @Test
  void a_list_page_cut_at_any_point_before_its_last_updated_line_ends_is_refused() {
    String list = page(EciPageFixtures.TN_LIST_PAGE_1); // the real 2026 page
    int table = list.indexOf("<table class='table table-striped table-bordered'>");
    int end = list.indexOf("04/05/2026</span>") + "04/05/2026".length();
    for (int cut = 0; cut < end; cut += cut < table ? 211 : 17) {
      String html = list.substring(0, cut);
      assertThatThrownBy(() -> EciPages.parseListPage(html, "x")).as("cut at %d", cut)
          .isInstanceOf(PageFormatException.class);
    }
  }

  @Test
  void randomly_damaged_pages_give_a_consistent_result_or_a_page_format_exception_and_nothing_else() {
    Random random = new Random(7);
    String alphabet = "<>/'\"=&;# 0123456789,.-abcdtrhTotal";
    for (String original : new String[] {k24(), k19()}) {
      int from = original.indexOf("<table");
      for (int i = 0; i < 300; i++) {
        StringBuilder html = new StringBuilder(original);
        for (int hits = 1 + random.nextInt(3); hits > 0; hits--) {
          int at = from + random.nextInt(original.length() - from - 1);
          html.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
        try {
          ParsedSeatPage page = EciPages.parseSeatPage(html.toString(), "x");
          assertThat(page.candidates().stream().mapToLong(ParsedCandidate::totalVotes).sum())
              .isEqualTo(page.footerTotal());
        } catch (PageFormatException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        }
      }
    }
  }

  @Test
  void a_2019_page_cut_before_its_total_row_is_refused() {
    seatPage(cutBefore(k19(), "<tr style='color: #fff;")).hasMessage("page ends before the Total row (truncated?)");
  }

  @Test
  void a_page_whose_table_closes_without_a_total_row_is_refused() {
    String k24 = k24();
    String html = k24.substring(0, k24.indexOf("<tfoot>")) + k24.substring(k24.indexOf("</tfoot>") + 8);

    seatPage(html).hasMessage("results table has no Total row");
  }

  @Test
  void a_row_whose_evm_and_postal_votes_do_not_make_its_total_is_refused() {
    seatPage(replaceOnce(k24(), ">180201<", ">180202<"))
        .hasMessage("row 3 (S.M. SADI): EVM 179063 + postal 1138 != total 180202");
    seatPage(replaceOnce(k19(), ">551654<", ">551655<"))
        .hasMessage("row 3 (KALYAN CHAUBEY): EVM 548248 + postal 3406 != total 551655");
  }

  @Test
  void a_non_numeric_vote_cell_is_refused() {
    seatPage(replaceOnce(k24(), ">4078<", ">4O78<"))
        .hasMessage("row 1 (MAHUA MOITRA): Postal Votes '4O78' is not a number");
    seatPage(replaceOnce(k24(), ">567628<", "><"))
        .hasMessage("row 2 (AMRITA ROY): EVM Votes '' is not a number");
    seatPage(replaceOnce(k24(), ">8671<", ">-8671<"))
        .hasMessage("row 4 (SANJIT BISWAS): Total Votes '-8671' is not a number");
  }

  @Test
  void rows_that_do_not_add_up_to_the_total_row_are_refused() {
    String html = replaceOnce(replaceOnce(k24(), ">567628<", ">567638<"), ">572084<", ">572094<");

    seatPage(html).hasMessage("candidate rows add up to 1425722 total votes but the Total row says 1425712");
  }

  @Test
  void a_total_row_that_disagrees_with_the_rows_is_refused() {
    seatPage(replaceOnce(k24(), ">1425712<", ">1425700<"))
        .hasMessage("candidate rows add up to 1425712 total votes but the Total row says 1425700");
    seatPage(replaceOnce(k19(), ">5112<", ">5111<"))
        .hasMessage("candidate rows add up to 5112 postal votes but the Total row says 5111");
  }

  @Test
  void a_table_without_a_postal_votes_column_is_refused() {
    seatPage(replaceOnce(k24(), "<th>Postal Votes</th>", "<th>Votes by post</th>"))
        .hasMessageStartingWith("results table header has no 'Postal Votes' column");
  }

  @Test
  void a_round_past_the_last_one_is_refused() {
    seatPage(replaceOnce(k24(), "<div class='roundBtn'>&nbsp;</div>", "<div class='roundBtn'>Round 19/18</div>"))
        .hasMessage("round 19/18 is past the last round");
  }

  @Test
  void an_impossible_last_updated_date_is_refused() {
    seatPage(replaceOnce(k24(), "On 05/06/2024", "On 31/02/2024"))
        .hasMessage("'Last Updated at 08:55 am On 31/02/2024' is not a valid date and time");
  }

  @Test
  void escaped_markup_in_a_name_comes_out_as_that_literal_text_and_nothing_else() throws Exception {
    String html = replaceOnce(k24(), ">MAHUA MOITRA<", ">&lt;img src=x onerror=alert(1)&gt;<");

    ParsedCandidate first = EciPages.parseSeatPage(html, "x").candidates().get(0);

    assertThat(first.name()).isEqualTo("<img src=x onerror=alert(1)>");
  }

  @Test
  void real_markup_in_a_cell_is_dropped_and_only_its_text_is_kept() throws Exception {
    String html = replaceOnce(k24(), ">MAHUA MOITRA<",
        "><b onclick='x()'>MAHUA</b> <script>alert(1)</script><img src=x onerror=alert(1)>MOITRA<");

    ParsedCandidate first = EciPages.parseSeatPage(html, "x").candidates().get(0);

    assertThat(first.name()).isEqualTo("MAHUA MOITRA");
  }

  @Test
  void a_candidate_marked_uncontested_beside_others_is_refused_and_a_dash_elsewhere_is_not_a_number() {
    String dashed = "<td align='left'>MAHUA MOITRA ( Uncontested )</td><td align='left'>All India Trinamool Congress"
        + "</td><td align='right'>-</td><td align='right'>-</td><td align='right'>-</td><td align='right'>-</td>";
    String real = "<td align='left'>MAHUA MOITRA</td><td align='left'>All India Trinamool Congress</td><td "
        + "align='right'>624711</td><td align='right'>4078</td><td align='right'>628789</td><td align='right'>44.1"
        + "</td>";

    seatPage(replaceOnce(k24(), real, dashed)).hasMessage("a candidate elected unopposed beside 11 other row(s)");
    seatPage(replaceOnce(k24(), real, dashed.replace(" ( Uncontested )", "")))
        .hasMessage("row 1 (MAHUA MOITRA): EVM Votes '-' is not a number");
  }
}
