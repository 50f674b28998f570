package io.tallycast.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a seat's before/after states (and the tally before/after a batch) into events. Pure functions: the store
 * calls them inside its write transaction and gives the results their ids.
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
  public static List<DetectedEvent> seatEvents(SeatState before, SeatState after, String pastParty) {
    Instant at = after.sourceTime();
    List<DetectedEvent> events = new ArrayList<>(3);
    events.add(new DetectedEvent(EventType.SEAT_CHANGED, after.seat(), at,
        new JsonObject().put("before", before.toJson()).put("after", after.toJson())));
    String from = before.leadingParty();
    String to = after.leadingParty();
    if (from != null && to != null && !from.equals(to)) {
      events.add(new DetectedEvent(EventType.LEAD_FLIPPED, after.seat(), at, new JsonObject()
          .put("from", from).put("to", to)
          .put("fromCandidate", before.leader().candidate()).put("toCandidate", after.leader().candidate())
          .put("margin", after.margin())));
    }
    if (after.declared() && !before.declared() && after.leader() != null) {
      events.add(new DetectedEvent(EventType.SEAT_DECLARED, after.seat(), at, declared(after, pastParty)));
    }
    return events;
  }

  static JsonObject declared(SeatState after, String pastParty) {
    String winner = after.leadingParty();
    String result = pastParty == null ? "new" : pastParty.equals(winner) ? "hold" : "gain";
    String text = switch (result) {
      case "hold" -> winner + " hold";
      case "gain" -> winner + " gain from " + pastParty;
      default -> winner + " win";
    };
    return new JsonObject().put("winner", after.leader().toJson()).put("margin", after.margin())
        .put("past", pastParty).put("result", result).put("gainedFrom", "gain".equals(result) ? pastParty : null)
        .put("text", text);
  }

  /**
   * One tally.changed when any party's won or leading count changed. The body lists only the parties whose
   * numbers changed (before and after), so a consumer sees exactly what moved; the full table is in the summary.
   */
  public static Optional<DetectedEvent> tallyEvent(Tally before, Tally after, Instant at) {
    JsonObject was = new JsonObject();
    JsonObject now = new JsonObject();
    for (String party : after.changedFrom(before)) {
      was.put(party, before.count(party).toJson());
      now.put(party, after.count(party).toJson());
    }
    if (now.isEmpty()) {
      return Optional.empty();
    }
    Objects.requireNonNull(at, "a tally change needs the source time of the snapshot that caused it");
    return Optional.of(new DetectedEvent(EventType.TALLY_CHANGED, null, at,
        new JsonObject().put("before", was).put("after", now)));
  }
}
