package io.tallycast.derive;

import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one party table of every embedded election: the catalogue's parties resolve the sources' labels; ECI's own
 * abbreviations are learnt from its live JSON; colours come from the two third-party palettes (ElectionLens first,
 * then 143prudhvi, by code and then by name), the catalogue's overrides first, then the colour ECI's live JSON paints
 * the party in, a neutral grey last.
 */
final class PartyTable {
  static final String ELECTIONLENS = "parties/colors-electionlens.csv";
  static final String PRUDHVI = "parties/colors-143prudhvi.csv";
  private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

  private final PartyRegistry catalogue;
  private final Map<String, String> eciCodes = new TreeMap<>();
  private final Map<String, String> eciColours = new TreeMap<>();

  PartyTable() {
    List<Party> known = new ArrayList<>();
    for (PartyCatalogue.Known k : PartyCatalogue.PARTIES) {
      known.add(new Party(k.code(), k.name(), PartyCatalogue.NEUTRAL_GREY, k.aliases()));
    }
    catalogue = new PartyRegistry(known);
  }

  /** The code of the party a row's cell names, or a refusal naming the label, file and line. */
  String code(SourceRow row, String column) {
    String label = row.text(column);
    return resolve(label).map(Party::code).orElseThrow(() -> row.problem("unknown party '" + label
        + "' (add it to io.tallycast.derive.PartyCatalogue)"));
  }

  Optional<Party> resolve(String label) {
    return catalogue.resolve(label);
  }

  /** Records that ECI writes our party {@code code} as {@code eci}; a second, different abbreviation is refused. */
  void learnEciCode(String code, String eci, String file) {
    if (code.equals(eci)) {
      return;
    }
    String before = eciCodes.putIfAbsent(code, eci);
    if (before != null && !before.equals(eci)) {
      throw new SourceProblem(file, 0, "ECI writes " + code + " both as '" + before + "' and as '" + eci + "'");
    }
  }

  /** The colour ECI paints a party in its live JSON: used where neither palette knows the party (AJUP, AISF). */
  void learnEciColour(String code, String colour) {
    if (COLOUR.matcher(colour.strip()).matches()) {
      eciColours.putIfAbsent(code, colour.strip());
    }
  }

  /** The final table in code order: colours, ECI abbreviations, and only aliases that normalising does not cover. */
  List<Party> parties(Path shared) throws IOException {
    Map<String, String> palette = palette(shared);
    List<Party> out = new ArrayList<>();
    for (Party p : catalogue.all()) {
      String eci = eciCodes.getOrDefault(p.code(), "");
      String colour = PartyCatalogue.COLOUR_OVERRIDES.get(p.code());
      if (colour == null) {
        colour = palette.get(p.code());
      }
      if (colour == null) {
        colour = palette.get(PartyRegistry.normalize(p.name()));
      }
      if (colour == null) {
        colour = eciColours.getOrDefault(p.code(), PartyCatalogue.NEUTRAL_GREY);
      }
      List<String> covered = List.of(PartyRegistry.normalize(p.code()), PartyRegistry.normalize(p.name()),
          PartyRegistry.normalize(eci));
      List<String> aliases = p.aliases().stream().filter(a -> !covered.contains(PartyRegistry.normalize(a)))
          .sorted(Comparator.comparing((String a) -> a.toLowerCase(Locale.ROOT)).thenComparing(a -> a)).toList();
      out.add(new Party(p.code(), p.name(), colour.toUpperCase(Locale.ROOT), aliases, eci));
    }
    out.sort(Comparator.comparing(Party::code));
    return out;
  }

  /** Code and normalised name to colour; ElectionLens wins over 143prudhvi where both know a party. */
  private static Map<String, String> palette(Path shared) throws IOException {
    Map<String, String> colours = new HashMap<>();
    for (SourceRow row : SourceTable.read(shared, PRUDHVI, "code", "name", "color")) {
      colours.put(row.text("code"), colour(row));
      colours.put(PartyRegistry.normalize(row.text("name")), colour(row));
    }
    for (SourceRow row : SourceTable.read(shared, ELECTIONLENS, "key", "name", "color")) {
      colours.put(row.text("key"), colour(row));
      colours.put(PartyRegistry.normalize(row.text("name")), colour(row));
    }
    return colours;
  }

  private static String colour(SourceRow row) {
    String colour = row.text("color");
    if (!COLOUR.matcher(colour).matches()) {
      throw row.problem("colour '" + colour + "' is not #rrggbb");
    }
    return colour;
  }
}
