package io.tallycast.scrape.page;

/**
 * One party's row of the party-wise summary ("partywiseresult-S25.htm"), as shown.
 *
 * @param party the page's label, e.g. "All India Trinamool Congress - AITC"; not yet resolved to a party
 */
public record ParsedPartyRow(String party, int won, int leading, int total) {
  /** The short code ECI appends after the last " - " ("AITC"), or null when the label has none. */
  public String abbreviation() {
    int at = party.lastIndexOf(" - ");
    String tail = at < 0 ? "" : party.substring(at + 3).strip();
    return tail.isEmpty() || tail.indexOf(' ') >= 0 ? null : tail;
  }
}
