package io.tallycast.election;

import java.util.List;

/** A party as configured: a short code used everywhere inside tallycast, the display name, a colour and other spellings. */
public record Party(String code, String name, String color, List<String> aliases) {
  public static final String NOTA = "NOTA";
  public static final String INDEPENDENT = "IND";

  public boolean isNota() {
    return NOTA.equals(code);
  }
}
