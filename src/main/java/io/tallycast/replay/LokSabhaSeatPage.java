package io.tallycast.replay;

import static io.tallycast.replay.EciPageFrame.esc;

import io.tallycast.election.ElectionData;
import java.util.Locale;

/**
 * A constituency page of the 2024 Lok Sabha site (PcResultGenJune2024/ConstituencywiseS2512.htm), in the structure of
 * the real saved pages in ../shared/data/eci-pages/2024-lok-sabha/: the title "Parliamentary Constituency" with
 * {@code <span> 12 - Name<Strong> (State)</Strong></span>} in {@code div.page-title}, the round box
 * {@code div.roundBtn}, the Bootstrap candidate table with a Total footer row as wide as the header, and the footer
 * {@code .sm-text} "Last Updated at 08:55 am On 05/06/2024". The saved pages were taken after the count, with an empty
 * round box: while counting, the box here says the status and "Round 9/18", which is what the 2024 reading of the
 * page ({@code TableSeatPageParser}, layout eci-2024) takes from it.
 */
final class LokSabhaSeatPage {
  static final String PREFIX = "/PcResultGenJune2024/";

  private LokSabhaSeatPage() {
  }

  /** Whether a state's pages are the 2024 Lok Sabha's (by its site's prefix). */
  static boolean of(ElectionData data) {
    return PREFIX.equals(data.replayPrefix());
  }

  /** Head, header, title and round box, up to the opening of the table's body. */
  static void top(StringBuilder html, ElectionData data, CountingDay day, SeatView seat, String hindiHref) {
    EciPageFrame.head(html, "Election Commission of India", "");
    EciPageFrame.header(html, hindiHref, false);
    html.append("  <main class='inner-content'>\n    <div class='container-fluid'>\n")
        .append("      <div class='page-title'>\n        <h1>\n          <div>General Election to Parliamentary ")
        .append("Constituencies: Trends &amp; Results ").append(day.monthYear()).append("</div>\n        </h1>\n")
        .append("        <h2>Parliamentary  Constituency <span> ").append(seat.seat().no()).append(" - ")
        .append(esc(seat.seat().name())).append("<Strong> (").append(esc(data.state()))
        .append(")</Strong></span> </h2>\n      </div>\n")
        .append("  <div class='middle-head'>\n   <div class='roundBtn'>").append(roundBox(seat)).append("</div>\n")
        .append("  </div>\n")
        .append("""
                  <div class='custom-table'>
                    <div class='table-responsive'>
                      <table class='table table-striped table-bordered'>
                        <thead>
                          <tr>
                            <th>S.N.</th>
                            <th style='text-align: left;'>Candidate</th>
                            <th style='text-align: left;'>Party</th>
                            <th>EVM Votes </th>
                            <th>Postal Votes</th>
                            <th>Total Votes</th>
                            <th>% of Votes</th>
                          </tr>
                        </thead>
                        <tbody>
            """);
  }

  /** The Total row as wide as the header (seven cells), the table's end, and the 2024 footer. */
  static void bottom(StringBuilder html, SeatView seat, String pageTime) {
    html.append("            </tbody>\n            <tfoot>\n                 <tr>\n")
        .append("                            <th></th>\n")
        .append("                            <th style='text-align: left;'>Total</th>\n")
        .append("                            <th>&nbsp;</th>\n")
        .append("                            <th style='text-align: right;'>")
        .append(ConstituencyPagesRenderer.figure(seat, seat.totalEvm())).append("</th>\n")
        .append("                            <th style='text-align: right;'>")
        .append(ConstituencyPagesRenderer.figure(seat, seat.totalPostal())).append("</th>\n")
        .append("                            <th style='text-align: right;'>")
        .append(ConstituencyPagesRenderer.figure(seat, seat.totalVotes())).append("</th>\n")
        .append("                            <th></th>\n                </tr>\n            </tfoot>\n")
        .append("          </table>\n        </div>\n      </div>\n")
        .append("    </div><!-- End of container-fluid Div -->\n  </main>\n")
        .append("  <footer class='footer'>\n    <div class='foot-info'>\n      <div class='container-fluid'>\n")
        .append("        <div class='row'>\n          <div class='col-md-6 col-12'>\n")
        .append("            <h6 class='mb-1'>Download Voter helpline app to see results on mobile</h6>\n")
        .append("            <div class='sm-text'>Last Updated at ").append(footerTime(pageTime)).append("</div>\n")
        .append("          </div>\n        </div>\n      </div>\n    </div>\n  </footer>\n");
    EciPageFrame.end(html);
  }

  /**
   * "Result in Progress Round 9/18" while counting; nothing before the first round (as ECI's empty box); "Uncontested"
   * and no round for a winner unopposed.
   */
  private static String roundBox(SeatView seat) {
    if (seat.round() <= 0 && seat.rounds() > 0) {
      return "&nbsp;";
    }
    if (seat.uncontested()) {
      return esc(seat.statusText());
    }
    return esc(seat.statusText()) + " Round " + seat.round() + "/" + seat.rounds();
  }

  /** ECI's 2024 footer time: "08:55 am On 05/06/2024" (the 2026 site writes PM in capitals). */
  static String footerTime(String pageTime) {
    return pageTime.replace(" AM ", " am ").replace(" PM ", " pm ").toLowerCase(Locale.ROOT).replace(" on ", " On ");
  }
}
