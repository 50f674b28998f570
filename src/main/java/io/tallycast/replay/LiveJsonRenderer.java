package io.tallycast.replay;

/**
 * {@code election-json-S25-live.json}, ECI's own feed of the state map, as the real 2026 file writes it: one key for
 * the state, {@code chartData} rows {@code [abbr, "S25", ac, leading candidate, colour]} and {@code tableData} rows
 * {@code [abbr, "S25", ac]}, one per seat in AC order, compact. A seat with no leader yet is
 * {@code ["NA","S25",ac,"NA","#DDDDDD"]}, as the real file shows Falta (AC 144) waiting for its repoll.
 */
final class LiveJsonRenderer {
  static final String NO_LEADER = "NA";
  static final String NO_LEADER_COLOUR = "#DDDDDD";

  private final String state;
  private final EciParties parties;

  LiveJsonRenderer(String stateCode, EciParties parties) {
    this.state = stateCode;
    this.parties = parties;
  }

  String render(StateMoment moment) {
    StringBuilder chart = new StringBuilder(64 * moment.seats().size());
    StringBuilder table = new StringBuilder(24 * moment.seats().size());
    for (SeatView seat : moment.seats().values()) {
      CandidateCount leader = seat.leader();
      String abbreviation = leader == null ? NO_LEADER : parties.abbreviation(leader.party());
      String quotedState = quote(state);
      int ac = seat.seat().no();
      chart.append(chart.isEmpty() ? "[" : ",[").append(quote(abbreviation)).append(',').append(quotedState).append(',')
          .append(ac).append(',').append(quote(leader == null ? NO_LEADER : leader.name())).append(',')
          .append(quote(leader == null ? NO_LEADER_COLOUR : parties.colour(leader.party()))).append(']');
      table.append(table.isEmpty() ? "[" : ",[").append(quote(abbreviation)).append(',').append(quotedState).append(',')
          .append(ac).append(']');
    }
    return "{" + quote(state) + ":{\"chartData\":[" + chart + "],\"tableData\":[" + table + "]}}";
  }

  /**
   * A JSON string. '/' is written "\/" as in the real file (its writer escapes slashes: "S\/O"); markup characters are
   * escaped too ({@code \u003c}): the text is the same to any JSON reader, and a page that pastes a name into HTML
   * unescaped (ECI's own map popup does) gets no tag from us.
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append("\\/");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
