package io.tallycast.events;

import io.vertx.core.json.JsonObject;

/** A candidate's place in a seat's count: who, for which party, with how many votes. */
public record Standing(String candidate, String party, long votes) {

  /** The shape used in events and the API: {"candidate":..,"party":..,"votes":n}. */
  public JsonObject toJson() {
    return new JsonObject().put("candidate", candidate).put("party", party).put("votes", votes);
  }

  static JsonObject json(Standing s) {
    return s == null ? null : s.toJson();
  }
}
