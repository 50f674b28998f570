package io.tallycast.replay;

import static io.tallycast.replay.EciPageFrame.esc;

import io.tallycast.election.ElectionData;
import java.util.List;

/**
 * {@code index.htm}: our own entry page, not ECI's (the real index of the 2026 site was not saved). It links what a
 * scraper or a person starts from, for each state of the site: the party-wise summary, the first state-wise page and
 * the live JSON.
 */
final class IndexPageRenderer {
  private IndexPageRenderer() {
  }

  static String render(List<ElectionData> states, CountingDay day) {
    StringBuilder html = new StringBuilder(4000);
    EciPageFrame.head(html, "Election Commission of India", "");
    html.append("  <!-- tallycast's own entry page: the real ECI index was not saved, so this one is not a copy "
        + "of it -->\n");
    EciPageFrame.header(html, "./hi/index.htm", false);
    html.append("  <main class='inner-content'>\n    <div class='container-fluid'>\n");
    String title = states.size() == 1 ? states.get(0).state() : "General Election to Assembly Constituencies";
    EciPageFrame.title(html, day, "<h2> <span> " + esc(title) + " </span> </h2>");
    for (ElectionData state : states) {
      String code = state.stateCode();
      if (states.size() > 1) {
        html.append("      <h3 class='state-name' data-state='").append(code).append("'>").append(esc(state.state()))
            .append("</h3>\n");
      }
      html.append("      <ul class='result-links'>\n");
      link(html, PageRef.PARTY.fileName(code), "Party Wise Results");
      link(html, PageRef.list(1).fileName(code), "All Constituencies at a glance");
      link(html, PageRef.LIVE_JSON.fileName(code), "Live results (JSON)");
      html.append("      </ul>\n");
    }
    html.append("    </div>\n  </main>\n");
    EciPageFrame.end(html);
    return html.toString();
  }

  private static void link(StringBuilder html, String href, String text) {
    html.append("        <li><a href='").append(href).append("'>").append(text).append("</a></li>\n");
  }
}
