package io.tallycast.scrape;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a browser sends with a page request. The ECI site answers 403 to bare clients, so the scraper and the
 * operator's commands (parse, check) send the same, from here.
 */
public final class BrowserHeaders {
  static final String USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

  private static final Map<String, String> HEADERS = Map.of(
      "User-Agent", USER_AGENT,
      "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "Accept-Language", "en-IN,en;q=0.9",
      "Sec-Fetch-Dest", "document",
      "Sec-Fetch-Mode", "navigate",
      "Sec-Fetch-Site", "same-origin",
      "Upgrade-Insecure-Requests", "1");

  private BrowserHeaders() {
  }

  /** Hands each header to {@code put} (a request builder's header method). */
  public static void each(BiConsumer<String, String> put) {
    HEADERS.forEach(put);
  }
}
