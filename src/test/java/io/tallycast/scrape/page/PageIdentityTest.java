package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a page is, told from its content alone: for the operator's check before the night. */
class PageIdentityTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2026-assembly/statewiseS221.htm,                      LIST,          eci-statewise",
      "2026-assembly/partywiseresult-S22-1240.htm,           PARTY_SUMMARY, eci-partywise",
      "2026-assembly/partywiseresult-S22-1712.htm,           PARTY_SUMMARY, eci-partywise",
      "2026-assembly/election-json-live-final.json,          LIVE_JSON,     eci-live-json",
      "2024-lok-sabha/ConstituencywiseS251.htm,              CONSTITUENCY,  eci-2024",
      "2024-lok-sabha/ConstituencywiseS2512.htm,             CONSTITUENCY,  eci-2024",
      "2024-lok-sabha/ConstituencywiseS2523.htm,             CONSTITUENCY,  eci-2024",
      "2019-lok-sabha/ConstituencywiseS251.htm,              CONSTITUENCY,  eci-2019",
      "2019-lok-sabha/ConstituencywiseS2512.htm,             CONSTITUENCY,  eci-2019",
      "2019-lok-sabha/ConstituencywiseS2523.htm,             CONSTITUENCY,  eci-2019",
      "2024-assembly-fragment/cand-box_fragment_S13_2024_UNATTRIBUTED.html, CONSTITUENCY, eci-2024-cards",
      "reconstructed-2026/ConstituencywiseS25100.htm,        CONSTITUENCY,  eci-2026",
      "reconstructed-2026/candidateswise-S25100.htm,         CONSTITUENCY,  eci-2026-cards"})
  void every_saved_page_is_told_by_its_content(String file, PageKind kind, String layout) throws Exception {
    // a URL that says nothing true about the page: detection must not look at it
    assertThat(EciPages.identify(page(file), "https://results.eci.gov.in/misleading/partywiseresult-S25.htm"))
        .isEqualTo(new PageIdentity(kind, layout));
  }

  @Test
  void each_of_the_twelve_concatenated_list_pages_is_a_list_page_but_the_file_is_not_one_page() throws Exception {
    String file = page(EciPageFixtures.TN_LIST_ALL_PAGES);
    for (String html : EciPageFixtures.splitPages(file)) {
      assertThat(EciPages.identify(html, "x")).isEqualTo(new PageIdentity(PageKind.LIST, "eci-statewise"));
    }
    assertThatThrownBy(() -> EciPages.identify(file, "x")).isInstanceOf(PageFormatException.class)
        .hasMessageStartingWith("this holds 12 HTML pages one after another");
  }

  @Test
  void an_unknown_page_is_refused_naming_its_title_and_first_text() {
    String html = "<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>"
        + "<p>You don't have permission to access this server. Reference #18.6a2c</p></body></html>";

    assertThatThrownBy(() -> EciPages.identify(html, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("no results table on page (title 'Access Denied'; text starts 'You don't have permission to "
            + "access this server. Reference #18.6a2c')");
  }

  @Test
  void unknown_json_is_refused_naming_its_keys_and_broken_json_where_it_breaks() {
    assertThatThrownBy(() -> EciPages.identify("{\"status\":\"error\",\"message\":\"maintenance\"}", "x"))
        .isInstanceOf(PageFormatException.class)
        .hasMessage("not an ECI results page: JSON with keys [status, message]");
    assertThatThrownBy(() -> EciPages.identify("  [1, 2, 3]", "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("not an ECI results page: a JSON array of 3");
    assertThatThrownBy(() -> EciPages.identify("{\"S25\": {\"chartData\": [", "x"))
        .isInstanceOf(PageFormatException.class).hasMessageStartingWith("malformed JSON at line 1, column ");
  }

  @Test
  void json_given_to_an_html_parser_says_what_it_is() {
    assertThatThrownBy(() -> EciPages.parseListPage("{\"S25\":{\"chartData\":[]}}", "x"))
        .isInstanceOf(PageFormatException.class).hasMessage("expected a state-wise list page but this is JSON");
  }

  @Test
  void an_empty_answer_is_an_empty_page() {
    assertThatThrownBy(() -> EciPages.identify("", "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("empty page");
    assertThatThrownBy(() -> EciPages.identify(null, "x")).isInstanceOf(PageFormatException.class)
        .hasMessage("empty page");
  }
}
