package io.tallycast.election;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a seat's count stands. The API writes these in lower case. */
public enum SeatStatus {
  AWAITING, COUNTING, DECLARED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SeatStatus fromJson(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  /**
   * ECI wording: "Result Declared", "Result in Progress", "Counting in Progress", blank or "Awaiting" before round 1.
   */
  public static SeatStatus fromEci(String text) {
    String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
    if (t.contains("declared") || t.contains("uncontested")) {
      return DECLARED;
    }
    if (t.contains("progress") || t.contains("counting") || t.contains("trend")) {
      return COUNTING;
    }
    return AWAITING;
  }
}
