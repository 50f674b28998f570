package io.tallycast.bus;

/**
 * What the operator turned on or off in the overlay besides its scene, saved first so a restart shows the same.
 *
 * @param watchingNow the "N watching now" badge (the total of the platforms' live viewer figures), off by default
 */
public record OverlayOptions(boolean watchingNow) {
  /** A first start: every option off. */
  public static final OverlayOptions DEFAULTS = new OverlayOptions(false);
}
