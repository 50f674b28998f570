package io.tallycast.scrape.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the 2024 and 2026 constituency pages show above the candidates: the title {@code div.page-title h2 span}
 * ("12 - Krishnanagar" with the state in a {@code strong}) and the round, which 2024 writes in {@code div.roundBtn}
 * ("Result in Progress Round 9/18") and 2026 in {@code div.round-status} ("Status of EVM Round: 19/19").
 */
final class SeatHeading {
  // Each applied to one short piece of text, never to the document.
  private static final Pattern TITLE = Pattern.compile("(\\d+) ?- ?(.+)");
  private static final Pattern ROUND = Pattern.compile("(?:Round ?:? ?)?(\\d+) ?/ ?(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final String EVM_ROUND = "Status of EVM Round";

  /** Seat number, name and state from the page title. */
  record Title(Integer seatNo, String seatName, String state) {
  }

  /** "Result in Progress" and "Round 9/18"; all null when the page shows none. */
  record Rounds(Integer done, Integer total, String status) {
    static final Rounds NONE = new Rounds(null, null, null);

    Rounds checked() throws PageFormatException {
      if (done != null && total != null && done > total) {
        throw new PageFormatException("round " + done + "/" + total + " is past the last round");
      }
      return this;
    }
  }

  private SeatHeading() {
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

  /** The 2024 round box: the round, and whatever words remain as the status. */
  static Rounds roundButton(Document doc) throws PageFormatException {
    String text = PageText.of(doc.selectFirst("div.roundBtn"));
    if (text.isEmpty()) {
      return Rounds.NONE;
    }
    Matcher m = ROUND.matcher(text);
    if (!m.find()) {
      return new Rounds(null, null, text);
    }
    String status = PageText.normalize(text.substring(0, m.start()) + " " + text.substring(m.end()));
    return new Rounds(roundNumber(m.group(1), text), roundNumber(m.group(2), text), PageText.blankToNull(status))
        .checked();
  }

  /**
   * The 2026 round: "N/M" in {@code div.round-status}, or "Status of EVM Round: N/M" wherever the page writes it. It
   * carries no status words. A round box that shows a slash but no readable round is an error; none at all is none.
   */
  static Rounds roundStatus(Document doc) throws PageFormatException {
    Element box = doc.selectFirst("div.round-status");
    if (box == null) {
      box = doc.selectFirst(":containsOwn(" + EVM_ROUND + ")");
      if (box != null && PageText.of(box).indexOf('/') < 0 && box.parent() != null) {
        box = box.parent(); // "<span>Status of EVM Round:</span> <b>19/19</b>"
      }
    }
    String text = PageText.of(box);
    int at = text.indexOf(EVM_ROUND);
    String round = at < 0 ? text : text.substring(at + EVM_ROUND.length()).replaceFirst("^ ?: ?", "");
    if (round.indexOf('/') < 0) {
      return Rounds.NONE;
    }
    Matcher m = ROUND.matcher(round);
    if (!m.matches()) {
      throw new PageFormatException("round '" + PageText.excerpt(text, 60) + "' is not 'done/total'");
    }
    return new Rounds(roundNumber(m.group(1), text), roundNumber(m.group(2), text), null).checked();
  }

  private static int roundNumber(String digits, String text) throws PageFormatException {
    if (digits.length() > 4) {
      throw new PageFormatException("round in '" + PageText.excerpt(text, 60) + "' is not a plausible number");
    }
    return Integer.parseInt(digits);
  }
}
