package io.tallycast.map;

import io.tallycast.election.PartyRegistry;
import io.vertx.core.json.JsonObject;

/**
 * What colour a seat takes: declared = its winner's party colour; counting with a leader = that colour mixed half
 * with white (a lead, not a win, is visibly lighter); counting without a leader or awaiting = neutral grey. Colours are
 * 0xRRGGBB.
 */
public final class SeatColors {
  public static final int NEUTRAL = 0x8A93A0;
  private final PartyRegistry parties;

  public SeatColors(PartyRegistry parties) {
    this.parties = parties;
  }

  /** From the store's seat JSON or an event's "after": {"status":"declared|counting|awaiting","leader":{"party"}}. */
  public int of(JsonObject seat) {
    if (seat == null) {
      return NEUTRAL;
    }
    JsonObject leader = seat.getJsonObject("leader");
    return of(seat.getString("status"), leader == null ? null : leader.getString("party"));
  }

  public int of(String status, String party) {
    if (party == null || status == null) {
      return NEUTRAL;
    }
    Integer colour = parties.byCode(party).or(() -> parties.resolve(party))
        .map(p -> Integer.parseInt(p.color().substring(1), 16)).orElse(null);
    if (colour == null) {
      return NEUTRAL; // the store refuses unknown parties, so this is only a safety net
    }
    return switch (status) {
      case "declared" -> colour;
      case "counting" -> tint(colour);
      default -> NEUTRAL;
    };
  }

  /** Half way to white, channel by channel (rounded up so a tint of white stays white). */
  public static int tint(int rgb) {
    int r = (((rgb >> 16) & 0xFF) + 256) / 2;
    int g = (((rgb >> 8) & 0xFF) + 256) / 2;
    int b = ((rgb & 0xFF) + 256) / 2;
    return r << 16 | g << 8 | b;
  }

  public static String hex(int rgb) {
    return String.format("#%06X", rgb & 0xFFFFFF);
  }
}
