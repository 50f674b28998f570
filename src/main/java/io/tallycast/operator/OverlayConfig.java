package io.tallycast.operator;

import java.nio.file.Path;

/**
 * What the overlay shows besides the results: a title, a subtitle and a logo (a file, served at
 * {@value OverlaySettings#LOGO_ROUTE}; without one the overlay's own {@value OverlaySettings#DEFAULT_LOGO}).
 *
 * @param logo an image file, or null
 */
public record OverlayConfig(String title, String subtitle, Path logo) {

  public OverlayConfig {
    title = title == null ? "" : title.strip();
    subtitle = subtitle == null ? "" : subtitle.strip();
  }

  /** The demo's: West Bengal 2021, in English and Bengali. */
  public static OverlayConfig demo() {
    return new OverlayConfig("West Bengal Assembly Election 2021", "পশ্চিমবঙ্গ বিধানসভা নির্বাচন ২০২১", null);
  }

  /** When a configuration has no {@code overlay:} section: the state's name and nothing else. */
  public static OverlayConfig forState(String state) {
    return new OverlayConfig(state + " Assembly Election", "", null);
  }
}
