package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.TN_PARTY_1240;
import static io.tallycast.scrape.page.EciPageFixtures.TN_PARTY_1712;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static io.tallycast.scrape.page.EciPageFixtures.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real 2026 party-wise summaries of Tamil Nadu (ResultAcGenMay2026), at 12:40 and at 17:12 on 4 May 2026. */
class EciPartySummaryTest {
  // The test's own reading of the raw markup: a row is the party cell, then Won and Leading each either a link
  // (whose number is ECI's party id) or plain text, then Total. Independent of the parser and of jsoup.
  private static final String RIGHT = "\\s*<td style=\"text-align:right\">\\s*";
  private static final Pattern ROW = Pattern.compile("<tr class=\"tr\">\\s*<td style=\"text-align:left\">([^<]*)</td>"
      + RIGHT + "(?:<a href=\"partywisewinresult-(\\d+)S22\\.htm\">)?(\\d+)(?:</a>)?\\s*</td>"
      + RIGHT + "(?:<a href=\"partywiseleadresult-(\\d+)S22\\.htm\">)?(\\d+)(?:</a>)?\\s*</td>"
      + RIGHT + "(\\d+)</td>");
  private static final Pattern TOTAL =
      Pattern.compile("<th>Total</th>\\s*<th[^>]*>(\\d+)</th>\\s*<th[^>]*>(\\d+)</th>\\s*<th[^>]*>(\\d+)</th>");

  private static List<ParsedPartyRow> rowsByRegex(String html) {
    List<ParsedPartyRow> rows = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      String id = m.group(2) != null ? m.group(2) : m.group(4);
      rows.add(new ParsedPartyRow(m.group(1).strip(), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(5)),
          Integer.parseInt(m.group(6)), id == null ? null : Integer.valueOf(id)));
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TN_PARTY_1240, TN_PARTY_1712})
  void every_party_row_and_the_total_row_read_as_the_page_shows_them(String file) throws Exception {
    String html = page(file);
    List<ParsedPartyRow> expected = rowsByRegex(html);
    Matcher total = TOTAL.matcher(html);
    assertThat(total.find()).isTrue();

    ParsedPartySummary summary = EciPages.parsePartySummary(html, file);

    assertThat(expected).as("rows the test itself found").hasSize(12);
    assertThat(summary.rows()).containsExactlyElementsOf(expected);
    assertThat(summary.totalWon()).isEqualTo(Integer.parseInt(total.group(1)));
    assertThat(summary.totalLeading()).isEqualTo(Integer.parseInt(total.group(2)));
    assertThat(summary.total()).isEqualTo(Integer.parseInt(total.group(3)));
    assertThat(summary.state()).isEqualTo("Tamil Nadu");
    assertThat(summary.seatsTotal()).isEqualTo(234);
  }

  @Test
  void the_1240_page_has_no_seat_won_and_its_rows_are_as_written_out_by_hand() throws Exception {
    ParsedPartySummary summary = EciPages.parsePartySummary(page(TN_PARTY_1240), "partywiseresult-S22.htm");

    assertThat(summary.rows()).hasSize(12).startsWith(
        new ParsedPartyRow("Tamilaga Vettri Kazhagam - TVK", 0, 106, 106, 3679),
        new ParsedPartyRow("All India Anna Dravida Munnetra Kazhagam - ADMK", 0, 62, 62, 75),
        new ParsedPartyRow("Dravida Munnetra Kazhagam - DMK", 0, 45, 45, 582));
    assertThat(summary.rows().get(11))
        .isEqualTo(new ParsedPartyRow("Communist Party of India (Marxist) - CPI(M)", 0, 1, 1, 547));
    assertThat(List.of(summary.totalWon(), summary.totalLeading(), summary.total())).containsExactly(0, 234, 234);
    assertThat(summary.lastUpdated()).isEqualTo("Last Updated at 12:36 PM On 04/05/2026");
    assertThat(summary.sourceTime()).isEqualTo(Instant.parse("2026-05-04T07:06:00Z"));
  }

  @Test
  void the_1712_page_reads_won_from_links_and_plain_zeros_alike() throws Exception {
    ParsedPartySummary summary = EciPages.parsePartySummary(page(TN_PARTY_1712), "partywiseresult-S22.htm");

    assertThat(summary.rows()).startsWith(
        new ParsedPartyRow("Tamilaga Vettri Kazhagam - TVK", 12, 97, 109, 3679),
        new ParsedPartyRow("Dravida Munnetra Kazhagam - DMK", 7, 53, 60, 582),
        new ParsedPartyRow("All India Anna Dravida Munnetra Kazhagam - ADMK", 0, 44, 44, 75));
    assertThat(summary.rows().get(4)).isEqualTo(new ParsedPartyRow("Indian National Congress - INC", 1, 4, 5, 742));
    assertThat(summary.rows().get(4).abbreviation()).isEqualTo("INC");
    assertThat(List.of(summary.totalWon(), summary.totalLeading(), summary.total())).containsExactly(20, 214, 234);
    assertThat(summary.sourceTime()).isEqualTo(Instant.parse("2026-05-04T11:42:00Z"));
  }

  @Test
  void a_row_without_links_has_no_eci_party_id() throws Exception {
    String html = replaceOnce(page(TN_PARTY_1712), "<a href=\"partywiseleadresult-75S22.htm\">44</a>", "44");

    ParsedPartyRow admk = EciPages.parsePartySummary(html, "x").rows().get(2);

    assertThat(admk).isEqualTo(new ParsedPartyRow("All India Anna Dravida Munnetra Kazhagam - ADMK", 0, 44, 44, null));
  }

  @Test
  void links_naming_two_parties_in_one_row_are_refused() {
    String html = replaceOnce(page(TN_PARTY_1712), "partywiseleadresult-582S22.htm", "partywiseleadresult-583S22.htm");

    assertThatThrownBy(() -> EciPages.parsePartySummary(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("row 2 (Dravida Munnetra Kazhagam - DMK): its links name two parties, 582 and 583");
  }

  @Test
  void party_abbreviation_is_what_follows_the_last_dash() {
    assertThat(new ParsedPartyRow("All India Trinamool Congress - AITC", 0, 0, 0).abbreviation()).isEqualTo("AITC");
    assertThat(new ParsedPartyRow("Communist Party of India (Marxist) - CPI(M)", 0, 0, 0).abbreviation())
        .isEqualTo("CPI(M)");
    assertThat(new ParsedPartyRow("Nationalist Congress Party - Sharadchandra Pawar - NCPSP", 0, 0, 0).abbreviation())
        .isEqualTo("NCPSP");
    assertThat(new ParsedPartyRow("Independent", 0, 0, 0).abbreviation()).isNull();
  }

  @Test
  void a_row_whose_won_and_leading_do_not_make_its_total_is_refused() {
    String html = replaceOnce(page(TN_PARTY_1712), "<td style=\"text-align:right\">109</td>",
        "<td style=\"text-align:right\">110</td>");

    assertThatThrownBy(() -> EciPages.parsePartySummary(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("row 1 (Tamilaga Vettri Kazhagam - TVK): won 12 + leading 97 != total 110");
  }

  @Test
  void rows_that_do_not_add_up_to_the_total_row_are_refused() {
    String html = replaceOnce(replaceOnce(page(TN_PARTY_1712), "<th style=\"text-align:right\">20</th>",
        "<th style=\"text-align:right\">19</th>"), ">234</th>", ">233</th>");

    assertThatThrownBy(() -> EciPages.parsePartySummary(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("party rows add up to 20 won and 214 leading but the Total row says 19 and 214");
  }

  @Test
  void a_total_past_the_states_seats_in_the_title_is_refused() {
    String html = replaceOnce(page(TN_PARTY_1712), "(Total AC : 234)", "(Total AC : 230)");

    assertThatThrownBy(() -> EciPages.parsePartySummary(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("the Total row counts 234 seats but the title says the state has 230");
  }

  @Test
  void a_summary_cut_inside_its_table_is_refused() {
    String html = EciPageFixtures.cutBefore(page(TN_PARTY_1712), "<td style=\"text-align:left\">Pattali Makkal");

    assertThatThrownBy(() -> EciPages.parsePartySummary(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessageEndingWith("(truncated?)");
  }

  @Test
  void a_seat_page_given_as_a_summary_says_what_it_is() {
    String seatPage = page(EciPageFixtures.KRISHNANAGAR_2024);
    assertThatThrownBy(() -> EciPages.parsePartySummary(seatPage, "x"))
        .isInstanceOf(PageFormatException.class)
        .hasMessage("expected a party-wise summary page but this is a constituency page");
  }
}
