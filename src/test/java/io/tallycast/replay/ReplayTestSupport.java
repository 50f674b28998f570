package io.tallycast.replay;

import io.tallycast.election.ElectionData;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Shared test helpers: the West Bengal data (loaded once) and small readers of the replay's pages, written with
 * jsoup selectors (not the scraper's parsers, which are written against these pages elsewhere).
 */
final class ReplayTestSupport {
  private static ElectionData westBengal;

  private ReplayTestSupport() {
  }

  static synchronized ElectionData westBengal() {
    if (westBengal == null) {
      westBengal = ElectionData.westBengal2021();
    }
    return westBengal;
  }

  static Future<HttpResponse<Buffer>> get(WebClient client, String url) {
    return client.getAbs(url).timeout(10_000).send();
  }

  static Document html(HttpResponse<Buffer> response) {
    return Jsoup.parse(response.bodyAsString());
  }

  /** The site's options in these tests: ECI's 2026 folder. */
  static ReplayOptions options() {
    return ReplayOptions.defaults().withPrefix(ReplayOptions.ECI_2026_PREFIX);
  }

  /** The cell texts of each body row of a page's results table (direct cells only: party cells nest tables). */
  static List<List<String>> rows(Document page) {
    return page.select("div.table-responsive > table > tbody > tr").stream()
        .map(tr -> tr.children().stream().map(Element::text).toList())
        .toList();
  }

  /** The cell texts of the results table's footer row. */
  static List<String> footer(Document page) {
    return page.select("div.table-responsive > table > tfoot > tr").first().children()
        .stream().map(Element::text).toList();
  }

  static long number(String cell) {
    return Long.parseLong(cell.strip());
  }

  /** A seat page's round: "Status of EVM Round: <span>7</span>/19" gives "7/19". */
  static String round(Document page) {
    return page.select("div.roundwrap div.round-status").first().text().replace("Status of EVM Round: ", "");
  }

  /** A seat page's "12 - NAME" from its title. */
  static String seatTitle(Document page) {
    return page.select("div.page-title h2 > span").first().ownText();
  }
}
