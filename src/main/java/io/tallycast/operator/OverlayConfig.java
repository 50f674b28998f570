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
    return demo("West Bengal", 2021);
  }

  /** The demo's for a state and year: in English, and for West Bengal in Bengali too (Bengali digits). */
  public static OverlayConfig demo(String state, int year) {
    String subtitle = "";
    if ("West Bengal".equals(state)) {
      StringBuilder digits = new StringBuilder();
      for (char c : Integer.toString(year).toCharArray()) {
        digits.append((char) ('\u09E6' + (c - '0')));
      }
      subtitle = "পশ্চিমবঙ্গ বিধানসভা নির্বাচন " + digits;
    }
    return new OverlayConfig(state + " Assembly Election " + year, subtitle, null);
  }

  /** When a configuration has no {@code overlay:} section: the state's name and nothing else. */
  public static OverlayConfig forState(String state) {
    return new OverlayConfig(state + " Assembly Election", "", null);
  }

  /** A counting day of several states: the election's own name ("Assembly elections, May 2021") as the title. */
  public static OverlayConfig forElection(String name) {
    return new OverlayConfig(name, "", null);
  }
}
