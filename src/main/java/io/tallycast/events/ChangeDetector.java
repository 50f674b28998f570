package io.tallycast.events;

import io.tallycast.bus.LeadFlipped;
import io.tallycast.bus.PartySeats;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.SeatChanged;
import io.tallycast.bus.SeatDeclared;
import io.tallycast.bus.TallyChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a seat's before/after states (and the tally before/after a batch) into events. Pure functions: the store
 * calls them inside its write transaction and gives the results their ids (they come out with id 0).
 */
public final class ChangeDetector {
  private ChangeDetector() {
  }

  /**
   * Events for one seat whose figures changed, in this order: seat.changed always; lead.flipped when one party
   * takes the lead from another (a first lead is not a flip); seat.declared when it becomes declared.
   *
   * @param pastParty the party that won this seat in the past election, or null when there is no past result
   */
  public static List<ResultEvent> seatEvents(SeatState before, SeatState after, String pastParty) {
    Instant at = after.sourceTime();
    List<ResultEvent> events = new ArrayList<>(3);
    events.add(new SeatChanged(0, after.state(), after.seat(), at, before.figures(), after.figures()));
    String from = before.leadingParty();
    String to = after.leadingParty();
    if (from != null && to != null && !from.equals(to)) {
      events.add(new LeadFlipped(0, after.state(), after.seat(), at, from, to, before.leader().candidate(),
          after.leader().candidate(), after.margin()));
    }
    if (after.declared() && !before.declared() && after.leader() != null) {
      events.add(declared(after, pastParty));
    }
    return events;
  }

  static SeatDeclared declared(SeatState after, String pastParty) {
    String winner = after.leadingParty();
    String result = pastParty == null ? "new" : pastParty.equals(winner) ? "hold" : "gain";
    String text = switch (result) {
      case "hold" -> winner + " hold";
      case "gain" -> winner + " gain from " + pastParty;
      default -> winner + " win";
    };
    return new SeatDeclared(0, after.state(), after.seat(), after.sourceTime(), after.leader(), after.margin(),
        pastParty, result,
        "gain".equals(result) ? pastParty : null, text);
  }

  /**
   * One tally.changed of a state when any party's won or leading count in it changed. It lists only the parties whose
   * numbers changed (before and after), so a consumer sees exactly what moved; the full table is in the summary.
   */
  public static Optional<ResultEvent> tallyEvent(String state, Tally before, Tally after, Instant at) {
    Map<String, PartySeats> was = new TreeMap<>();
    Map<String, PartySeats> now = new TreeMap<>();
    for (String party : after.changedFrom(before)) {
      was.put(party, before.count(party));
      now.put(party, after.count(party));
    }
    if (now.isEmpty()) {
      return Optional.empty();
    }
    Objects.requireNonNull(at, "a tally change needs the source time of the snapshot that caused it");
    return Optional.of(new TallyChanged(0, state, null, at, Map.copyOf(was), Map.copyOf(now)));
  }
}
