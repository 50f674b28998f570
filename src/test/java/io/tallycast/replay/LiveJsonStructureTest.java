package io.tallycast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tallycast.election.ElectionData;
import io.tallycast.support.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our {@code election-json-S25-live.json} has the shape of ECI's real one ({@code election-json-live-final.json}, the
 * night's final file, whose S25 entry is West Bengal's): the keys, the row shapes, the order, the "NA" row of a seat
 * without a leader, and the compact writing.
 */
class LiveJsonStructureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ElectionData WB = ReplayTestSupport.westBengal();
  private static final SyntheticCounting MODEL = new SyntheticCounting(WB, 2021);
  private static final PageStore PAGES = new PageStore(MODEL);

  private static String ours(double t) {
    return new String(PAGES.page(PageRef.LIVE_JSON, t).body(), StandardCharsets.UTF_8);
  }

  private static JsonNode realWestBengal() throws IOException {
    JsonNode all = JSON.readTree(SharedData.text("eci-pages/2026-assembly/election-json-live-final.json"));
    return all.get("S25");
  }

  /** Keys and value types, {"chartData":[[string, string, int, string, string]], ...}. */
  static String shape(JsonNode node) {
    if (node.isObject()) {
      List<String> fields = new ArrayList<>();
      node.fields().forEachRemaining(f -> fields.add('"' + f.getKey() + "\":" + shape(f.getValue())));
      return "{" + String.join(",", fields) + "}";
    }
    if (node.isArray()) { // a list of rows counts each row shape once; a row is a tuple: every cell counts
      boolean rows = node.size() > 0 && node.get(0).isContainerNode();
      List<String> elements = new ArrayList<>();
      node.forEach(e -> elements.add(shape(e)));
      return (rows ? new ArrayList<>(new LinkedHashSet<>(elements)) : elements).toString();
    }
    return node.isIntegralNumber() ? "int" : node.isTextual() ? "string" : node.getNodeType().name();
  }

  @Test
  void the_file_has_one_key_for_the_state_and_the_real_files_keys_and_row_shapes() throws IOException {
    JsonNode real = realWestBengal();
    JsonNode ours = JSON.readTree(ours(MODEL.totalDurationSeconds()));
    assertThat(ours.size()).isEqualTo(1);
    assertThat(shape(ours.get("S25"))).isEqualTo(shape(real))
        .isEqualTo("{\"chartData\":[[string, string, int, string, string]],\"tableData\":[[string, string, int]]}");
  }

  @Test
  void one_row_per_seat_in_ac_order_with_the_state_code_the_leader_and_a_colour() throws IOException {
    JsonNode real = realWestBengal();
    double t = 5 * 3600;
    JsonNode ours = JSON.readTree(ours(t)).get("S25");
    for (JsonNode state : List.of(real, ours)) {
      List<Integer> acs = new ArrayList<>();
      state.get("chartData").forEach(row -> acs.add(row.get(2).asInt()));
      assertThat(acs).isEqualTo(MODEL.seatNumbers());
      List<Integer> tableAcs = new ArrayList<>();
      state.get("tableData").forEach(row -> tableAcs.add(row.get(2).asInt()));
      assertThat(tableAcs).isEqualTo(acs);
    }
    for (int i = 0; i < MODEL.seatNumbers().size(); i++) {
      SeatView v = MODEL.seatAt(MODEL.seatNumbers().get(i), t);
      JsonNode chart = ours.get("chartData").get(i);
      assertThat(chart.get(0).asText())
          .isEqualTo(EciParties.abbreviation(WB.parties().byCode(v.leader().party()).orElseThrow()));
      assertThat(chart.get(1).asText()).isEqualTo("S25");
      assertThat(chart.get(3).asText()).isEqualTo(v.leader().name());
      assertThat(chart.get(4).asText()).matches("#[0-9A-Fa-f]{6}");
      assertThat(ours.get("tableData").get(i).get(0)).isEqualTo(chart.get(0));
    }
  }

  @Test
  void a_seat_without_a_leader_is_written_like_the_real_falta_row() throws IOException {
    JsonNode real = realWestBengal();
    JsonNode realFalta = real.get("chartData").get(143);
    assertThat(realFalta.get(2).asInt()).isEqualTo(144);
    JsonNode ours = JSON.readTree(ours(0)).get("S25");
    JsonNode first = ours.get("chartData").get(0);
    assertThat(first.toString()).isEqualTo(realFalta.toString().replace(",144,", ",1,"));
    assertThat(ours.get("tableData").get(0).toString())
        .isEqualTo(real.get("tableData").get(143).toString().replace(",144]", ",1]"));
  }

  @Test
  void the_file_is_written_compact_with_slashes_escaped_like_the_real_one() throws IOException {
    String real = SharedData.text("eci-pages/2026-assembly/election-json-live-final.json");
    assertThat(real).contains("S\\/O"); // the real writer escapes '/'
    assertThat(compact(real)).isEqualTo(real.strip());
    String ours = ours(MODEL.totalDurationSeconds());
    assertThat(compact(ours)).isEqualTo(ours);
    assertThat(LiveJsonRenderer.quote("TAPAS MONDAL S/O-SHIBPRASAD MONDAL"))
        .isEqualTo("\"TAPAS MONDAL S\\/O-SHIBPRASAD MONDAL\"");
  }

  /** Jackson's compact writing, with '/' escaped as the real file does (a '/' can only be inside a string). */
  private static String compact(String json) throws IOException {
    return JSON.writeValueAsString(JSON.readTree(json)).replace("/", "\\/");
  }
}
