package io.tallycast.replay;

/** One page of the results site; {@code number} is the list page or the seat, 0 for the others. */
record PageRef(Kind kind, int number) {
  enum Kind { INDEX, PARTY, LIST, SEAT }

  static final PageRef INDEX = new PageRef(Kind.INDEX, 0);
  static final PageRef PARTY = new PageRef(Kind.PARTY, 0);

  static PageRef list(int page) {
    return new PageRef(Kind.LIST, page);
  }

  static PageRef seat(int seat) {
    return new PageRef(Kind.SEAT, seat);
  }

  boolean isSeat() {
    return kind == Kind.SEAT;
  }

  /** ECI's file names: partywiseresult-S25.htm, statewiseS251.htm, ConstituencywiseS2512.htm. */
  String fileName(int stateCode) {
    return switch (kind) {
      case INDEX -> "index.htm";
      case PARTY -> "partywiseresult-S" + stateCode + ".htm";
      case LIST -> "statewiseS" + stateCode + number + ".htm";
      case SEAT -> "ConstituencywiseS" + stateCode + number + ".htm";
    };
  }

  /** The page a file name asks for, or null; range checks are the caller's. */
  static PageRef parse(String fileName, int stateCode) {
    if (fileName == null || fileName.isEmpty() || fileName.equals("index.htm")) {
      return INDEX;
    }
    if (fileName.equals(PARTY.fileName(stateCode))) {
      return PARTY;
    }
    Integer page = number(fileName, "statewiseS" + stateCode);
    if (page != null) {
      return list(page);
    }
    Integer seat = number(fileName, "ConstituencywiseS" + stateCode);
    return seat == null ? null : seat(seat);
  }

  private static Integer number(String fileName, String stem) {
    if (!fileName.startsWith(stem) || !fileName.endsWith(".htm")) {
      return null;
    }
    String digits = fileName.substring(stem.length(), fileName.length() - ".htm".length());
    // exactly the canonical spelling: "S2501.htm" is not seat 1
    if (digits.isEmpty() || digits.length() > 6 || digits.charAt(0) == '0' || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(digits);
  }
}
