package io.tallycast.replay;

import static io.tallycast.replay.EciPageFrame.esc;

import io.tallycast.election.Constituency;
import java.util.Comparator;
import java.util.List;

/**
 * {@code partywiseresult-S25.htm} as the real 2026 page writes it ({@code partywiseresult-S22-1712.htm}): the boxes of
 * the seven parties with most seats, the card "Party Wise Results" whose table sits in ECI's misspelt
 * {@code div.rslt-table.teble-responsive}, parties written "Full Name - ABBR", Won and Leading linking to the party's
 * seat lists when not zero, a tfoot Total, and the constituency select. Left out: the Leaflet map's script and the
 * two charts (canvas + Chart.js); the map's empty container stays, as it is part of the card a parser walks past.
 */
final class PartywisePageRenderer {
  /** Both saved real pages show seven boxes while more parties have seats: the first seven rows of the table. */
  static final int BOXES = 7;

  private final String state;
  private final String stateCode;
  private final EciParties parties;
  private final CountingDay day;
  private final List<Constituency> seatsByName;

  PartywisePageRenderer(String state, String stateCode, EciParties parties, CountingDay day,
                        List<Constituency> seatsByName) {
    this.state = state;
    this.stateCode = stateCode;
    this.parties = parties;
    this.day = day;
    this.seatsByName = seatsByName;
  }

  /** Most seats first, then most won; then by name (ECI's own order among ties is not known). */
  List<PartyTally> ranking(StateMoment moment) {
    return moment.withSeats().stream().sorted(Comparator.comparingInt(PartyTally::total).reversed()
        .thenComparing(Comparator.comparingInt(PartyTally::won).reversed())
        .thenComparing(t -> parties.name(t.party()))).toList();
  }

  String render(StateMoment moment) {
    List<PartyTally> rows = ranking(moment);
    StringBuilder html = new StringBuilder(9000 + 900 * rows.size() + 60 * seatsByName.size());
    EciPageFrame.head(html, "Election", "");
    EciPageFrame.header(html, "./hi/index.htm", true);
    html.append("    <main class=\"inner-content\">\n        <div class=\"page-title\">\n            <h1>")
        .append(EciPageFrame.heading(day)).append("</h1>\n            <h2><span> <strong> ").append(esc(state))
        .append("</strong>   (Total AC : ").append(moment.seats().size()).append(")</span></h2>\n        </div>\n")
        // ECI never closes this container: the section below ends up inside it
        .append("        <div class=\"container-fluid\">\n    <div class=\"row justify-content-center\">\n");
    for (PartyTally t : rows.subList(0, Math.min(BOXES, rows.size()))) {
      html.append("                    <div class=\"col\">\n"
          + "                        <div class=\"grid-box gen inc-pty-bg\" ")
          .append("style=\"background-color: ").append(parties.colour(t.party()))
          .append("\">\n                            <h4>")
          .append(esc(parties.abbreviation(t.party()))).append("</h4>\n                            <h2>")
          .append(t.total())
          .append("</h2>\n                        </div><!-- End of grid-box div -->\n                    </div>\n");
    }
    html.append("""
        </div>
        <section class="my-3">
            <div class="container-fluid">
                <div class="row">
                    <div class="col-md-6 col-12">
                        <div class="card custom-card shadow-sm card-hght">
                            <div class="card-header">Party Wise Results</div>
                            <div class="card-body parent-wrap">
                                <div class="scroll-child">
                                <div class="rslt-table teble-responsive">
                                    <table class="table">
                                        <thead>
                                            <tr>
                                                <th style="text-align: left;">Party</th>
                                                <th style="text-align:right">Won</th>
                                                <th style="text-align:right">Leading</th>
                                                <th style="text-align:right">Total</th>
                                            </tr>
                                        </thead>
                                        <tbody>
        """);
    int won = 0;
    int leading = 0;
    for (PartyTally t : rows) {
      won += t.won();
      leading += t.leading();
      String abbreviation = parties.abbreviation(t.party());
      int id = EciParties.id(abbreviation);
      html.append("                                    <tr class=\"tr\"> \n")
          .append("                                        <td style=\"text-align:left\">")
          .append(esc(parties.name(t.party())))
          .append(" - ").append(esc(abbreviation)).append("</td>\n");
      count(html, t.won(), "partywisewinresult-" + id + stateCode + ".htm");
      count(html, t.leading(), "partywiseleadresult-" + id + stateCode + ".htm");
      html.append("                                        <td style=\"text-align:right\">").append(t.total())
          .append("</td>\n                                    </tr>\n");
    }
    html.append("""
                                        </tbody>
                                        <tfoot>
                                            <tr>
                                                <th>Total</th>
        """);
    html.append("                                        <th style=\"text-align:right\">").append(won).append("</th>\n")
        .append("                                        <th style=\"text-align:right\">").append(leading)
        .append("</th>\n")
        .append("                                        <th style=\"text-align:right\">").append(won + leading)
        .append("</th>\n");
    html.append("""
                                            </tr>
                                        </tfoot>
                                    </table>
                                </div><!-- End rslt-table Div -->
                                </div><!-- End of scroll-child Div -->
                            </div>
                        </div>
                    </div>
                    <div class="col-md-6 col-12">
                        <div class="card custom-card shadow-sm">\s
                            <div class="card-header">Constituency Wise Results <select class='custom-select' \
        id='ctl00_ContentPlaceHolder1_Result1_ddlState' onchange='return GetResult(this)' name='state' \
        style='float: right;'> <option value=''> Select Constituency </option>""");
    String prefix = stateCode;
    for (Constituency seat : seatsByName) {
      html.append("<option value=\"").append(prefix).append(seat.no()).append("\">").append(esc(seat.name()))
          .append(" - ").append(seat.no()).append("</option>");
    }
    html.append("""
        </select></div>
                            <div class="card-body">
                                <div class="map" id='elector_geotagging' style='width:100%;height:586px;'></div>
                                <p style="float: right;font-size: 11px;margin-bottom: -10px;font-weight: 500;">\
        Not to Scale</p>
                            </div>
                        </div>
                    </div>
                </div><!-- End of row Div -->

        """);
    html.append("        <h3 class=\"foot-title\"><a href=\"").append(PageRef.list(1).fileName(stateCode))
        .append("\" class=\"btn btn-primary\">All Constituencies at a glance <i>&gt;</i></a></h3>\n")
        .append("    </div>\n</section>\n    </main>\n");
    EciPageFrame.footer(html, day.pageTime(moment.lastChanged()));
    html.append("""

            <!-- Optional JavaScript; choose one of the two! -->
            <script src='js/jquery-3.6.4.min.js' type='text/javascript'></script>
            <script src='js/jquery-3.1.1.min.js' type='text/javascript'></script>
            <!-- Option 1: Bootstrap Bundle with Popper -->
            <script src="js/bootstrap.bundle.min.js" type="text/javascript"></script>
            <!-- Option 3: Custom jQuery Lab -->
            <script src="js/custom-jQuery.js" type="text/javascript"></script>
        <script type='text/javascript'>
                    function GetResult(ddstate) {
                        var statecode = ddstate.value;
                        if (statecode != 'Select State')
                            location.href = 'candidateswise-' + statecode + '.htm';
                        else
                            location.href = 'candidateswise' + ddstate.options[1].value + '.htm';
                    }
                </script>
        </body>

        </html>
        """);
    return html.toString();
  }

  /** A Won or Leading cell: a link to the party's seats when there are any, the bare number otherwise. */
  private static void count(StringBuilder html, int n, String href) {
    html.append("                                        <td style=\"text-align:right\">\n")
        .append("                                                                                        ");
    if (n > 0) {
      html.append("<a href=\"").append(href).append("\">").append(n).append("</a>");
    } else {
      html.append(n);
    }
    html.append("\n                                                                                    </td>\n");
  }
}
