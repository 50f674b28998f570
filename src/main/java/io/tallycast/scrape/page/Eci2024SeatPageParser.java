package io.tallycast.scrape.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The 2024 Bootstrap layout (PcResultGenJune2024, and our replay site for assembly seats): title
 * {@code div.page-title h2 span} "12 - Krishnanagar" with the state in a {@code strong}, the candidate table in
 * {@code div.table-responsive}, an optional {@code div.roundBtn} with status and "Round 9/18", and a footer
 * {@code .sm-text} "Last Updated at 08:55 am On 05/06/2024" (day first).
 */
final class Eci2024SeatPageParser {
  static final String LAYOUT = "eci-2024";

  // Both applied to one short piece of text, never to the document.
  private static final Pattern TITLE = Pattern.compile("(\\d+) ?- ?(.+)");
  private static final Pattern ROUND = Pattern.compile("(?:Round ?:? ?)?(\\d+) ?/ ?(\\d+)", Pattern.CASE_INSENSITIVE);

  /** Seat number, name and state from the page title. */
  record Title(Integer seatNo, String seatName, String state) {
  }

  /** "Result in Progress" and "Round 9/18"; all null when the page shows none. */
  record Rounds(Integer done, Integer total, String status) {
    static final Rounds NONE = new Rounds(null, null, null);
  }

  private Eci2024SeatPageParser() {
  }

  static ParsedSeatPage parse(Document doc, Element table) throws PageFormatException {
    CandidateTable.Read read = CandidateTable.read(table);
    Title title = title(doc);
    if (title == null) {
      throw new PageFormatException("no constituency title ('12 - Name (State)') on page");
    }
    Rounds rounds = rounds(doc);
    LastUpdated.Stamp stamp = LastUpdated.require(doc, ".sm-text", LastUpdated.DAY_FIRST);
    return new ParsedSeatPage(LAYOUT, title.seatNo(), title.seatName(), title.state(), read.candidates(), read.evm(),
        read.postal(), read.total(), stamp.text(), stamp.time(), rounds.done(), rounds.total(), rounds.status());
  }

  /** The title, or null when the page has none; a title that is there but unreadable is an error. */
  static Title title(Document doc) throws PageFormatException {
    Element span = doc.selectFirst("div.page-title h2 span");
    if (span == null) {
      return null;
    }
    String own = PageText.own(span);
    Matcher m = TITLE.matcher(own);
    if (!m.matches()) {
      throw new PageFormatException("constituency title '" + PageText.excerpt(PageText.of(span), 80)
          + "' is not 'number - name'");
    }
    int no;
    try {
      no = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      throw new PageFormatException("constituency number in title '" + PageText.excerpt(own, 80) + "' is too large");
    }
    String state = PageText.of(span.selectFirst("strong"));
    if (state.startsWith("(") && state.endsWith(")")) {
      state = state.substring(1, state.length() - 1).strip();
    }
    return new Title(no, m.group(2).strip(), PageText.blankToNull(state));
  }

  static Rounds rounds(Document doc) throws PageFormatException {
    Element box = doc.selectFirst("div.roundBtn");
    String text = PageText.of(box);
    if (text.isEmpty()) {
      return Rounds.NONE;
    }
    Integer done = null;
    Integer total = null;
    Matcher m = ROUND.matcher(text);
    if (m.find()) {
      done = roundNumber(m.group(1), text);
      total = roundNumber(m.group(2), text);
      if (done > total) {
        throw new PageFormatException("round " + done + "/" + total + " is past the last round");
      }
      text = PageText.normalize(text.substring(0, m.start()) + " " + text.substring(m.end()));
    }
    return new Rounds(done, total, PageText.blankToNull(text));
  }

  private static int roundNumber(String digits, String text) throws PageFormatException {
    if (digits.length() > 4) {
      throw new PageFormatException("round in '" + PageText.excerpt(text, 60) + "' is not a plausible number");
    }
    return Integer.parseInt(digits);
  }
}
