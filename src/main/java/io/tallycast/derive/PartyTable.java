package io.tallycast.derive;

import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one party table of every embedded election: the catalogue's parties resolve the sources' labels; ECI's own
 * abbreviations are learnt from its live JSON; colours come from the two third-party palettes (ElectionLens first,
 * then 143prudhvi, by code and then by name), the catalogue's overrides first, then the colour ECI's live JSON paints
 * the party in, and last a colour of the party's own; none a map would take for its grey of an undecided seat.
 */
final class PartyTable {
  static final String ELECTIONLENS = "parties/colors-electionlens.csv";
  static final String PRUDHVI = "parties/colors-143prudhvi.csv";
  private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

  private PartyRegistry catalogue;
  /** Parties the catalogue does not name, given a code by rule ({@link LokSabhaParties#minorCode}): code to name. */
  private final Map<String, String> minor = new TreeMap<>();
  private final Map<String, String> eciCodes = new TreeMap<>();
  private final Map<String, String> eciColours = new TreeMap<>();

  PartyTable() {
    List<Party> known = new ArrayList<>();
    for (PartyCatalogue.Known k : LokSabhaParties.all()) {
      known.add(new Party(k.code(), k.name(), PartyCatalogue.NO_COLOUR_YET, k.aliases()));
    }
    catalogue = new PartyRegistry(known);
  }

  /** The code of the party a row's cell names, or a refusal naming the label, file and line. */
  String code(SourceRow row, String column) {
    String label = row.text(column);
    return resolve(label).map(Party::code).orElseThrow(() -> row.problem("unknown party '" + label
        + "' (add it to io.tallycast.derive.PartyCatalogue)"));
  }

  /**
   * Gives each of these labels that no party names a code by rule, in name order so the codes do not depend on the
   * order of a file; returns how many were added.
   */
  int addMinor(Collection<String> labels) {
    List<Party> all = new ArrayList<>(catalogue.all());
    List<String> codes = new ArrayList<>(all.stream().map(Party::code).toList());
    int added = 0;
    Map<String, String> byNormal = new TreeMap<>();
    labels.forEach(l -> byNormal.putIfAbsent(PartyRegistry.normalize(l), l.strip().replaceAll("\\s+", " ")));
    for (String label : byNormal.values()) {
      if (catalogue.resolve(label).isEmpty()) {
        String code = LokSabhaParties.minorCode(label, codes);
        codes.add(code);
        minor.put(code, label);
        all.add(new Party(code, label, PartyCatalogue.NO_COLOUR_YET, List.of()));
        added++;
      }
    }
    catalogue = new PartyRegistry(all);
    return added;
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

  /**
   * The final table in code order: colours, ECI abbreviations, and only aliases that normalising does not cover. A
   * colour from a palette or ECI that a map would take for its undecided grey is passed over; a party left without a
   * colour gets one of its own ({@link PartyColours#ownColour}), never grey; those parties are coloured in the order of
   * their {@code votes} in the assembly results (most first, then by code; the Lok Sabha's parties after them, by their
   * {@code laterVotes}), so the ones a map shows get the colours
   * farthest from the others.
   */
  List<Party> parties(Path shared, Map<String, Long> votes, Map<String, Long> laterVotes) throws IOException {
    Map<String, String> palette = palette(shared);
    Map<String, Integer> colours = new TreeMap<>();
    for (Party p : catalogue.all()) {
      if (minor.containsKey(p.code())) {
        continue; // coloured last, from their codes
      }
      String override = PartyCatalogue.COLOUR_OVERRIDES.getOrDefault(p.code(), LokSabhaParties.COLOURS.get(p.code()));
      if (override != null) {
        if (!PartyColours.apartFromUndecided(PartyColours.parse(override))) {
          throw new IllegalStateException("PartyCatalogue gives " + p.code() + " " + override
              + ", which a map would take for its undecided grey");
        }
        colours.put(p.code(), PartyColours.parse(override));
        continue;
      }
      Stream.of(palette.get(p.code()), palette.get(PartyRegistry.normalize(p.name())), eciColours.get(p.code()))
          .filter(Objects::nonNull).map(PartyColours::parse).filter(PartyColours::apartFromUndecided).findFirst()
          .ifPresent(c -> colours.put(p.code(), c));
    }
    // the assembly elections' parties first, among themselves only, so the Lok Sabha's did not move their colours
    Set<String> first = PartyCatalogue.PARTIES.stream().map(PartyCatalogue.Known::code).collect(Collectors.toSet());
    Map<String, Integer> firstColours = new TreeMap<>(colours);
    firstColours.keySet().retainAll(first);
    for (String code : uncoloured(colours, votes, first::contains)) {
      int colour = PartyColours.ownColour(code, firstColours.values());
      firstColours.put(code, colour);
      colours.put(code, colour);
    }
    for (String code : uncoloured(colours, laterVotes, c -> !minor.containsKey(c))) {
      colours.put(code, PartyColours.ownColour(code, colours.values()));
    }
    // hundreds of parties without a seat: a colour from the code each, none another party's
    Set<Integer> taken = new HashSet<>(colours.values());
    for (String code : minor.keySet()) {
      int colour = PartyColours.hashed(code, taken);
      taken.add(colour);
      colours.put(code, colour);
    }
    List<Party> out = new ArrayList<>();
    for (Party p : catalogue.all().stream().sorted(Comparator.comparing(Party::code)).toList()) {
      int colour = colours.get(p.code());
      String eci = eciCodes.getOrDefault(p.code(), "");
      List<String> covered = List.of(PartyRegistry.normalize(p.code()), PartyRegistry.normalize(p.name()),
          PartyRegistry.normalize(eci));
      List<String> aliases = p.aliases().stream().filter(a -> !covered.contains(PartyRegistry.normalize(a)))
          .sorted(Comparator.comparing((String a) -> a.toLowerCase(Locale.ROOT)).thenComparing(a -> a)).toList();
      out.add(new Party(p.code(), p.name(), PartyColours.hex(colour), aliases, eci));
    }
    return out;
  }

  /** The parties still without a colour among those {@code which} takes, most votes first, then by code. */
  private List<String> uncoloured(Map<String, Integer> colours, Map<String, Long> votes, Predicate<String> which) {
    return catalogue.all().stream().map(Party::code).filter(c -> !colours.containsKey(c)).filter(which)
        .sorted(Comparator.comparingLong((String c) -> -votes.getOrDefault(c, 0L)).thenComparing(c -> c)).toList();
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
