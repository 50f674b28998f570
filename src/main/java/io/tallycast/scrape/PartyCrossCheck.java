package io.tallycast.scrape;

import io.tallycast.bus.PartySeats;
import io.tallycast.bus.StoredTally;
import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import io.tallycast.scrape.page.ParsedPartyRow;
import io.tallycast.scrape.page.ParsedPartySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the site's own party-wise summary with the tally of what we stored. They differ for a cycle while figures
 * move (the pages are read moments apart), so only a difference that stays for {@link #CYCLES_TO_WARN} checks in a row
 * is reported: then the site and the broadcast disagree, and the operator must know (a refused seat, an override, a
 * party mapped to the wrong code, or the site contradicting itself).
 */
final class PartyCrossCheck {
  static final int CYCLES_TO_WARN = 3;

  /** One party whose figures differ: the site's and ours. */
  record Difference(String party, int siteWon, int siteLeading, int ourWon, int ourLeading) {
    @Override
    public String toString() {
      return party + ": the site's party-wise page says won " + siteWon + ", leading " + siteLeading + "; we have won "
          + ourWon + ", leading " + ourLeading;
    }
  }

  private final PartyRegistry parties;
  private List<Difference> last = List.of();
  private int sameFor;

  PartyCrossCheck(PartyRegistry parties) {
    this.parties = parties;
  }

  /** The differences between the two (empty when they agree), parties in code order. */
  List<Difference> differences(ParsedPartySummary site, StoredTally ours) {
    Map<String, int[]> bySite = new TreeMap<>();
    for (ParsedPartyRow row : site.rows()) {
      int[] n = bySite.computeIfAbsent(code(row), k -> new int[2]);
      n[0] += row.won();
      n[1] += row.leading();
    }
    TreeSet<String> all = new TreeSet<>(bySite.keySet());
    all.addAll(ours.byParty().keySet());
    List<Difference> out = new ArrayList<>();
    for (String party : all) {
      int[] s = bySite.getOrDefault(party, new int[2]);
      PartySeats o = ours.count(party);
      if (s[0] != o.won() || s[1] != o.leading()) {
        out.add(new Difference(party, s[0], s[1], o.won(), o.leading()));
      }
    }
    return out;
  }

  /**
   * Records this check's outcome; returns the differences once they have stayed the same for
   * {@link #CYCLES_TO_WARN} checks in a row, else an empty list.
   */
  List<Difference> check(ParsedPartySummary site, StoredTally ours) {
    List<Difference> now = differences(site, ours);
    sameFor = now.isEmpty() ? 0 : now.equals(last) ? sameFor + 1 : 1;
    last = now;
    return sameFor >= CYCLES_TO_WARN ? now : List.of();
  }

  /**
   * How many seat counts the differences add up to (a seat moved from one party's column to another's counts twice, as
   * in a seat an operator declared for another party than the site shows).
   */
  static long seatsApart(List<Difference> differences) {
    long apart = 0;
    for (Difference d : differences) {
      apart += Math.abs(d.siteWon() - d.ourWon()) + Math.abs(d.siteLeading() - d.ourLeading());
    }
    return apart;
  }

  /** "Bharatiya Janata Party - BJP" resolves as a whole, by its name or by its code; unknown labels stay as written. */
  private String code(ParsedPartyRow row) {
    return parties.resolve(row.party()).map(Party::code)
        .or(() -> row.abbreviation() == null ? java.util.Optional.empty() : parties.resolve(row.abbreviation())
            .map(Party::code))
        .orElse(row.party().strip().replaceAll("\\s+", " "));
  }
}
