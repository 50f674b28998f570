package io.tallycast.replay;

import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Writes the pages in the ECI 2024 layout that the scraper's parsers are written against (the replay-contract
 * fixtures under src/test/resources/eci-pages/replay-contract/). Every text from the data is HTML-escaped.
 * Plain string building: a page costs microseconds, so rendering can stay on the event loop.
 */
final class PageRenderer {
  private static final String TABLE_OPEN = """
            <div class='custom-table'>
              <div class='table-responsive'>
                <table class='table table-striped table-bordered'>
      """;
  private static final String TABLE_CLOSE = """
                </table>
              </div>
            </div>
      """;

  private final String state;
  private final int stateCode;
  private final PartyRegistry parties;
  private final CountingDay day;

  PageRenderer(String state, int stateCode, PartyRegistry parties, CountingDay day) {
    this.state = state;
    this.stateCode = stateCode;
    this.parties = parties;
    this.day = day;
  }

  String seatPage(SeatView seat) {
    StringBuilder html = new StringBuilder(3000 + 300 * seat.candidates().size());
    head(html, false);
    html.append("  <main class='inner-content'>\n    <div class='container-fluid'>\n");
    title(html, "<h2>Assembly Constituency <span> " + seat.seat().no() + " - " + esc(seat.seat().name())
        + "<strong> (" + esc(state) + ")</strong></span> </h2>");
    html.append("      <div class='middle-head'>\n        <div class='roundBtn'><span>").append(seat.statusText())
        .append("</span> <span>Round ").append(seat.round()).append('/').append(seat.rounds())
        .append("</span></div>\n      </div>\n");
    html.append(TABLE_OPEN);
    html.append("""
                    <thead>
                      <tr><th>S.N.</th><th style='text-align: left;'>Candidate</th><th style='text-align: left;'>Party</th>\
        <th>EVM Votes </th><th>Postal Votes</th><th>Total Votes</th><th>% of Votes</th></tr>
                    </thead>
                    <tbody>
        """);
    long total = seat.totalVotes();
    int sn = 1;
    for (CandidateCount c : seat.candidates()) {
      html.append("              <tr><td>").append(sn++).append("</td><td align='left'>").append(esc(c.name()))
          .append("</td><td align='left'>").append(esc(partyName(c.party())))
          .append("</td><td align='right'>").append(c.evm())
          .append("</td><td align='right'>").append(c.postal())
          .append("</td><td align='right'>").append(c.total())
          .append("</td><td align='right'>").append(percent(c.total(), total)).append("</td></tr>\n");
    }
    html.append("""
                    </tbody>
                    <tfoot>
        """);
    html.append("              <tr><th></th><th style='text-align: left;'>Total</th><th>&nbsp;</th>")
        .append("<th style='text-align: right;'>").append(seat.totalEvm()).append("</th>")
        .append("<th style='text-align: right;'>").append(seat.totalPostal()).append("</th>")
        .append("<th style='text-align: right;'>").append(total).append("</th><th></th></tr>\n");
    html.append("            </tfoot>\n");
    html.append(TABLE_CLOSE);
    html.append("    </div>\n  </main>\n");
    footer(html, seat.lastChangedSeconds());
    return html.toString();
  }

  String listPage(int page, int pageCount, List<SeatView> rows) {
    StringBuilder html = new StringBuilder(4000 + 900 * rows.size() + 90 * pageCount);
    head(html, true);
    html.append("  <header class='header'><div class='logo-search'><div class='logo'><a href='index.htm'>")
        .append("<img src='img/eci-logo.png' alt=''></a></div></div></header>\n");
    html.append("  <main class='inner-content'>\n    <div class='container-fluid'>\n");
    title(html, "<h2><span>" + esc(state) + "</span> (Page " + page + " of " + pageCount + ")</h2>");
    html.append(TABLE_OPEN);
    html.append("            <thead>\n              <tr>\n");
    for (String th : new String[] {"<th style='text-align: left;'>Constituency</th>", "<th>Const. No.</th>",
        "<th style='text-align: left;'>Leading Candidate</th>", "<th style='text-align: left;'>Leading Party</th>",
        "<th style='text-align: left;'>Trailing Candidate</th>", "<th style='text-align: left;'>Trailing Party</th>",
        "<th>Margin</th>", "<th>Round</th>", "<th>Status</th>"}) {
      html.append("                ").append(th).append('\n');
    }
    html.append("              </tr>\n            </thead>\n            <tbody>\n");
    long lastChanged = 0;
    for (SeatView seat : rows) {
      lastChanged = Math.max(lastChanged, seat.lastChangedSeconds());
      CandidateCount lead = seat.leader();
      CandidateCount trail = seat.trailing();
      Long margin = seat.margin();
      html.append("              <tr><td align='left'>").append(esc(seat.seat().name())).append("</td><td>")
          .append(seat.seat().no()).append("</td><td align='left'>").append(lead == null ? "" : esc(lead.name()))
          .append("</td><td align='left'>").append(partyCell(lead))
          .append("</td><td align='left'>").append(trail == null ? "" : esc(trail.name()))
          .append("</td><td align='left'>").append(partyCell(trail))
          .append("</td><td align='right'>").append(margin == null ? "" : margin.toString())
          .append("</td><td align='center'>").append(seat.round()).append('/').append(seat.rounds())
          .append("</td><td align='left'>").append(seat.statusText()).append("</td></tr>\n");
    }
    html.append("            </tbody>\n");
    html.append(TABLE_CLOSE);
    html.append("      <nav>\n        <ul class='pagination'>\n");
    for (int p = 1; p <= pageCount; p++) {
      html.append("          <li class='page-item").append(p == page ? " active" : "").append("'><a class='page-link' href='")
          .append(PageRef.list(p).fileName(stateCode)).append("'>").append(p).append("</a></li>\n");
    }
    html.append("        </ul>\n      </nav>\n    </div>\n  </main>\n");
    footer(html, lastChanged);
    return html.toString();
  }

  String partyPage(List<PartyTally> rows, long lastChanged) {
    StringBuilder html = new StringBuilder(3000 + 200 * rows.size());
    head(html, true);
    html.append("  <main class='inner-content'>\n    <div class='container-fluid'>\n");
    title(html, "<h2>Party Wise Results Status <span>" + esc(state) + "</span></h2>");
    html.append("""
              <div class='custom-table'>
                <div class='table-responsive'>
                  <table class='table'>
                    <thead>
                      <tr><th style='text-align: left;'>Party</th><th>Won</th><th>Leading</th><th>Total</th></tr>
                    </thead>
                    <tbody>
        """);
    int won = 0;
    int leading = 0;
    for (PartyTally row : rows) {
      won += row.won();
      leading += row.leading();
      html.append("              <tr><td align='left'>").append(esc(partyName(row.party())))
          .append("</td><td align='right'>").append(row.won()).append("</td><td align='right'>").append(row.leading())
          .append("</td><td align='right'>").append(row.won() + row.leading()).append("</td></tr>\n");
    }
    html.append("            </tbody>\n            <tfoot>\n              <tr><th style='text-align: left;'>Total</th>")
        .append("<th style='text-align: right;'>").append(won).append("</th><th style='text-align: right;'>")
        .append(leading).append("</th><th style='text-align: right;'>").append(won + leading).append("</th></tr>\n")
        .append("            </tfoot>\n");
    html.append(TABLE_CLOSE);
    html.append("    </div>\n  </main>\n");
    footer(html, lastChanged);
    return html.toString();
  }

  String indexPage(int pageCount, List<Integer> seats) {
    StringBuilder html = new StringBuilder(2000 + 70 * seats.size());
    head(html, false);
    html.append("  <main class='inner-content'>\n    <div class='container-fluid'>\n");
    title(html, "<h2><span>" + esc(state) + "</span></h2>");
    html.append("      <ul class='party-wise'><li><a href='").append(PageRef.PARTY.fileName(stateCode))
        .append("'>Party Wise Results</a></li></ul>\n      <ul class='state-wise'>\n");
    for (int p = 1; p <= pageCount; p++) {
      html.append("        <li><a href='").append(PageRef.list(p).fileName(stateCode)).append("'>Page ").append(p)
          .append("</a></li>\n");
    }
    html.append("      </ul>\n      <ul class='constituency-wise'>\n");
    for (int seat : seats) {
      html.append("        <li><a href='").append(PageRef.seat(seat).fileName(stateCode)).append("'>").append(seat)
          .append("</a></li>\n");
    }
    html.append("      </ul>\n    </div>\n  </main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void head(StringBuilder html, boolean bootstrap) {
    html.append("<!doctype html>\n<html lang='en'>\n<head>\n  <meta charset='utf-8'>\n");
    if (bootstrap) {
      html.append("  <meta name='viewport' content='width=device-width, initial-scale=1'>\n");
    }
    html.append("  <meta http-equiv='refresh' content='300'>\n");
    if (bootstrap) {
      html.append("  <link href='css/bootstrap.min.css' rel='stylesheet'>\n");
    }
    html.append("  <title>Election Commission of India</title>\n</head>\n<body>\n");
  }

  private void title(StringBuilder html, String h2) {
    html.append("      <div class='page-title'>\n        <h1><div>General Election to Assembly Constituencies: ")
        .append("Trends &amp; Results ").append(day.monthYear()).append("</div></h1>\n        ")
        .append(h2).append("\n      </div>\n");
  }

  private void footer(StringBuilder html, long lastChangedSeconds) {
    html.append("  <footer class='footer'><div class='foot-info'><div class='container-fluid'><div class='row'>")
        .append("<div class='col-md-6 col-12'>\n    <div class='sm-text'>").append("Last Updated at " + day.pageTime(lastChangedSeconds).replace(" AM ", " am ").replace(" PM ", " pm "))
        .append("</div>\n  </div></div></div></div></footer>\n</body>\n</html>\n");
  }

  private String partyCell(CandidateCount c) {
    return c == null ? "" : "<table class='table-borderless'><tbody><tr><td align='left'>" + esc(partyName(c.party()))
        + "</td></tr></tbody></table>";
  }

  private String partyName(String code) {
    return parties.byCode(code).map(Party::name).orElse(code);
  }

  /** ECI's share: at most 2 decimals, no trailing zeros ("44.1", "3.2", "0"). */
  static String percent(long votes, long total) {
    if (total <= 0) {
      return "0";
    }
    return BigDecimal.valueOf(votes * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }

  static String esc(String text) {
    return Entities.escape(text);
  }
}
