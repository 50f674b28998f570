package io.tallycast.scrape.page;

import static io.tallycast.scrape.page.EciPageFixtures.LIVE_JSON;
import static io.tallycast.scrape.page.EciPageFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** ECI's real live JSON of 4 May 2026 ("election-json-S25-live.json", final), five states in one object. */
class EciLiveJsonTest {
  // The test's own reading of the raw file: a chartData row is the only array of five members, so this matches
  // exactly those rows (tableData rows have three). No name in the file holds a quote or an escape but "\/" (checked).
  private static final Pattern CHART_ROW =
      Pattern.compile("\\[\"([^\"]*)\",\"([A-Z]\\d\\d)\",(\\d+),\"([^\"]*)\",\"([^\"]*)\"\\]");

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(String json) {
    return assertThatThrownBy(() -> EciPages.parseLiveJson(json, "x")).isInstanceOf(PageFormatException.class);
  }

  /** Every chartData row the test finds, grouped by state in file order; "NA" written as null. */
  private static Map<String, List<ParsedLiveRow>> rowsByRegex(String json) {
    Map<String, List<ParsedLiveRow>> states = new LinkedHashMap<>();
    Matcher m = CHART_ROW.matcher(json);
    while (m.find()) {
      String party = m.group(1).equals("NA") ? null : m.group(1);
      // JSON may escape a slash: Kerala 8 is written "T K GOVINDAN MASTER S\/O KUNHIKKANNAN NAMBIAR"
      String leader = m.group(4).equals("NA") ? null : m.group(4).replace("\\/", "/");
      states.computeIfAbsent(m.group(2), k -> new ArrayList<>())
          .add(new ParsedLiveRow(party, m.group(2), Integer.parseInt(m.group(3)), leader, m.group(5)));
    }
    return states;
  }

  @Test
  void every_row_of_all_five_states_reads_as_the_file_writes_it() throws Exception {
    String json = page(LIVE_JSON);
    assertThat(json.replace("\\/", "")).as("no escape but \\/ to decode").doesNotContain("\\");
    Map<String, List<ParsedLiveRow>> expected = rowsByRegex(json);

    ParsedLiveResults live = EciPages.parseLiveJson(json, "election-json-S25-live.json");

    assertThat(expected.keySet()).containsExactly("S03", "S11", "U07", "S22", "S25");
    assertThat(live.states().keySet()).containsExactly("S03", "S11", "U07", "S22", "S25");
    for (String state : expected.keySet()) {
      assertThat(live.rows(state)).as(state).containsExactlyElementsOf(expected.get(state));
    }
    assertThat(live.states().values().stream().map(List::size).toList()).containsExactly(126, 140, 30, 234, 294);
    assertThat(live.warnings()).isEmpty();
  }

  @Test
  void west_bengal_leaders_by_party_are_as_counted_on_the_night_and_falta_has_none() throws Exception {
    List<ParsedLiveRow> wb = EciPages.parseLiveJson(page(LIVE_JSON), "x").rows("S25");

    Map<String, Long> byParty = wb.stream().filter(ParsedLiveRow::hasLeader)
        .collect(Collectors.groupingBy(ParsedLiveRow::party, Collectors.counting()));
    assertThat(byParty).containsExactlyInAnyOrderEntriesOf(
        Map.of("BJP", 207L, "AITC", 80L, "INC", 2L, "AJUP", 2L, "CPI(M)", 1L, "AISF", 1L));
    assertThat(wb).filteredOn(r -> !r.hasLeader()).singleElement()
        .isEqualTo(new ParsedLiveRow(null, "S25", 144, null, "#DDDDDD"));
    assertThat(wb.get(0)).isEqualTo(new ParsedLiveRow("BJP", "S25", 1, "DADHIRAM RAY", "#ff944d"));
    assertThat(wb).extracting(ParsedLiveRow::seat).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, 294).boxed().toList());
  }

  @Test
  void other_states_first_rows_are_as_written_out_by_hand() throws Exception {
    ParsedLiveResults live = EciPages.parseLiveJson(page(LIVE_JSON), "x");

    assertThat(live.rows("S03").get(0)).isEqualTo(new ParsedLiveRow("BOPF", "S03", 1, "SABHARAM BASUMATARY",
        "#4D73AE"));
    assertThat(live.rows("S03").get(10).leader()).isEqualTo("Mohibur Rohman (Bappy)");
    assertThat(live.rows("S11").get(7).leader()).isEqualTo("T K GOVINDAN MASTER S/O KUNHIKKANNAN NAMBIAR");
    assertThat(live.rows("S11").get(0)).isEqualTo(new ParsedLiveRow("IUML", "S11", 1, "A K M ASHRAF", "#006600"));
    assertThat(live.rows("U07").get(1)).isEqualTo(new ParsedLiveRow("TVK", "U07", 2, "AK. SAI J SARAVANAN KUMAR",
        "#e72bd9"));
    assertThat(live.rows("S22").get(0)).isEqualTo(new ParsedLiveRow("TVK", "S22", 1, "S.VIJAYAKUMAR", "#e72bd9"));
    assertThat(live.rows("S99")).isEmpty();
  }

  @Test
  void malformed_json_is_refused_with_where_it_breaks() {
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",1,\"A\",\"#fff\"]")
        .hasMessageStartingWith("malformed JSON at line 1");
    refused("{\"S25\":{\"chartData\":[]}} trailing").hasMessageStartingWith("malformed JSON");
    refused("{\"S25\":{\"chartData\":[]},\"S25\":{\"chartData\":[]}}")
        .hasMessageStartingWith("malformed JSON").hasMessageContaining("Duplicate field 'S25'");
  }

  @Test
  void json_of_another_shape_is_refused_naming_what_it_holds() {
    refused("[1,2]").hasMessage("not ECI's live results JSON ({\"S25\": {\"chartData\": [...]}}): a JSON array of 2");
    refused("{\"error\":\"not found\",\"status\":404}").hasMessage(
        "not ECI's live results JSON ({\"S25\": {\"chartData\": [...]}}): JSON with keys [error, status]");
    refused("{\"S25\":{\"chartData\":{}}}").hasMessage("S25 chartData is JSON with keys [], not an array of rows");
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",1,\"A\"]]}}")
        .hasMessage("S25 chartData row 1 ([\"BJP\",\"S25\",1,\"A\"]) is not [party, state, seat, leader, colour]");
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",\"one\",\"A\",\"#fff\"]]}}")
        .hasMessage("S25 chartData row 1 ([\"BJP\",\"S25\",\"one\",\"A\",\"#fff\"]): seat \"one\" is not a seat number"
            + " (1-999)");
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",1,\"A\",\"#fff\"]],\"tableData\":[[\"BJP\",\"S25\"]]}}")
        .hasMessage("S25 tableData row 1 ([\"BJP\",\"S25\"]) is not [party, state, seat]");
  }

  @Test
  void a_row_of_another_state_than_its_object_is_refused() {
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",1,\"A\",\"#f\"],[\"TVK\",\"S22\",2,\"B\",\"#e\"]]}}")
        .hasMessage("S25 chartData row 2 ([\"TVK\",\"S22\",2,\"B\",\"#e\"]): state 'S22' is not the object's key "
            + "'S25'");
  }

  @Test
  void a_seat_out_of_range_is_refused() {
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",0,\"A\",\"#f\"]]}}").hasMessageEndingWith(
        "seat 0 is not a seat number (1-999)");
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",1000,\"A\",\"#f\"]]}}").hasMessageEndingWith(
        "seat 1000 is not a seat number (1-999)");
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",-3,\"A\",\"#f\"]]}}").hasMessageEndingWith(
        "seat -3 is not a seat number (1-999)");
  }

  @Test
  void a_seat_listed_twice_is_refused() {
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",7,\"A\",\"#f\"],[\"AITC\",\"S25\",8,\"B\",\"#e\"],"
        + "[\"AITC\",\"S25\",7,\"C\",\"#e\"]]}}").hasMessage("S25 chartData: seat 7 is listed twice (rows 1 and 3)");
  }

  @Test
  void a_seat_listed_twice_in_the_real_file_is_refused() {
    String json = EciPageFixtures.replaceOnce(page(LIVE_JSON), "[\"BJP\",\"S25\",2,", "[\"BJP\",\"S25\",1,");

    refused(json).hasMessage("S25 chartData: seat 1 is listed twice (rows 1 and 2)");
  }

  @Test
  void na_means_no_leader_but_half_of_it_is_refused() throws Exception {
    ParsedLiveResults live = EciPages.parseLiveJson("{\"S25\":{\"chartData\":[[\"NA\",\"S25\",144,\"NA\",\"#DDD\"]],"
        + "\"tableData\":[[\"NA\",\"S25\",144]]}}", "x");

    assertThat(live.rows("S25")).containsExactly(new ParsedLiveRow(null, "S25", 144, null, "#DDD"));
    refused("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",144,\"NA\",\"#DDD\"]]}}")
        .hasMessageEndingWith("a party without a leading candidate, or a candidate without a party");
    refused("{\"S25\":{\"chartData\":[[\" \",\"S25\",144,\"X\",\"#DDD\"]]}}")
        .hasMessageEndingWith("the party is empty");
  }

  @Test
  void table_data_that_names_another_party_is_a_warning_and_chart_data_is_kept() throws Exception {
    ParsedLiveResults live = EciPages.parseLiveJson("{\"S25\":{\"chartData\":[[\"BJP\",\"S25\",1,\"A\",\"#f\"]],"
        + "\"tableData\":[[\"AITC\",\"S25\",1],[\"INC\",\"S25\",2]]}}", "x");

    assertThat(live.rows("S25")).extracting(ParsedLiveRow::party).containsExactly("BJP");
    assertThat(live.warnings()).containsExactly(
        "S25 seat 1: tableData names party AITC but chartData names BJP; chartData kept",
        "S25 seat 2: tableData names party INC but chartData lists no such seat; chartData kept");
  }

  @Test
  void an_html_page_given_as_live_json_says_what_it_is() {
    refused("<html><head><title>Access Denied</title></head><body>Reference #18</body></html>")
        .hasMessage("expected ECI's live results JSON but this is not JSON (title 'Access Denied'; text starts "
            + "'Reference #18')");
    refused("").hasMessage("empty page");
  }

  @Test
  void every_state_keeps_the_files_order_and_the_rows_theirs() throws Exception {
    ParsedLiveResults live = EciPages.parseLiveJson("{\"U07\":{\"chartData\":[[\"BJP\",\"U07\",3,\"C\",\"#f\"],"
        + "[\"DMK\",\"U07\",1,\"A\",\"#e\"]]},\"S03\":{\"chartData\":[]}}", "x");

    assertThat(live.states().keySet()).containsExactly("U07", "S03");
    assertThat(live.rows("U07")).extracting(ParsedLiveRow::seat).containsExactly(3, 1);
    assertThat(live.rows("S03")).isEmpty();
  }
}
