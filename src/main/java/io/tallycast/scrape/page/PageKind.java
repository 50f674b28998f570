package io.tallycast.scrape.page;

/** What an ECI results page is, whatever its layout: the operator's first question about a URL. */
public enum PageKind {
  /** "statewiseS{state}{page}.htm": one row per seat, about 20 a page. */
  LIST("state-wise list"),
  /** "partywiseresult-S{state}.htm": seats won and leading per party. */
  PARTY_SUMMARY("party-wise summary"),
  /** "ConstituencywiseS{state}{ac}.htm" or "candidateswise-S{state}{ac}.htm": one seat's candidates and votes. */
  CONSTITUENCY("constituency"),
  /** "election-json-S{state}-live.json": the leader of every seat, for one or more states. */
  LIVE_JSON("live results JSON");

  private final String label;

  PageKind(String label) {
    this.label = label;
  }

  /** How an operator calls it ("state-wise list"). */
  public String label() {
    return label;
  }
}
