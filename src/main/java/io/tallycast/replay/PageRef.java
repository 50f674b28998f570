package io.tallycast.replay;

/**
 * One page of the results site, named as ECI's 2026 site names it ({@code results.eci.gov.in/ResultAcGenMay2026/}).
 * {@code number} is the list page or the seat (AC number), 0 for the others.
 */
public record PageRef(Kind kind, int number) {
  public enum Kind {
    /** {@code index.htm}: our own entry page (the real index was never saved). */
    INDEX,
    /** {@code partywiseresult-S25.htm}: the party-wise summary. */
    PARTY,
    /** {@code statewiseS25{page}.htm}: 20 seats a page, sorted by name. */
    LIST,
    /** {@code candidateswise-S25{ac}.htm}: one card per candidate. */
    CANDIDATES,
    /** {@code ConstituencywiseS25{ac}.htm}: the candidates' table (the page name of 2019 and 2024 too). */
    CONSTITUENCY,
    /** {@code election-json-S25-live.json}: every seat's leader, for ECI's own map. */
    LIVE_JSON
  }

  public static final PageRef INDEX = new PageRef(Kind.INDEX, 0);
  public static final PageRef PARTY = new PageRef(Kind.PARTY, 0);
  public static final PageRef LIVE_JSON = new PageRef(Kind.LIVE_JSON, 0);

  public static PageRef list(int page) {
    return new PageRef(Kind.LIST, page);
  }

  public static PageRef candidates(int seat) {
    return new PageRef(Kind.CANDIDATES, seat);
  }

  public static PageRef constituency(int seat) {
    return new PageRef(Kind.CONSTITUENCY, seat);
  }

  /** A page about one seat (cards or table). */
  public boolean isSeat() {
    return kind == Kind.CANDIDATES || kind == Kind.CONSTITUENCY;
  }

  /** A page drawn from the whole state at once (list pages, party summary, live JSON). */
  public boolean isWholeState() {
    return kind == Kind.LIST || kind == Kind.PARTY || kind == Kind.LIVE_JSON;
  }

  public boolean isJson() {
    return kind == Kind.LIVE_JSON;
  }

  /** The same kind of page for another seat. */
  PageRef withNumber(int value) {
    return new PageRef(kind, value);
  }

  /** ECI's file names: partywiseresult-S25.htm, statewiseS251.htm, candidateswise-S2512.htm ... */
  public String fileName(String state) {
    return switch (kind) {
      case INDEX -> "index.htm";
      case PARTY -> "partywiseresult-" + state + ".htm";
      case LIST -> "statewise" + state + number + ".htm";
      case CANDIDATES -> "candidateswise-" + state + number + ".htm";
      case CONSTITUENCY -> "Constituencywise" + state + number + ".htm";
      case LIVE_JSON -> "election-json-" + state + "-live.json";
    };
  }

  /** The page a file name asks for, or null; range checks are the caller's. */
  static PageRef parse(String fileName, String state) {
    if (fileName == null || fileName.isEmpty() || fileName.equals("index.htm")) {
      return INDEX;
    }
    if (fileName.equals(PARTY.fileName(state))) {
      return PARTY;
    }
    if (fileName.equals(LIVE_JSON.fileName(state))) {
      return LIVE_JSON;
    }
    Integer n = number(fileName, "statewise" + state);
    if (n != null) {
      return list(n);
    }
    n = number(fileName, "candidateswise-" + state);
    if (n != null) {
      return candidates(n);
    }
    n = number(fileName, "Constituencywise" + state);
    return n == null ? null : constituency(n);
  }

  private static Integer number(String fileName, String stem) {
    if (!fileName.startsWith(stem) || !fileName.endsWith(".htm")) {
      return null;
    }
    String digits = fileName.substring(stem.length(), fileName.length() - ".htm".length());
    // exactly the canonical spelling: "S2501.htm" is not seat 1
    if (digits.isEmpty() || digits.length() > 6 || digits.charAt(0) == '0'
        || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(digits);
  }
}
