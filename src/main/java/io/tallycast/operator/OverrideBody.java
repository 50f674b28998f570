package io.tallycast.operator;

import io.tallycast.bus.OverrideRelease;
import io.tallycast.bus.SeatOverride;
import io.tallycast.bus.Standing;
import io.tallycast.election.SeatStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the console's override and release bodies. Every mistake is an IllegalArgumentException whose message names
 * the field and what was wrong with it: it becomes the 400's {"error"}. Fields the API does not know are ignored
 * (the console may send a seat's candidates back as /api/constituencies/{no} gave them).
 */
final class OverrideBody {
  private OverrideBody() {
  }

  /**
   * {"reason","status":"counting|declared","candidates":[{"candidate","party","votes"}]?,"rounds":{"done","total"}?}.
   */
  static SeatOverride override(String state, int seat, JsonObject body) {
    String reason = text(body.getValue("reason"), "reason");
    Object status = body.getValue("status");
    if (status == null) {
      throw new IllegalArgumentException("'status' is required: counting or declared");
    }
    if (!"counting".equals(status) && !"declared".equals(status)) {
      throw new IllegalArgumentException("'status' must be counting or declared, not '" + status + "'");
    }
    List<Standing> candidates = candidates(body.getValue("candidates"));
    Integer done = null;
    Integer total = null;
    Object rounds = body.getValue("rounds");
    if (rounds != null) {
      if (!(rounds instanceof JsonObject r)) {
        throw new IllegalArgumentException("'rounds' must be {\"done\": n, \"total\": n}");
      }
      done = r.getValue("done") == null ? null : (int) whole(r.getValue("done"), "rounds.done", 1_000);
      total = r.getValue("total") == null ? null : (int) whole(r.getValue("total"), "rounds.total", 1_000);
    }
    return new SeatOverride(state, seat, reason, "declared".equals(status) ? SeatStatus.DECLARED : SeatStatus.COUNTING,
        candidates, done, total);
  }

  /** {"reason"}. */
  static OverrideRelease release(String state, int seat, JsonObject body) {
    return new OverrideRelease(state, seat, text(body.getValue("reason"), "reason"));
  }

  private static List<Standing> candidates(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray list)) {
      throw new IllegalArgumentException("'candidates' must be a list of {\"candidate\", \"party\", \"votes\"}");
    }
    List<Standing> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String at = "candidates[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject c)) {
        throw new IllegalArgumentException("'" + at + "' must be {\"candidate\", \"party\", \"votes\"}");
      }
      String name = text(c.getValue("candidate"), at + ".candidate");
      String party = text(c.getValue("party"), at + ".party");
      if (name == null || name.isBlank() || party == null || party.isBlank()) {
        throw new IllegalArgumentException("'" + at + "' needs a 'candidate' name and a 'party'");
      }
      if (c.getValue("votes") == null) {
        throw new IllegalArgumentException("'" + at + ".votes' is required");
      }
      out.add(new Standing(name, party, whole(c.getValue("votes"), at + ".votes", 1_000_000_000L)));
    }
    return out;
  }

  private static String text(Object value, String field) {
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException("'" + field + "' must be text");
    }
    return (String) value;
  }

  /** A whole number from 0 to max: 12 or 12.0, not 12.5, "12", -1 or true. */
  private static long whole(Object value, String field, long max) {
    String problem = "'" + field + "' must be a whole number from 0 to " + max + ", not " + value;
    if (!(value instanceof Number n) || value instanceof Double d && !Double.isFinite(d)) {
      throw new IllegalArgumentException(problem);
    }
    BigDecimal exact = value instanceof BigInteger b ? new BigDecimal(b) : value instanceof BigDecimal d ? d
        : value instanceof Double ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
    if (exact.signum() < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0 || exact.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(problem);
    }
    return exact.longValueExact();
  }
}
