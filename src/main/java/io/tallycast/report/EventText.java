package io.tallycast.report;

import io.tallycast.bus.LeadFlipped;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.SeatDeclared;
import io.tallycast.store.NightRecord.Seat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says a declaration or a lead flip in a line, from the event's own fields and the seat's name: "BJP gain from AITC
 * in RAJGANJ (CANDIDATE)". Plain text: whoever shows it escapes it (names come from the results site).
 */
public final class EventText {
  private final Map<String, String> names = new HashMap<>();
  private final boolean severalStates;

  public EventText(List<Seat> seats) {
    seats.forEach(s -> names.put(s.state() + " " + s.no(), s.name()));
    severalStates = seats.stream().map(Seat::state).distinct().count() > 1;
  }

  /** The line for a declaration or a lead flip; other events are not told. */
  public Optional<String> describe(ResultEvent event) {
    if (event instanceof SeatDeclared d) {
      String who = d.winner() == null ? "" : " (" + d.winner().candidate() + ")";
      String what = d.text() != null ? d.text() : d.winner() == null ? "declared" : d.winner().party() + " win";
      return Optional.of(what + " in " + seat(d) + who);
    }
    if (event instanceof LeadFlipped f) {
      String who = f.toCandidate() == null ? "" : " (" + f.toCandidate() + ")";
      return Optional.of(f.to() + " takes the lead from " + f.from() + " in " + seat(f) + who);
    }
    return Optional.empty();
  }

  private String seat(ResultEvent e) {
    String name = names.get(e.state() + " " + e.seat());
    String label = name == null ? "seat " + e.seat() : name;
    return severalStates ? label + " (" + e.state() + ")" : label;
  }
}
