package io.tallycast.replay;

import static io.tallycast.replay.EciPageFrame.esc;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.tallycast.election.SeatStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The two 2026 pages of one seat, exactly as our reconstruction in
 * {@code src/test/resources/eci-pages/reconstructed-2026/} writes them (no real copy was saved):
 * {@code candidateswise-S25{ac}.htm} with one card per candidate (the real 2024 card markup) and
 * {@code ConstituencywiseS25{ac}.htm} with the candidates' table in ballot order. A Lok Sabha 2024 state's table page
 * is the real 2024 page's structure instead ({@link LokSabhaSeatPage}).
 */
final class ConstituencyPagesRenderer {
  /** What ECI wrote after the name of a candidate elected unopposed. */
  static final String UNCONTESTED_MARK = "( Uncontested )";
  /** ECI's cell for a figure there is none of. */
  static final String NO_FIGURE = "-";
  private final ElectionData data;
  private final EciParties parties;
  private final CountingDay day;

  ConstituencyPagesRenderer(ElectionData data, EciParties parties, CountingDay day) {
    this.data = data;
    this.parties = parties;
    this.day = day;
  }

  /** Cards, most votes first and NOTA last; won/lost once declared, leading/trailing while counting. */
  String cards(SeatView seat) {
    StringBuilder html = new StringBuilder(5000 + 800 * seat.candidates().size());
    top(html, seat, PageRef.candidates(seat.seat().no()));
    html.append("""
              <div class="box-wraper box-boarder">
                <div class="container-fluid">
                  <div class="row">
        """);
    CandidateCount leader = seat.leader();
    boolean declared = seat.status() == SeatStatus.DECLARED;
    long top = leader == null ? 0 : leader.total();
    for (CandidateCount c : notaLast(seat.candidates())) {
      String status = leader == null || c.isNota() ? "" : c == leader ? (declared ? "won" : "leading")
          : (declared ? "lost" : "trailing");
      Long lead = seat.margin();
      String margin = c != leader ? "( -" + (top - c.total()) + ")" : lead == null ? "" : "(+ " + lead + ")";
      html.append("            <div class=\"col-md-4 col-12\">\n              <div class=\"cand-box\">\n")
          .append("                <figure><img src=\"img/").append(c.isNota() ? "nota" : "candidate")
          .append(".jpg\" alt=\"\"></figure>\n                <div class=\"cand-info\">\n")
          .append("                  <div class=\"status ").append(status).append("\">\n")
          .append("                    <div style=\"text-transform: capitalize\">").append(status).append("</div>\n")
          .append("                    <div>").append(c.total()).append(" <span>").append(margin)
          .append("</span></div>\n")
          .append("                  </div>\n                  <div class=\"nme-prty\">\n                    <h5>")
          .append(esc(c.name())).append("</h5>\n                    <h6>").append(esc(parties.name(c.party())))
          .append("</h6>\n                  </div>\n                </div>\n              </div>\n"
              + "            </div>\n");
    }
    html.append("""
                  </div>
                </div>
              </div>
        """);
    bottom(html, seat);
    return html.toString();
  }

  /** The table in ballot order (the data's order of candidates, NOTA last) with the short Total row. */
  String table(SeatView seat) {
    StringBuilder html = new StringBuilder(5000 + 400 * seat.candidates().size());
    if (LokSabhaSeatPage.of(data)) { // the 2024 Lok Sabha site: its own page structure
      LokSabhaSeatPage.top(html, data, day, seat, "./hi/" + PageRef.constituency(seat.seat().no())
          .fileName(data.stateCode()));
      rows(html, seat);
      LokSabhaSeatPage.bottom(html, seat, day.pageTime(seat.lastChangedSeconds()));
      return html.toString();
    }
    top(html, seat, PageRef.constituency(seat.seat().no()));
    html.append("""
              <div class='custom-table'>
                <div class='table-responsive'>
                  <table class='table table-striped table-bordered'>
                    <thead>
                      <tr>
                        <th>S.N.</th>
                        <th style='text-align:left'>Candidate</th>
                        <th style='text-align:left'>Party</th>
                        <th>EVM Votes</th>
                        <th>Postal Votes</th>
                        <th>Total Votes</th>
                        <th>% of Votes</th>
                      </tr>
                    </thead>
                    <tbody>
        """);
    long total = rows(html, seat);
    html.append("            </tbody>\n            <tfoot>\n              <tr><th>Total</th><th></th>")
        .append("<th style='text-align:right'>").append(figure(seat, seat.totalEvm())).append("</th>")
        .append("<th style='text-align:right'>").append(figure(seat, seat.totalPostal())).append("</th>")
        .append("<th style='text-align:right'>").append(figure(seat, total)).append("</th></tr>\n");
    html.append("""
                    </tfoot>
                  </table>
                </div>
              </div>
        """);
    bottom(html, seat);
    return html.toString();
  }

  /**
   * The candidates' rows in ballot order; returns the votes of all, the base of the shares. A winner unopposed is
   * written as ECI wrote Surat's in 2024 (results-2024.csv was read from those pages): "NAME ( Uncontested )" and "-"
   * for every figure.
   */
  private long rows(StringBuilder html, SeatView seat) {
    long total = seat.totalVotes();
    int sn = 1;
    for (CandidateCount c : ballotOrder(seat)) {
      boolean unopposed = seat.uncontested();
      html.append("              <tr><td>").append(sn++).append("</td><td align='left'>").append(esc(c.name()))
          .append(unopposed ? " " + UNCONTESTED_MARK : "")
          .append("</td><td align='left'>").append(esc(parties.name(c.party())))
          .append("</td><td align='right'>").append(unopposed ? NO_FIGURE : String.valueOf(c.evm()))
          .append("</td><td align='right'>").append(unopposed ? NO_FIGURE : String.valueOf(c.postal()))
          .append("</td><td align='right'>").append(unopposed ? NO_FIGURE : String.valueOf(c.total()))
          .append("</td><td align='right'>").append(unopposed ? NO_FIGURE : percent(c.total(), total))
          .append("</td></tr>\n");
    }
    return total;
  }

  /** A Total row's figure: "-" on an uncontested seat's page, as its candidate's. */
  static String figure(SeatView seat, long votes) {
    return seat.uncontested() ? NO_FIGURE : String.valueOf(votes);
  }

  /** Head, header, title and round status: the same on both pages. */
  private void top(StringBuilder html, SeatView seat, PageRef page) {
    EciPageFrame.head(html, "Election Commission of India", "");
    EciPageFrame.header(html, "./hi/" + page.fileName(data.stateCode()), false);
    html.append("  <main class='inner-content'>\n    <div class='container-fluid'>\n");
    EciPageFrame.title(html, day, "<h2>Assembly Constituency <span>" + seat.seat().no() + " - "
        + esc(seat.seat().name()) + "<strong>(" + esc(data.state()) + ")</strong></span></h2>");
    html.append("      <div class='roundwrap'>\n        <div class='round-status'>Status of EVM Round: <span>")
        .append(seat.round()).append("</span>/").append(seat.rounds())
        .append("</div>\n      </div><!-- End of roundwrap Div -->\n");
  }

  private void bottom(StringBuilder html, SeatView seat) {
    html.append("    </div><!-- End of container-fluid Div -->\n  </main>\n");
    EciPageFrame.footer(html, day.pageTime(seat.lastChangedSeconds()));
    EciPageFrame.end(html);
  }

  private static List<CandidateCount> notaLast(List<CandidateCount> candidates) {
    List<CandidateCount> out = new ArrayList<>(candidates.size());
    candidates.stream().filter(c -> !c.isNota()).forEach(out::add);
    candidates.stream().filter(CandidateCount::isNota).forEach(out::add);
    return out;
  }

  /**
   * The view's candidates in the order the data lists them (the ballot, where the data keeps it), NOTA last; any the
   * data does not list follow in the view's order. Matched by name and party: two candidates may share a name.
   */
  private List<CandidateCount> ballotOrder(SeatView seat) {
    SeatResult finals = data.finals().get(seat.seat().no());
    List<CandidateCount> left = new ArrayList<>(seat.candidates());
    List<CandidateCount> out = new ArrayList<>(left.size());
    if (finals != null) {
      for (CandidateResult listed : finals.ballot()) {
        for (int i = 0; i < left.size(); i++) {
          CandidateCount c = left.get(i);
          if (c.name().equals(listed.candidate()) && c.party().equals(listed.party())) {
            out.add(left.remove(i));
            break;
          }
        }
      }
    }
    out.addAll(left);
    return notaLast(out);
  }

  /** ECI's share: at most 2 decimals, no trailing zeros ("44.1", "3.2", "0"). */
  static String percent(long votes, long total) {
    if (total <= 0) {
      return "0";
    }
    return BigDecimal.valueOf(votes * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }
}
