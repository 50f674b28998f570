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

/** Shared test helpers: the West Bengal data (loaded once) and small readers of the replay's pages. */
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

  /** The cell texts of each body row of a page's results table. */
  static List<List<String>> rows(Document page) {
    return page.select("div.table-responsive > table > tbody > tr").stream()
        .map(tr -> tr.children().stream().map(Element::text).toList())
        .toList();
  }

  /** The cell texts of the results table's footer row. */
  static List<String> footer(Document page) {
    return page.select("div.table-responsive > table > tfoot > tr").first().children().stream().map(Element::text).toList();
  }

  static long number(String cell) {
    return Long.parseLong(cell.strip());
  }
}
