package io.tallycast.scrape.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * ECI's live JSON ("election-json-S25-live.json"): {@code {"S25": {"chartData": [[partyCode, stateCode, acNo,
 * leadingCandidate, colour], ...], "tableData": [[partyCode, stateCode, acNo], ...]}}}, one object per state (the
 * saved final file holds five). "NA" as party and leader means the seat has no leader (Falta, 144, a repoll): null,
 * not an error. A row of another state than its object, a seat out of range or listed twice is refused.
 * {@code tableData} repeats chartData's party per seat; where it disagrees, chartData is kept and a warning says so.
 */
final class EciLiveJsonParser {
  static final String LAYOUT = "eci-live-json";
  /** Above any state's number of seats (Uttar Pradesh has 403 assembly seats). */
  static final int MAX_SEAT = 999;
  private static final String NO_LEADER = "NA";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private EciLiveJsonParser() {
  }

  /** Whether the text is meant as JSON: its first character after spaces (and a byte-order mark) is '{' or '['. */
  static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  static JsonNode tree(String json) throws PageFormatException {
    try {
      return JSON.readTree(json.strip().replace("\uFEFF", ""));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new PageFormatException("malformed JSON" + where + ": " + PageText.excerpt(e.getOriginalMessage(), 120));
    }
  }

  /** ECI's live JSON: an object whose values are objects with a chartData member. */
  static boolean isLiveJson(JsonNode root) {
    if (!root.isObject() || root.isEmpty()) {
      return false;
    }
    for (JsonNode state : root) {
      if (!state.isObject() || !state.has("chartData")) {
        return false;
      }
    }
    return true;
  }

  /** What the JSON is instead, for the operator: "JSON with keys [error, message]". */
  static String describe(JsonNode root) {
    if (root.isObject()) {
      List<String> keys = new ArrayList<>();
      for (Iterator<String> it = root.fieldNames(); it.hasNext() && keys.size() < 10; ) {
        keys.add(PageText.excerpt(it.next(), 30));
      }
      return "JSON with keys " + keys + (root.size() > keys.size() ? " and " + (root.size() - keys.size()) + " more"
          : "");
    }
    return root.isArray() ? "a JSON array of " + root.size()
        : "a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  static ParsedLiveResults parse(JsonNode root) throws PageFormatException {
    if (!isLiveJson(root)) {
      throw new PageFormatException("not ECI's live results JSON ({\"S25\": {\"chartData\": [...]}}): "
          + describe(root));
    }
    Map<String, List<ParsedLiveRow>> states = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> state = it.next();
      String code = state.getKey();
      List<ParsedLiveRow> rows = rows(code, state.getValue().get("chartData"), "chartData", 5);
      JsonNode table = state.getValue().get("tableData");
      if (table != null && !table.isNull()) {
        compare(code, rows, rows(code, table, "tableData", 3), warnings);
      }
      states.put(code, List.copyOf(rows));
    }
    return new ParsedLiveResults(states, warnings);
  }

  /** Every row of one array, checked: right shape, this state, a seat in range and listed once. */
  private static List<ParsedLiveRow> rows(String code, JsonNode array, String name, int width)
      throws PageFormatException {
    String where = PageText.excerpt(code, 20) + " " + name;
    if (!array.isArray()) {
      throw new PageFormatException(where + " is " + describe(array) + ", not an array of rows");
    }
    List<ParsedLiveRow> rows = new ArrayList<>(array.size());
    Map<Integer, Integer> rowOfSeat = new HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode r = array.get(i);
      String row = where + " row " + (i + 1) + " (" + PageText.excerpt(r.toString(), 80) + ")";
      if (!r.isArray() || r.size() < width || !r.get(0).isTextual() || !r.get(1).isTextual()
          || width > 3 && (!textOrNull(r.get(3)) || !textOrNull(r.get(4)))) {
        throw new PageFormatException(row + " is not " + (width > 3 ? "[party, state, seat, leader, colour]"
            : "[party, state, seat]"));
      }
      if (!r.get(1).asText().strip().equals(code)) {
        throw new PageFormatException(row + ": state '" + PageText.excerpt(r.get(1).asText(), 20)
            + "' is not the object's key '" + PageText.excerpt(code, 20) + "'");
      }
      int seat = seat(r.get(2), row);
      Integer before = rowOfSeat.put(seat, i + 1);
      if (before != null) {
        throw new PageFormatException(where + ": seat " + seat + " is listed twice (rows " + before + " and " + (i + 1)
            + ")");
      }
      String party = leader(r.get(0).asText(), row, "party");
      String leader = width > 3 ? leader(r.get(3).asText(null), row, "leader") : null;
      if (width > 3 && (party == null) != (leader == null)) {
        throw new PageFormatException(row + ": a party without a leading candidate, or a candidate without a party");
      }
      rows.add(new ParsedLiveRow(party, code, seat, leader, width > 3 ? r.get(4).asText(null) : null));
    }
    return rows;
  }

  private static boolean textOrNull(JsonNode n) {
    return n.isTextual() || n.isNull();
  }

  private static int seat(JsonNode n, String row) throws PageFormatException {
    Long seat = n.isIntegralNumber() && n.canConvertToInt() ? Long.valueOf(n.asInt())
        : n.isTextual() ? PageText.count(n.asText().strip()) : null;
    if (seat == null || seat < 1 || seat > MAX_SEAT) {
      throw new PageFormatException(row + ": seat " + PageText.excerpt(n.toString(), 20) + " is not a seat number (1-"
          + MAX_SEAT + ")");
    }
    return seat.intValue();
  }

  /** The text as written, or null for ECI's "NA" (no leader); blank is not a party or a name. */
  private static String leader(String text, String row, String what) throws PageFormatException {
    if (text == null || text.strip().equals(NO_LEADER)) {
      return null;
    }
    String t = PageText.normalize(text);
    if (t.isEmpty()) {
      throw new PageFormatException(row + ": the " + what + " is empty");
    }
    return t;
  }

  /** tableData names the leading party per seat again; a seat it names differently is kept from chartData. */
  private static void compare(String code, List<ParsedLiveRow> chart, List<ParsedLiveRow> table,
      List<String> warnings) {
    Map<Integer, ParsedLiveRow> bySeat = new HashMap<>();
    for (ParsedLiveRow r : chart) {
      bySeat.put(r.seat(), r);
    }
    for (ParsedLiveRow t : table) {
      ParsedLiveRow c = bySeat.get(t.seat());
      if (c == null || !Objects.equals(c.party(), t.party())) {
        warnings.add(PageText.excerpt(code, 20) + " seat " + t.seat() + ": tableData names party "
            + (t.party() == null ? NO_LEADER : t.party()) + " but chartData " + (c == null ? "lists no such seat"
            : "names " + (c.party() == null ? NO_LEADER : c.party())) + "; chartData kept");
      }
    }
  }
}
