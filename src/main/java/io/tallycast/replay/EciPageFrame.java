package io.tallycast.replay;

import org.jsoup.nodes.Entities;

/**
 * The parts every 2026 ECI page shares (head, header, disclaimer, title, footer), written as the real pages in
 * {@code ../shared/data/eci-pages/2026-assembly/} write them. Where the real pages differ from each other in a way a
 * parser can see (the heading nested in a div or not, the language link's icon before or after its text), each page
 * keeps its own way. Third-party scripts (Akamai's tracker) are left out.
 */
final class EciPageFrame {
  /** ECI's tooltip styles of the state-wise page (they make the "Party Wise State Trends" box work in a browser). */
  static final String TOOLTIP_STYLE = """
            <style>
            .custom-cell-style { padding-right: 16px; display: inline-block; }
      .tooltiptext { font-size: 1rem; }
              .tooltip-icon { border-radius: 50%; background: #000; color: #fff; width: 15px; height: 15px;\
       display: block;
                  text-align: center; padding-left: 1px; }
              .tooltip-icon:hover + .tooltip { display: block; }
              .tooltip:hover { display: block; }
              .tooltip { position: absolute !important; width: 300px !important; height: auto !important; display: none;
                  border: 1px solid #000 !important; padding: 5px !important; background: #fff !important;
                  margin-left: 5px !important; margin-top: -10px !important; opacity: 1 !important; }
              .tooltip > table tr td:first-child { font-weight: bold; font-size: 12px; }
      </style>
      """;

  private static final String FOOTER = """
        <footer class='footer'>
              <div class='foot-info'>
                  <div class='container-fluid'>
                      <div class='row'>
                          <div class='col-12'>
                              <div class='foot-content'>
                                  Last Updated at <span>%s</span>
                              </div>

                          </div>
                      </div>
                  </div>
              </div>
          </footer>
      """;
  private static final int FOOTER_TIME = FOOTER.indexOf("%s");

  private EciPageFrame() {
  }

  /** From the doctype to the opening body tag. */
  static void head(StringBuilder html, String title, String extra) {
    html.append("""
        <!doctype html>
        <html lang='en'>

        <head>
          <!-- Required meta tags -->
          <meta charset='utf-8'>
          <meta name='viewport' content='width=device-width, initial-scale=1'>
          <meta http-equiv='Content-Type' content='text/html; charset=UTF-8'>
            <meta http-equiv='X-UA-Compatible' content='IE=7'>
            <meta http-equiv='Cache-Control' content='no-cache, no-store, must-revalidate'>
            <meta http-equiv='Pragma' content='no-cache'>
            <meta http-equiv='Expires' content='0'>
            <meta http-equiv='refresh' content='300'>
          <!-- Bootstrap CSS -->
          <link href='css/bootstrap.min.css' rel='stylesheet'>
          <link href='css/custom.css' rel='stylesheet'>
          <link href='css/responsive.css' rel='stylesheet'>
          <link href='css/font.css' rel='stylesheet'>
          <link rel='shortcut icon' href='img/icons/favicon.ico' type='image/x-icon'>
        """);
    html.append("  <title>").append(title).append("</title>\n").append(extra).append("</head>\n\n<body>\n");
  }

  /**
   * The logo bar and menu. The state-wise and constituency pages write the language link's text before its icon and
   * point it at the same page in Hindi; the party-wise page writes the icon first and points at the Hindi index.
   */
  static void header(StringBuilder html, String hindiHref, boolean iconFirst) {
    html.append("""
           <header class='header'>
                <div class='logo-search'>
                     <div class='mob-btn'><img src='img/icons/menu.png' alt=''></div>
                    <div class='logo'><a href='index.htm'><img src='img/eci-ecinet-logo.png' alt=''></a></div>
                 <div class='lft-menu'>
                        <div class='menu-close'>X</div>
                        <div class='menu-logo'><a href='index.htm'><img src='img/eci-ecinet-logo.png' alt=''></a></div>
                        <ul>
                            <li><a href='index.htm'><span><img src='img/icons/home.png' alt=''></span> Home</a></li>
        """);
    if (iconFirst) {
      html.append("                    <li><a href='").append(hindiHref)
          .append("'><span><img src='img/icons/language.png' alt=''></span> Hindi</a></li>\n")
          .append("                    <li><a href='#' onClick='window.location.href=window.location.href'><span>")
          .append("<img src='img/icons/refresh.png' alt=''></span> Refresh</a></li>\n");
    } else {
      html.append("                    <li><a href='").append(hindiHref)
          .append("'>Hindi <span><img src='img/icons/language.png' alt=''></span></a></li>\n")
          .append("                    <li><a href='#' onClick='window.location.href=window.location.href'>Refresh ")
          .append("<span><img src='img/icons/refresh.png' alt=''></span></a></li>\n");
    }
    html.append("""
                        </ul>
                    </div>
                </div>
            </header>
          <div class='dis-info'>
            <div class='container-fluid'>
              <div class='d-flex align-items-center justify-content-center'>
                        <h6 class='mb-0 mx-2'><img src='img/icons/warning.svg' alt=''><strong>Disclaimer:</strong></h6>
                <p class='mb-0'> ECI is displaying the information as being filled in the system by the Returning \
        Officers from their respective Counting Centres.The final data for each AC/PC will be shared in Form-20.</p>
              </div>
            </div>
          </div><!-- End of dis-info Div -->
        """);
  }

  /** ECI's heading: "General Election to Assembly Constituencies: Trends & Results May-2026". */
  static String heading(CountingDay day) {
    return "General Election to Assembly Constituencies: Trends &amp; Results " + day.monthYear();
  }

  /** The page title of the state-wise and constituency pages: the heading nested in a div, then the page's h2. */
  static void title(StringBuilder html, CountingDay day, String h2) {
    html.append("      <div class='page-title'>\n        <h1>\n           <div>").append(heading(day))
        .append("</div>\n        </h1>\n        ").append(h2).append("\n      </div>\n");
  }

  /** "Last Updated at <span>12:45 PM On 04/05/2026</span>": the time of the newest figure on the page. */
  static void footer(StringBuilder html, String pageTime) {
    html.append(FOOTER, 0, FOOTER_TIME).append(pageTime).append(FOOTER, FOOTER_TIME + 2, FOOTER.length());
  }

  /** ECI's own script references at the end of the state-wise page (the files are not served here). */
  static void scriptsAndEnd(StringBuilder html) {
    html.append("""

          <!-- Optional JavaScript; choose one of the two! -->
          <script src='js/jquery-3.6.0.min.js' type='text/javascript'></script>
          <!-- Option 1: Bootstrap Bundle with Popper -->
          <script src='js/bootstrap.bundle.min.js' type='text/javascript'></script>
          <!-- Option 3: Custom jQuery Lab -->
          <script src='js/custom-jQuery.js' type='text/javascript'></script>


        </body>

        </html>
        """);
  }

  /** The end of a page with no scripts (the constituency reconstructions). */
  static void end(StringBuilder html) {
    html.append("</body>\n\n</html>\n");
  }

  static String esc(String text) {
    return Entities.escape(text);
  }
}
