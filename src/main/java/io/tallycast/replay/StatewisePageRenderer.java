package io.tallycast.replay;

import static io.tallycast.replay.EciPageFrame.esc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code statewiseS25{page}.htm} as the real 2026 page writes it ({@code statewiseS221.htm}): 20 seats a page sorted by
 * name, the party cells nesting a table with ECI's "Party Wise State Trends" tooltip. The quirks are ECI's and kept
 * on purpose, since a parser must cope with them: the leading-party cell has align='left' and the trailing-party cell
 * none, the trailing cell is full of whitespace, and the inner tables make {@code tbody tr} match far more than the
 * seat rows.
 */
final class StatewisePageRenderer {
  /** The indentation ECI's template leaves inside a row (the page writes each row on a few long lines). */
  private static final String INDENT = " ".repeat(31);

  private final String state;
  private final String stateCode;
  private final EciParties parties;
  private final CountingDay day;

  StatewisePageRenderer(String state, String stateCode, EciParties parties, CountingDay day) {
    this.state = state;
    this.stateCode = stateCode;
    this.parties = parties;
    this.day = day;
  }

  String render(int page, int pageCount, List<SeatView> rows, StateMoment moment) {
    StringBuilder html = new StringBuilder(6000 + 2600 * rows.size() + 110 * pageCount);
    EciPageFrame.head(html, "Election Commission of India", EciPageFrame.TOOLTIP_STYLE);
    EciPageFrame.header(html, "./hi/" + PageRef.list(page).fileName(stateCode), false);
    html.append("  <main class='inner-content'>\n    <div class='container-fluid'>\n");
    EciPageFrame.title(html, day, "<h2> <span> " + esc(state) + " </span> </h2>\n        ");
    html.append("""

              <div class='roundwrap'>

              </div><!-- End of roundwrap Div -->

              <div class='custom-table'>
                <div class='table-responsive'>
                  <table class='table table-striped table-bordered'>
                    <thead>

                      <tr>
        """);
    html.append("                <th colspan='9'>Status Known For ").append(moment.known()).append(" out of ")
        .append(moment.seats().size()).append(" Constituencies</th>\n");
    html.append("""
                      </tr>
                      <tr>

                        <th style='text-align:left'>Constituency  </th>
                        <th style='text-align:left'>Const. No.</th>
                        <th style='text-align:left'>Leading Candidate </th>
                        <th style='text-align:left'>Leading Party </th>
                        <th style='text-align:left'>Trailing Candidate </th>
                        <th style='text-align:left'>Trailing Party </th>
                        <th style='text-align:left'>Margin </th>
                        <th style='text-align:left'>Round</th>
                        <th style='text-align:left'>Status</th>
                      </tr>
                    </thead>
                    <tbody>
        """).append(" ".repeat(14));
    Map<String, String> trends = new HashMap<>(); // one tooltip per party and cell kind: rows repeat them
    for (SeatView seat : rows) {
      row(html, seat, moment, trends);
    }
    html.append("""


                    </tbody>
                    <tfoot>
                      <tr>
                        <th colspan='9'>&nbsp;</th>

                      </tr>
                    </tfoot>
                  </table>
                </div>
              </div>
              <div class='row'>

                <div class='col-md-12 col-12 align-center'>
                  <div class='custom-pagination'>
                    <ul class='pagination pagination-sm'>

        """).append(" ".repeat(15));
    for (int p = 1; p <= pageCount; p++) {
      html.append("<li class='page-item").append(p == page ? " active" : "").append("'><a class='page-link' href='")
          .append(PageRef.list(p).fileName(stateCode)).append("'>").append(p).append("</a></li>");
    }
    html.append("""



                    </ul>
                  </div>
                </div>

              </div>

            </div><!-- End of container-fluid Div -->
          </main>
        """);
    EciPageFrame.footer(html, day.pageTime(moment.lastChanged()));
    EciPageFrame.scriptsAndEnd(html);
    return html.toString();
  }

  private void row(StringBuilder html, SeatView seat, StateMoment moment, Map<String, String> trends) {
    CandidateCount lead = seat.leader();
    CandidateCount trail = seat.trailing();
    Long margin = seat.margin();
    html.append("<tr><td align='left'>").append(esc(seat.seat().name())).append("</td><td align='right'>")
        .append(seat.seat().no()).append("</td><td align='left'>").append(lead == null ? "" : esc(lead.name()))
        .append("</td><td align='left'>");
    if (lead != null) {
      html.append("<table><tbody><tr><td align='left'>").append(esc(parties.name(lead.party()))).append("</td><td>")
          .append(trends.computeIfAbsent("L" + lead.party(), k -> tooltip(moment.tally(lead.party()), "  class", "")))
          .append("</td></tr></tbody></table>");
    }
    html.append("</td><td align='left'>").append(trail == null ? "" : esc(trail.name())).append("</td><td>");
    if (trail != null) {
      html.append("<table><tbody><tr><td  align='left'>").append(esc(parties.name(trail.party())))
          .append("</td>\n").append(INDENT).append("\n").append(INDENT).append("    <td>")
          .append(trends.computeIfAbsent("T" + trail.party(),
              k -> tooltip(moment.tally(trail.party()), " class", "\n" + INDENT + "     ")))
          .append("  \n").append(INDENT).append(" \n\n").append(INDENT).append("</td></tr></tbody></table>");
    }
    // a winner unopposed has neither margin nor round: "-", as ECI writes a figure there is none of
    boolean unopposed = seat.uncontested();
    html.append("</td>\n\n").append(INDENT).append("<td align='right'>")
        .append(unopposed ? ConstituencyPagesRenderer.NO_FIGURE : margin == null ? "" : margin.toString())
        .append("</td>\n").append(INDENT).append("<td align='right'>")
        .append(unopposed ? ConstituencyPagesRenderer.NO_FIGURE : seat.round() + "/" + seat.rounds())
        .append("</td>\n").append(INDENT).append("<td align='left'>")
        .append(esc(seat.statusText())).append("</td></tr>");
  }

  /**
   * ECI's tooltip: an "i" and a hidden box with the party's Leading In / Won In / Trailing In across the state. The
   * leading and trailing cells spell it slightly differently (spaces before "class", a line break before the div's
   * end); the parsed tree is the same.
   */
  private static String tooltip(PartyTally t, String tableClassSpacing, String beforeDivEnd) {
    return "<span class='tooltip-icon' style='display:block'>i</span><div class='tooltip'><h3  class='tooltiptext'>"
        + "Party Wise State Trends</h3><table" + tableClassSpacing + "='table table-striped'><tbody><tr><td>Leading In"
        + "</td><td>:</td><td>" + t.leading() + "</td></tr><tr><td>Won In</td><td>:</td><td>" + t.won()
        + "</td></tr><tr><td>Trailing In</td><td>:</td><td>" + t.trailing() + "</td></tr></tbody></table>"
        + beforeDivEnd + "</div>";
  }
}
