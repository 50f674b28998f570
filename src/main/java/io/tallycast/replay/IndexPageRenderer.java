package io.tallycast.replay;

import static io.tallycast.replay.EciPageFrame.esc;

/**
 * {@code index.htm}: our own entry page, not ECI's (the real index of the 2026 site was not saved). It links what a
 * scraper or a person starts from: the party-wise summary, the first state-wise page and the live JSON.
 */
final class IndexPageRenderer {
  private IndexPageRenderer() {
  }

  static String render(String state, String stateCode, CountingDay day) {
    StringBuilder html = new StringBuilder(4000);
    EciPageFrame.head(html, "Election Commission of India", "");
    html.append("  <!-- tallycast's own entry page: the real ECI index was not saved, so this one is not a copy "
        + "of it -->\n");
    EciPageFrame.header(html, "./hi/index.htm", false);
    html.append("  <main class='inner-content'>\n    <div class='container-fluid'>\n");
    EciPageFrame.title(html, day, "<h2> <span> " + esc(state) + " </span> </h2>");
    html.append("      <ul class='result-links'>\n");
    link(html, PageRef.PARTY.fileName(stateCode), "Party Wise Results");
    link(html, PageRef.list(1).fileName(stateCode), "All Constituencies at a glance");
    link(html, PageRef.LIVE_JSON.fileName(stateCode), "Live results (JSON)");
    html.append("      </ul>\n    </div>\n  </main>\n");
    EciPageFrame.end(html);
    return html.toString();
  }

  private static void link(StringBuilder html, String href, String text) {
    html.append("        <li><a href='").append(href).append("'>").append(text).append("</a></li>\n");
  }
}
