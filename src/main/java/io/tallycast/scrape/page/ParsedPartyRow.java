package io.tallycast.scrape.page;

/**
 * One party's row of the party-wise summary ("partywiseresult-S25.htm"), as shown.
 *
 * @param party      the page's label, e.g. "All India Trinamool Congress - AITC"; not yet resolved to a party
 * @param eciPartyId ECI's own number for the party, from the row's links ("partywisewinresult-3679S22.htm" gives
 *                   3679); null when the row links nowhere (a party with no seat won or leading yet)
 */
public record ParsedPartyRow(String party, int won, int leading, int total, Integer eciPartyId) {
  /** Without ECI's party number, for callers that build rows by hand. */
  public ParsedPartyRow(String party, int won, int leading, int total) {
    this(party, won, leading, total, null);
  }

  /** The short code ECI appends after the last " - " ("AITC"), or null when the label has none. */
  public String abbreviation() {
    int at = party.lastIndexOf(" - ");
    String tail = at < 0 ? "" : party.substring(at + 3).strip();
    return tail.isEmpty() || tail.indexOf(' ') >= 0 ? null : tail;
  }
}
