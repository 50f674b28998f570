package io.tallycast.replay;

import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import java.util.Map;

/** How ECI's site names and numbers a party: its abbreviation, its full name, its numeric id in link names. */
final class EciParties {
  /**
   * ECI's numeric party ids as the real 2026 site writes them in {@code partywiseleadresult-{id}S22.htm}, keyed by
   * ECI's abbreviation. Every other party gets a made-up id from {@link #madeUpId}.
   */
  private static final Map<String, Integer> KNOWN_IDS = Map.ofEntries(
      Map.entry("BJP", 369), Map.entry("AITC", 140), Map.entry("INC", 742), Map.entry("CPI(M)", 547),
      Map.entry("AJUP", 3735), Map.entry("AISF", 3075), Map.entry("TVK", 3679), Map.entry("DMK", 582),
      Map.entry("ADMK", 75), Map.entry("PMK", 1272), Map.entry("IUML", 772), Map.entry("CPI", 544),
      Map.entry("DMDK", 581), Map.entry("VCK", 1847), Map.entry("AMMKMNKZ", 2866));

  private final PartyRegistry parties;

  EciParties(PartyRegistry parties) {
    this.parties = parties;
  }

  /** ECI's abbreviation of a party, which can differ from our code (our CPM is ECI's "CPI(M)"). */
  static String abbreviation(Party party) {
    return party.eciCode();
  }

  /** The abbreviation of a party code (the code itself when the registry does not know it). */
  String abbreviation(String code) {
    return parties.byCode(code).map(EciParties::abbreviation).orElse(code);
  }

  /** The full name ECI writes in the list and seat pages. */
  String name(String code) {
    return parties.byCode(code).map(Party::name).orElse(code);
  }

  /** "#rrggbb" as our palette has it; ECI's own colours differ, the map only needs one per party. */
  String colour(String code) {
    return parties.byCode(code).map(Party::color).orElse("#DDDDDD");
  }

  static int id(String abbreviation) {
    Integer known = KNOWN_IDS.get(abbreviation);
    return known != null ? known : madeUpId(abbreviation);
  }

  /** Stable across runs and machines (String.hashCode is specified), and far above the ids ECI is known to use. */
  static int madeUpId(String abbreviation) {
    return 100_000 + Math.floorMod(abbreviation.hashCode(), 900_000);
  }
}
