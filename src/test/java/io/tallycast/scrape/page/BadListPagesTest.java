package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.TN_LIST_PAGE_1;
import static io.tallycast.scrape.page.EciPageFixtures.cutBefore;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static io.tallycast.scrape.page.EciPageFixtures.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real 2026 list page altered: what is wrong is refused with a reason; what is merely unknown is kept. */
class BadListPagesTest {
  private static final String ALANDUR_PARTY = "<tr><td align='left'>ALANDUR</td><td align='right'>28</td>"
      + "<td align='left'>M.HARISH</td><td align='left'><table><tbody><tr>"
      + "<td align='left'>Tamilaga Vettri Kazhagam</td>";

  private static String list() {
    return page(TN_LIST_PAGE_1);
  }

  /** The page read before the lambda, so that a missing shared folder skips the test instead of failing it. */
  private static AbstractThrowableAssert<?, ? extends Throwable> refused(String html) {
    return assertThatThrownBy(() -> EciPages.parseListPage(html, "x")).isInstanceOf(PageFormatException.class);
  }

  /** The page with the status of the row of {@code seatName} written as {@code status}. */
  private static String withStatus(String seatName, String status) {
    return withStatus(list(), seatName, status);
  }

  private static String withStatus(String html, String seatName, String status) {
    int row = html.indexOf("<td align='left'>" + seatName + "</td>");
    int cell = html.indexOf("<td align='left'>Result in Progress</td>", row);
    String old = "<td align='left'>Result in Progress</td>";
    return html.substring(0, cell) + "<td align='left'>" + status + "</td>" + html.substring(cell + old.length());
  }

  @Test
  void a_list_page_row_keeps_an_unknown_status_as_text_and_warns() throws Exception {
    ParsedListPage page = EciPages.parseListPage(withStatus("AVADI", "Repoll Ordered"), "x");

    assertThat(page.rows()).hasSize(20);
    assertThat(page.rows().get(19).status()).isEqualTo("Repoll Ordered");
    assertThat(page.rows().get(18).status()).isEqualTo("Result in Progress");
    assertThat(page.warnings()).containsExactly(
        "row 20, seat 6 AVADI: status 'Repoll Ordered' is not one tallycast knows; kept as written");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Result Declared", "Result in Progress", "result declared", "Uncontested", "( Uncontested )",
      "Awaiting"})
  void a_list_page_row_with_a_known_status_gives_no_warning(String status) throws Exception {
    ParsedListPage page = EciPages.parseListPage(withStatus("ALANDUR", status), "x");

    assertThat(page.rows().get(0).status()).isEqualTo(status.strip());
    assertThat(page.warnings()).isEmpty();
  }

  @Test
  void a_list_page_keeps_every_unknown_status_and_warns_for_each_row() throws Exception {
    String html = withStatus(withStatus("ALANDUR", "Countermanded"), "ALANGUDI", "Result Withheld");

    ParsedListPage page = EciPages.parseListPage(html, "x");

    assertThat(page.rows()).extracting(ParsedListRow::status).startsWith("Countermanded", "Result Withheld",
        "Result in Progress");
    assertThat(page.warnings()).containsExactly(
        "row 1, seat 28 ALANDUR: status 'Countermanded' is not one tallycast knows; kept as written",
        "row 2, seat 182 ALANGUDI: status 'Result Withheld' is not one tallycast knows; kept as written");
  }

  @Test
  void a_2026_list_page_truncated_mid_table_is_refused_and_says_so() {
    refused(cutBefore(list(), "<td align='left'>ARCOT</td>"))
        .hasMessage("page ends inside the state-wise table (truncated?)");
    refused(cutBefore(list(), "<td align='right'>21877</td>"))
        .hasMessage("row 20 (AVADI) has 6 cells, the header has 9 (truncated?)");
  }

  @Test
  void a_2026_list_page_cut_at_any_point_before_its_last_updated_line_ends_is_refused() {
    String html = list();
    int end = html.indexOf("04/05/2026</span>") + "04/05/2026".length();
    int footFrom = html.indexOf("<tfoot>") - 300;
    int footTo = html.indexOf("</table>", footFrom + 300) + 20;
    // a sample of cuts all the way, and every few characters around the filler row and the end of the table
    for (int cut = 0; cut < end; cut += cut >= footFrom && cut < footTo ? 7 : 97) {
      String cutPage = html.substring(0, cut);
      assertThatThrownBy(() -> EciPages.parseListPage(cutPage, "x")).as("cut at %d", cut)
          .isInstanceOf(PageFormatException.class);
    }
  }

  @Test
  void a_list_page_row_with_a_missing_cell_is_refused() {
    String html = replaceOnce(list(), "<td align='right'>9678</td>", "");

    assertThatThrownBy(() -> EciPages.parseListPage(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("row 1 (ALANDUR) has 8 cells, the header has 9");
  }

  @Test
  void a_list_page_row_with_a_nonsense_round_is_refused() {
    refused(replaceOnce(list(), ">7/31<", ">7/x<")).hasMessage("row 1 (ALANDUR): round '7/x' is not 'done/total'");
    refused(replaceOnce(list(), ">7/31<", ">32/31<")).hasMessage("row 1 (ALANDUR): round 32/31 is past the last round");
  }

  @Test
  void a_one_cell_row_that_spans_nothing_is_a_seat_row_cut_short_and_refused() {
    String html = replaceOnce(list(), "<th colspan='9'>&nbsp;</th>", "<td>ALANDUR</td>");

    assertThatThrownBy(() -> EciPages.parseListPage(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("row 21 (ALANDUR) has 1 cell, the header has 9");
  }

  @Test
  void empty_and_spanning_filler_rows_are_skipped_wherever_they_are() throws Exception {
    String html = replaceOnce(list(), "<tr><td align='left'>ALANGUDI</td>",
        "<tr></tr><tr><td colspan='9'>Tamil Nadu</td></tr><tr><td> </td><td></td></tr>"
            + "<tr><td align='left'>ALANGUDI</td>");

    ParsedListPage page = EciPages.parseListPage(html, "x");

    assertThat(page.rows()).hasSize(20);
    assertThat(page.rows().get(1).seatName()).isEqualTo("ALANGUDI");
  }

  @Test
  void an_unreadable_or_impossible_status_known_line_is_refused() {
    String known = "Status Known For 234 out of 234 Constituencies";
    refused(replaceOnce(list(), known, "Status Known For many"))
        .hasMessage("cannot read 'Status Known For many' as 'Status Known For N out of M Constituencies'");
    refused(replaceOnce(list(), known, "Status Known For 235 out of 234 Constituencies"))
        .hasMessage("'Status Known For 235 out of 234 Constituencies': more seats known than there are");
  }

  @Test
  void a_page_without_the_2026_header_lines_gives_nulls() throws Exception {
    String html = replaceOnce(list(), "Status Known For 234 out of 234 Constituencies", "");
    html = replaceOnce(html, "<h2> <span> Tamil Nadu </span> </h2>", "");
    html = replaceOnce(html, "<ul class='pagination pagination-sm'>", "<ul>");

    ParsedListPage page = EciPages.parseListPage(html, "x");

    assertThat(List.of(page.rows().size())).containsExactly(20);
    assertThat(page.statusKnown()).isNull();
    assertThat(page.seatsTotal()).isNull();
    assertThat(page.state()).isNull();
    assertThat(page.pageCount()).isNull();
    assertThat(page.pageLinks()).isEmpty();
  }

  @Test
  void markup_in_a_party_cell_comes_out_as_text_only() throws Exception {
    String escaped = replaceOnce(list(), ALANDUR_PARTY, ALANDUR_PARTY.replace("Tamilaga Vettri Kazhagam",
        "&lt;img src=x onerror=alert(1)&gt;"));
    String real = replaceOnce(list(), ALANDUR_PARTY, ALANDUR_PARTY.replace("Tamilaga Vettri Kazhagam",
        "<b onclick='x()'>Tamilaga</b> <script>alert(1)</script><img src=x onerror=alert(1)>Vettri Kazhagam"));

    assertThat(EciPages.parseListPage(escaped, "x").rows().get(0).leadingParty())
        .isEqualTo("<img src=x onerror=alert(1)>");
    assertThat(EciPages.parseListPage(real, "x").rows().get(0).leadingParty()).isEqualTo("Tamilaga Vettri Kazhagam");
  }
}
