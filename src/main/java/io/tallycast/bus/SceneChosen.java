package io.tallycast.bus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The operator (or the scene rotation) put a scene of the overlay on air, saved first so a restart shows the same.
 *
 * @param state on a day of several states, the state whose full, map, tally and ticker scenes show (ECI's code); null
 *              leaves each overlay on the state it follows (and is left out of the JSON)
 */
public record SceneChosen(String scene, @JsonInclude(JsonInclude.Include.NON_NULL) String state) {
  /** A scene of whatever state each overlay follows. */
  public SceneChosen(String scene) {
    this(scene, null);
  }
}
