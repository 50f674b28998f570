package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.TN_LIST_ALL_PAGES;
import static io.tallycast.scrape.page.EciPageFixtures.TN_LIST_PAGE_1;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static io.tallycast.scrape.page.EciPageFixtures.splitPages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The real 2026 state-wise list pages of Tamil Nadu (ResultAcGenMay2026, 4 May 2026 around 12:45 IST). */
class Eci2026ListPageTest {
  // The test's own reading of a row of the raw markup: name, number, leading candidate, the leading party (first cell
  // of the nested table), trailing candidate, trailing party (ECI writes this cell with two spaces in its td), then
  // margin, round and status after the nested tables. Written against the page, independent of the parser and jsoup.
  private static final Pattern ROW = Pattern.compile("<tr><td align='left'>([^<]*)</td><td align='right'>(\\d+)</td>"
      + "<td align='left'>([^<]*)</td><td align='left'><table><tbody><tr><td align='left'>([^<]*)</td>.*?"
      + "<td align='left'>([^<]*)</td><td><table><tbody><tr><td  align='left'>([^<]*)</td>.*?</table></td>\\s*"
      + "<td align='right'>(\\d+)</td>\\s*<td align='right'>(\\d+)/(\\d+)</td>\\s*<td align='left'>([^<]*)</td></tr>",
      Pattern.DOTALL);

  /** Every row the test finds in the raw page, whitespace collapsed as a browser shows it. */
  private static List<ParsedListRow> rowsByRegex(String html) {
    List<ParsedListRow> rows = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        assertThat(m.group(g)).as("no entity to decode").doesNotContain("&");
      }
      rows.add(new ParsedListRow(Integer.parseInt(m.group(2)), shown(m.group(1)), shown(m.group(3)),
          shown(m.group(4)), shown(m.group(5)), shown(m.group(6)), Long.valueOf(m.group(7)),
          Integer.valueOf(m.group(8)), Integer.valueOf(m.group(9)), shown(m.group(10))));
    }
    return rows;
  }

  private static String shown(String raw) {
    return raw.replaceAll("\\s+", " ").strip();
  }

  @Test
  void page_1_gives_all_20_rows_exactly_as_the_page_shows_them() throws Exception {
    String html = page(TN_LIST_PAGE_1);
    List<ParsedListRow> expected = rowsByRegex(html);

    ParsedListPage page = EciPages.parseListPage(html, "statewiseS221.htm");

    assertThat(expected).as("rows the test itself found").hasSize(20);
    assertThat(page.rows()).containsExactlyElementsOf(expected);
    assertThat(page.warnings()).isEmpty();
  }

  @Test
  void page_1_first_and_last_rows_are_as_written_out_by_hand() throws Exception {
    List<ParsedListRow> rows = EciPages.parseListPage(page(TN_LIST_PAGE_1), "statewiseS221.htm").rows();

    // the party is the nested table's first cell: never the tooltip's "Party Wise State Trends Leading In : 104"
    assertThat(rows.get(0)).isEqualTo(new ParsedListRow(28, "ALANDUR", "M.HARISH", "Tamilaga Vettri Kazhagam",
        "T.M.ANBARASAN", "Dravida Munnetra Kazhagam", 9678L, 7, 31, "Result in Progress"));
    assertThat(rows.get(19)).isEqualTo(new ParsedListRow(6, "AVADI", "R.RAMESH KUMAR", "Tamilaga Vettri Kazhagam",
        "S.M.NASAR", "Dravida Munnetra Kazhagam", 21877L, 8, 26, "Result in Progress"));
  }

  @Test
  void page_1_header_gives_state_seats_known_page_count_links_and_time() throws Exception {
    ParsedListPage page = EciPages.parseListPage(page(TN_LIST_PAGE_1), "statewiseS221.htm");

    assertThat(page.state()).isEqualTo("Tamil Nadu");
    assertThat(page.statusKnown()).isEqualTo(234);
    assertThat(page.seatsTotal()).isEqualTo(234);
    assertThat(page.pageCount()).isEqualTo(12);
    assertThat(page.pageLinks()).hasSize(12).startsWith("statewiseS221.htm").endsWith("statewiseS2212.htm");
    // upper-case PM, day first: 4 May 2026, 12:45 IST
    assertThat(page.lastUpdated()).isEqualTo("Last Updated at 12:45 PM On 04/05/2026");
    assertThat(page.sourceTime()).isEqualTo(Instant.parse("2026-05-04T07:15:00Z"));
  }

  @Test
  void the_concatenated_file_is_twelve_pages_and_each_parses_alone() throws Exception {
    String file = page(TN_LIST_ALL_PAGES);
    List<String> pages = splitPages(file);
    List<ParsedListRow> expected = rowsByRegex(file);

    List<ParsedListRow> rows = new ArrayList<>();
    for (String html : pages) {
      ParsedListPage page = EciPages.parseListPage(html, "statewiseS22.htm");
      assertThat(page.pageCount()).isEqualTo(12);
      assertThat(page.statusKnown()).isEqualTo(234);
      assertThat(page.state()).isEqualTo("Tamil Nadu");
      assertThat(page.warnings()).isEmpty();
      rows.addAll(page.rows());
    }

    assertThat(pages).hasSize(12);
    assertThat(expected).as("rows the test itself found").hasSize(234);
    assertThat(rows).containsExactlyElementsOf(expected);
    assertThat(rows).extracting(ParsedListRow::seatNo).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 234).boxed().toList());
  }

  @Test
  void the_concatenated_file_pages_hold_20_rows_each_and_14_on_the_last() throws Exception {
    List<String> pages = splitPages(page(TN_LIST_ALL_PAGES));
    List<Integer> sizes = new ArrayList<>();
    for (String html : pages) {
      sizes.add(EciPages.parseListPage(html, "x").rows().size());
    }

    assertThat(sizes).containsExactly(20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 14);
  }

  @Test
  void page_2_of_the_concatenated_file_names_the_seats_read_by_hand() throws Exception {
    ParsedListPage page2 = EciPages.parseListPage(splitPages(page(TN_LIST_ALL_PAGES)).get(1), "statewiseS222.htm");

    assertThat(page2.rows().get(0)).isEqualTo(new ParsedListRow(112, "AVANASHI", "KAMALI.S",
        "Tamilaga Vettri Kazhagam", "DR. L. MURUGAN", "Bharatiya Janata Party", 1792L, 10, 27, "Result in Progress"));
    assertThat(page2.rows().get(19).seatNo()).isEqualTo(59);
    assertThat(page2.rows().get(19).seatName()).isEqualTo("DHARMAPURI");
    assertThat(page2.lastUpdated()).isEqualTo("Last Updated at 12:54 PM On 04/05/2026");
  }

  @Test
  void two_seats_named_tiruppattur_stay_two_seats_by_number() throws Exception {
    List<String> pages = splitPages(page(TN_LIST_ALL_PAGES));
    ParsedListRow lastOf10 = EciPages.parseListPage(pages.get(9), "x").rows().get(19);
    ParsedListRow firstOf11 = EciPages.parseListPage(pages.get(10), "x").rows().get(0);

    assertThat(lastOf10.seatName()).isEqualTo(firstOf11.seatName()).isEqualTo("TIRUPPATTUR");
    assertThat(lastOf10.seatNo()).isEqualTo(50);
    assertThat(firstOf11.seatNo()).isEqualTo(185);
    assertThat(firstOf11.leadingCandidate()).isEqualTo("PERIAKARUPPAN. KR");
  }

  @Test
  void a_name_with_two_spaces_reads_as_a_browser_shows_it() throws Exception {
    List<ParsedListRow> rows = new ArrayList<>();
    for (String html : splitPages(page(TN_LIST_ALL_PAGES))) {
      rows.addAll(EciPages.parseListPage(html, "x").rows());
    }

    // the page writes "PALANISAMY. A  M.COM." (two spaces)
    assertThat(rows).filteredOn(r -> r.seatNo() == 161).singleElement()
        .extracting(ParsedListRow::trailingCandidate).isEqualTo("PALANISAMY. A M.COM.");
  }

  @Test
  void the_whole_concatenated_file_is_not_one_page() {
    String file = page(TN_LIST_ALL_PAGES);
    assertThatThrownBy(() -> EciPages.parseListPage(file, "x"))
        .isInstanceOf(PageFormatException.class)
        .hasMessage("this holds 12 HTML pages one after another (saved together?), not one page: split it at each "
            + "<!doctype");
  }
}
