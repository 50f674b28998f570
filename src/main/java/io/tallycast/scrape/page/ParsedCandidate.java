package io.tallycast.scrape.page;

/** One row of a constituency page exactly as shown: party is the page's label, not yet resolved. */
public record ParsedCandidate(String name, String party, long evmVotes, long postalVotes, long totalVotes,
                              Double percent) {
  /** ECI lists "None of the Above" as a row; it is never a leader or a winner. */
  public boolean isNota() {
    return "NOTA".equalsIgnoreCase(name.strip())
        || party.toLowerCase(java.util.Locale.ROOT).contains("none of the above");
  }
}
