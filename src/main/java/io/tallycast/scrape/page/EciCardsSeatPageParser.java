package io.tallycast.scrape.page;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The 2024 assembly "candidate cards" page (candidateswise-S{state}{ac}.htm): one {@code div.cand-box} per candidate
 * with {@code .status.won}/{@code .status.lost}, the votes as {@code 146839 <span>(+ 53204)</span>} and the name and
 * party in {@code .nme-prty h5}/{@code h6}. Cards show only total votes: evmVotes carries the total and postalVotes 0
 * (so evm + postal = total still holds), and there is no Total row, so the footer fields are null. The margins each
 * card shows are checked against the votes, which catches most cut-off pages; a page cut exactly between two trailing
 * cards cannot be told from a complete one, so prefer the table page where it exists. The 2026 cards page
 * ({@link Eci2026CardsSeatPageParser}) reads its cards here too.
 */
final class EciCardsSeatPageParser {
  static final String LAYOUT = "eci-2024-cards";

  /**
   * One card. Cards are told apart by their place on the page, never by name: two candidates may share one (seat 100
   * of West Bengal 2026 has two DEBDAS MONDALs).
   *
   * @param mark the card's status class: "won", "lost", "leading", "trailing", or "" (NOTA has none)
   */
  record Card(ParsedCandidate candidate, Long margin, String mark) {
  }

  private static final List<String> MARKS = List.of("won", "lost", "leading", "trailing");

  private EciCardsSeatPageParser() {
  }

  static ParsedSeatPage parse(Document doc) throws PageFormatException {
    List<Card> cards = read(doc);
    boolean declared = cards.stream().anyMatch(c -> c.mark().equals("won"));
    SeatHeading.Title title = SeatHeading.title(doc);
    SeatHeading.Rounds rounds = SeatHeading.roundButton(doc);
    LastUpdated.Stamp stamp = LastUpdated.find(doc, ".sm-text", LastUpdated.DAY_FIRST);
    // A "won" card is the page's only sign of a declared result when it has no round box.
    String status = rounds.status() != null ? rounds.status() : declared ? EciStatuses.DECLARED : null;
    return new ParsedSeatPage(LAYOUT, title == null ? null : title.seatNo(), title == null ? null : title.seatName(),
        title == null ? null : title.state(), candidates(cards), null, null, null,
        stamp == null ? null : stamp.text(), stamp == null ? null : stamp.time(), rounds.done(), rounds.total(),
        status);
  }

  /** Every card in page order, each complete, their margins checked against their votes. */
  static List<Card> read(Document doc) throws PageFormatException {
    List<Card> cards = new ArrayList<>();
    for (Element box : doc.select("div.cand-box")) {
      cards.add(card(cards.size() + 1, box));
    }
    if (cards.isEmpty()) {
      throw new PageFormatException("no candidate cards on page");
    }
    checkMargins(cards);
    return cards;
  }

  static List<ParsedCandidate> candidates(List<Card> cards) {
    List<ParsedCandidate> candidates = new ArrayList<>(cards.size());
    for (Card c : cards) {
      candidates.add(c.candidate());
    }
    return List.copyOf(candidates);
  }

  private static Card card(int no, Element box) throws PageFormatException {
    String name = PageText.of(box.selectFirst(".nme-prty h5"));
    String label = "card " + no + (name.isEmpty() ? "" : " (" + PageText.excerpt(name, 60) + ")");
    String party = PageText.of(box.selectFirst(".nme-prty h6"));
    Element status = box.selectFirst(".status");
    Element votesBox = null;
    if (status != null) {
      for (Element div : status.children()) {
        if (div.normalName().equals("div") && PageText.count(PageText.own(div)) != null) {
          votesBox = div; // the other one holds the word "won"/"lost"
        }
      }
    }
    if (name.isEmpty() || party.isEmpty() || votesBox == null) {
      throw new PageFormatException(label + " lacks " + (name.isEmpty() ? "the name" : party.isEmpty() ? "the party"
          : "a number of votes") + " (truncated?)");
    }
    long votes = CandidateTable.number(PageText.own(votesBox), label, "votes");
    Long margin = margin(PageText.of(votesBox.selectFirst("span")), label);
    String mark = "";
    for (String m : MARKS) {
      if (status.hasClass(m)) {
        mark = m;
      }
    }
    return new Card(new ParsedCandidate(name, party, votes, 0, votes, null), margin, mark);
  }

  /** "(+ 53204)" or "( -53204)"; null when the card shows none. */
  private static Long margin(String text, String label) throws PageFormatException {
    String t = text.replace("(", "").replace(")", "").replace(" ", "");
    if (t.isEmpty()) {
      return null;
    }
    boolean negative = t.startsWith("-");
    Long n = PageText.count(negative || t.startsWith("+") ? t.substring(1) : t);
    if (n == null) {
      throw new PageFormatException(label + ": margin '" + PageText.excerpt(text, 40) + "' is not a number");
    }
    return negative ? -n : n;
  }

  /** The leader shows its lead over the runner-up, everyone else their distance to the leader. */
  private static void checkMargins(List<Card> cards) throws PageFormatException {
    Card leader = null;
    Card second = null;
    for (Card c : cards) {
      if (c.candidate().isNota()) {
        continue;
      }
      if (leader == null || c.candidate().totalVotes() > leader.candidate().totalVotes()) {
        second = leader;
        leader = c;
      } else if (second == null || c.candidate().totalVotes() > second.candidate().totalVotes()) {
        second = c;
      }
    }
    if (leader == null) {
      return;
    }
    long top = leader.candidate().totalVotes();
    for (Card c : cards) {
      long expected = c == leader ? second == null ? top : top - second.candidate().totalVotes()
          : c.candidate().totalVotes() - top;
      if (c.margin() != null && c.margin() != expected && !(c == leader && second == null)) {
        throw new PageFormatException("card of " + PageText.excerpt(c.candidate().name(), 60) + " shows a margin of "
            + c.margin() + " but the votes on the page give " + expected + " (a card missing?)");
      }
    }
  }
}
