package io.tallycast.election;

import java.util.regex.Pattern;

/**
 * ECI's state codes, as its URLs and live JSON write them: "S" and two digits for a state (S25 West Bengal), "U" and
 * two digits for a union territory (U07 Puducherry). A seat is a state code and a number everywhere.
 */
public final class StateCodes {
  private static final Pattern CODE = Pattern.compile("[SU]\\d{2}");

  private StateCodes() {
  }

  /** The code as given when it is one, else a clear refusal. */
  public static String check(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("not an ECI state code: '" + code + "' (S and two digits for a state, "
          + "e.g. S25 West Bengal; U and two digits for a union territory, e.g. U07 Puducherry)");
    }
    return code;
  }

  /**
   * A code as a file writes it: "S25", or a bare state number (25) as files written before union territories were
   * followed, which is S25. Anything else is returned as given: {@link ElectionData} checks it, naming the rule.
   */
  public static String parse(String text) {
    if (text == null || text.isBlank() || !text.strip().chars().allMatch(Character::isDigit)) {
      return text;
    }
    return ofStateNumber(Integer.parseInt(text.strip()));
  }

  /** A state's code from its number alone, as configurations before union territories wrote it (25 is S25). */
  public static String ofStateNumber(int number) {
    return check(String.format("S%02d", number));
  }
}
