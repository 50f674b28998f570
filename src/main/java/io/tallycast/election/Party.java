package io.tallycast.election;

import java.util.List;

/**
 * A party as configured: a short code used everywhere inside tallycast, the display name, a colour, other spellings
 * and ECI's own abbreviation where it differs from our code (our CPM is ECI's "CPI(M)").
 */
public record Party(String code, String name, String color, List<String> aliases, String eciCode) {
  public static final String NOTA = "NOTA";
  public static final String INDEPENDENT = "IND";

  public Party {
    aliases = List.copyOf(aliases);
    // ECI writes most codes as we do: the abbreviation then is the code itself, never blank
    eciCode = eciCode == null || eciCode.isBlank() ? code : eciCode.strip();
  }

  /** A party whose ECI abbreviation is its code. */
  public Party(String code, String name, String color, List<String> aliases) {
    this(code, name, color, aliases, null);
  }

  public boolean isNota() {
    return NOTA.equals(code);
  }
}
