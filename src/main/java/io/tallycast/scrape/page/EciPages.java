package io.tallycast.scrape.page;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads pages of the Election Commission of India results website (and of our replay site, which copies its 2024
 * layout). Each method detects the layout from the markup, parses with jsoup and checks everything the page alone
 * can prove; anything short of a complete, consistent results page is a {@link PageFormatException} with a message
 * an operator can act on. Text only ever comes out as text, never as markup. Thread-safe, no shared state.
 */
public final class EciPages {
  private EciPages() {
  }

  /**
   * A constituency page in any known layout ("eci-2024", "eci-2019", "eci-2024-cards").
   *
   * @param url where the page came from; used only to resolve relative links
   */
  public static ParsedSeatPage parseSeatPage(String html, String url) throws PageFormatException {
    Document doc = parse(html, url);
    LayoutDetector.Detected page = detect(doc);
    switch (page.kind()) {
      case SEAT_2024:
        return Eci2024SeatPageParser.parse(doc, page.table());
      case SEAT_2019:
        return Eci2019SeatPageParser.parse(doc, page.table());
      case SEAT_CARDS:
        return EciCardsSeatPageParser.parse(doc);
      default:
        throw wrongKind("a constituency page", page.kind());
    }
  }

  /** A state-wise list page ("statewiseS25{page}.htm"). */
  public static ParsedListPage parseListPage(String html, String url) throws PageFormatException {
    Document doc = parse(html, url);
    LayoutDetector.Detected page = detect(doc);
    if (page.kind() != LayoutDetector.Kind.LIST) {
      throw wrongKind("a state-wise list page", page.kind());
    }
    return EciListPageParser.parse(doc, page.table());
  }

  /** The party-wise summary page ("partywiseresult-S25.htm"). */
  public static ParsedPartySummary parsePartySummary(String html, String url) throws PageFormatException {
    Document doc = parse(html, url);
    LayoutDetector.Detected page = detect(doc);
    if (page.kind() != LayoutDetector.Kind.PARTY_SUMMARY) {
      throw wrongKind("a party-wise summary page", page.kind());
    }
    return EciPartySummaryParser.parse(doc, page.table());
  }

  private static Document parse(String html, String url) throws PageFormatException {
    if (html == null || html.isBlank()) {
      throw new PageFormatException("empty page");
    }
    // Positions are tracked so that a table whose end tag never came (a cut-off page) can be told apart.
    return Jsoup.parse(html, url == null ? "" : url, Parser.htmlParser().setTrackPosition(true));
  }

  private static LayoutDetector.Detected detect(Document doc) throws PageFormatException {
    LayoutDetector.Detected page = LayoutDetector.detect(doc);
    if (page == null) {
      throw new PageFormatException("no results table on page" + describe(doc));
    }
    return page;
  }

  private static PageFormatException wrongKind(String expected, LayoutDetector.Kind actual) {
    return new PageFormatException("expected " + expected + " but this is " + actual.description);
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
