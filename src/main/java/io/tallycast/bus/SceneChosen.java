package io.tallycast.bus;

/** The operator put a scene of the overlay on air (saved first, so a restart shows the same). */
public record SceneChosen(String scene) {
}
