package io.tallycast.scrape.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads pages of the Election Commission of India results website (and of our replay site, which copies its
 * layouts). Each method detects the layout from the content, never from the URL, parses with jsoup (or Jackson for
 * the live JSON) and checks everything the page alone can prove; anything short of a complete, consistent results
 * page is a {@link PageFormatException} with a message an operator can act on. Text only ever comes out as text,
 * never as markup. Thread-safe, no shared state.
 */
public final class EciPages {
  private static final String DOCTYPE = "<!doctype";

  private EciPages() {
  }

  /**
   * What a page is, without parsing it fully: for the operator's check before the night.
   *
   * @return its kind and layout
   * @throws PageFormatException for a page tallycast cannot read, naming what it is instead (its title and first
   *                             text, or "JSON with keys [...]")
   */
  public static PageIdentity identify(String content, String url) throws PageFormatException {
    if (content != null && EciLiveJsonParser.looksLikeJson(content)) {
      JsonNode root = EciLiveJsonParser.tree(content);
      if (!EciLiveJsonParser.isLiveJson(root)) {
        throw new PageFormatException("not an ECI results page: " + EciLiveJsonParser.describe(root));
      }
      return new PageIdentity(PageKind.LIVE_JSON, EciLiveJsonParser.LAYOUT);
    }
    LayoutDetector.Kind kind = detect(html(content, url, "an ECI results page")).kind();
    return new PageIdentity(kind.pageKind, kind.layout);
  }

  /**
   * A constituency page in any known layout ("eci-2026", "eci-2026-cards", "eci-2024", "eci-2024-cards",
   * "eci-2019").
   *
   * @param url where the page came from; used only to resolve relative links
   */
  public static ParsedSeatPage parseSeatPage(String html, String url) throws PageFormatException {
    Document doc = html(html, url, "a constituency page");
    LayoutDetector.Detected page = detect(doc);
    switch (page.kind()) {
      case SEAT_2026:
        return TableSeatPageParser.parse(doc, page.table(), TableSeatPageParser.Layout.ECI_2026);
      case SEAT_CARDS_2026:
        return Eci2026CardsSeatPageParser.parse(doc);
      case SEAT_2024:
        return TableSeatPageParser.parse(doc, page.table(), TableSeatPageParser.Layout.ECI_2024);
      case SEAT_CARDS_2024:
        return EciCardsSeatPageParser.parse(doc);
      case SEAT_2019:
        return Eci2019SeatPageParser.parse(doc, page.table());
      default:
        throw wrongKind("a constituency page", page.kind().description);
    }
  }

  /** A state-wise list page ("statewiseS22{page}.htm"). */
  public static ParsedListPage parseListPage(String html, String url) throws PageFormatException {
    Document doc = html(html, url, "a state-wise list page");
    LayoutDetector.Detected page = detect(doc);
    if (page.kind() != LayoutDetector.Kind.LIST) {
      throw wrongKind("a state-wise list page", page.kind().description);
    }
    return EciListPageParser.parse(doc, page.table());
  }

  /** The party-wise summary page ("partywiseresult-S22.htm"). */
  public static ParsedPartySummary parsePartySummary(String html, String url) throws PageFormatException {
    Document doc = html(html, url, "a party-wise summary page");
    LayoutDetector.Detected page = detect(doc);
    if (page.kind() != LayoutDetector.Kind.PARTY_SUMMARY) {
      throw wrongKind("a party-wise summary page", page.kind().description);
    }
    return EciPartySummaryParser.parse(doc, page.table());
  }

  /**
   * ECI's live JSON ("election-json-S25-live.json"): the leader of every seat, for each state the file holds.
   *
   * @param url where it came from; only for symmetry with the page methods
   */
  public static ParsedLiveResults parseLiveJson(String json, String url) throws PageFormatException {
    if (json == null || json.isBlank()) {
      throw new PageFormatException("empty page");
    }
    if (!EciLiveJsonParser.looksLikeJson(json)) {
      throw wrongKind("ECI's live results JSON", "not JSON" + describe(Jsoup.parse(json)));
    }
    return EciLiveJsonParser.parse(EciLiveJsonParser.tree(json));
  }

  private static Document html(String html, String url, String expected) throws PageFormatException {
    if (html == null || html.isBlank()) {
      throw new PageFormatException("empty page");
    }
    if (EciLiveJsonParser.looksLikeJson(html)) {
      throw wrongKind(expected, "JSON");
    }
    int documents = documents(html);
    if (documents > 1) {
      throw new PageFormatException("this holds " + documents + " HTML pages one after another (saved together?), not"
          + " one page: split it at each " + DOCTYPE);
    }
    // Positions are tracked so that a table whose end tag never came (a cut-off page) can be told apart.
    return Jsoup.parse(html, url == null ? "" : url, Parser.htmlParser().setTrackPosition(true));
  }

  /** How many {@code <!doctype} the text holds: a scraper's dump of several pages in one file has one each. */
  private static int documents(String html) {
    int n = 0;
    for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
      if (html.regionMatches(true, at, DOCTYPE, 0, DOCTYPE.length())) {
        n++;
      }
    }
    return n;
  }

  private static LayoutDetector.Detected detect(Document doc) throws PageFormatException {
    LayoutDetector.Detected page = LayoutDetector.detect(doc);
    if (page == null) {
      throw new PageFormatException("no results table on page" + describe(doc));
    }
    return page;
  }

  private static PageFormatException wrongKind(String expected, String actual) {
    return new PageFormatException("expected " + expected + " but this is " + actual);
  }

  /** What the page is instead, so the operator sees "500 Internal Server Error" or "Login" at once. */
  private static String describe(Document doc) {
    String title = PageText.normalize(doc.title());
    String text = doc.body() == null ? "" : PageText.of(doc.body());
    if (!title.isEmpty() && text.startsWith(title)) {
      text = text.substring(title.length()).strip();
    }
    StringBuilder out = new StringBuilder();
    if (!title.isEmpty()) {
      out.append("title '").append(PageText.excerpt(title, 80)).append('\'');
    }
    if (!text.isEmpty()) {
      out.append(out.length() > 0 ? "; " : "").append("text starts '").append(PageText.excerpt(text, 80)).append('\'');
    }
    return out.length() == 0 ? "" : " (" + out + ")";
  }
}
