package io.tallycast.scrape.page;

import java.util.List;
import org.jsoup.nodes.Document;

/**
 * The 2026 cards page ("candidateswise-S25100.htm", ResultAcGenMay2026, and our replay site): the 2024 cards
 * ({@link EciCardsSeatPageParser}) under the 2026 title and {@code div.round-status} ("Status of EVM Round: 19/19"),
 * with the footer "Last Updated at {@code <span>08:42 PM On 04/05/2026</span>}". A "won" card means the result is
 * declared; a "leading"/"trailing" card means counting goes on. The marks are checked against the votes: the card
 * marked won or leading is the one with the most votes, and a page never marks both a winner and a leader.
 */
final class Eci2026CardsSeatPageParser {
  static final String LAYOUT = "eci-2026-cards";

  private Eci2026CardsSeatPageParser() {
  }

  static ParsedSeatPage parse(Document doc) throws PageFormatException {
    List<EciCardsSeatPageParser.Card> cards = EciCardsSeatPageParser.read(doc);
    String status = status(cards);
    SeatHeading.Title title = SeatHeading.title(doc);
    if (title == null) {
      throw new PageFormatException("no constituency title ('100 - Name (State)') on page");
    }
    SeatHeading.Rounds rounds = SeatHeading.roundStatus(doc);
    LastUpdated.Stamp stamp = LastUpdated.require(doc, ".foot-content", LastUpdated.DAY_FIRST);
    return new ParsedSeatPage(LAYOUT, title.seatNo(), title.seatName(), title.state(),
        EciCardsSeatPageParser.candidates(cards), null, null, null, stamp.text(), stamp.time(), rounds.done(),
        rounds.total(), status);
  }

  /** "Result Declared" for a won card, "Result in Progress" for leading/trailing cards, null when none is marked. */
  private static String status(List<EciCardsSeatPageParser.Card> cards) throws PageFormatException {
    EciCardsSeatPageParser.Card first = null;
    long most = -1;
    int won = 0;
    int leading = 0;
    int trailing = 0;
    for (EciCardsSeatPageParser.Card c : cards) {
      switch (c.mark()) {
        case "won" -> won++;
        case "leading" -> leading++;
        case "trailing" -> trailing++;
        default -> {
        }
      }
      if ((c.mark().equals("won") || c.mark().equals("leading")) && first == null) {
        first = c;
      }
      if (!c.candidate().isNota()) {
        most = Math.max(most, c.candidate().totalVotes());
      }
    }
    if (won + leading > 1 || won > 0 && trailing > 0) {
      throw new PageFormatException("the cards mark " + won + " won, " + leading + " leading and " + trailing
          + " trailing: not one count");
    }
    if (first != null && first.candidate().totalVotes() < most) {
      throw new PageFormatException("card of " + PageText.excerpt(first.candidate().name(), 60) + " is marked "
          + first.mark() + " with " + first.candidate().totalVotes() + " votes but another card has " + most);
    }
    return won > 0 ? EciStatuses.DECLARED : leading + trailing > 0 ? EciStatuses.IN_PROGRESS : null;
  }
}
