package io.tallycast.election;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves every spelling of a party (code, ECI abbreviation, ECI full name in any case or spacing, old names, and
 * ECI's "Full Name - CODE") to one {@link Party}. Loaded from a CSV with columns code,name,color and optionally
 * eci and aliases (aliases separated by '|').
 */
public final class PartyRegistry {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SPACE_AROUND_PAREN = Pattern.compile("\\s*\\(\\s*");
  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
  /** ECI's party-wise pages write "Bharatiya Janata Party - BJP": the last " - " separates name and code. */
  private static final Pattern NAME_DASH_CODE = Pattern.compile("(.*\\S)\\s+-\\s+(\\S.*)");

  private final Map<String, Party> byCode = new LinkedHashMap<>();
  private final Map<String, Party> byAlias = new LinkedHashMap<>();

  public PartyRegistry(Collection<Party> parties) {
    for (Party p : parties) {
      if (byCode.putIfAbsent(p.code(), p) != null) {
        throw new IllegalArgumentException("party code '" + p.code() + "' is listed twice");
      }
      if (!COLOR.matcher(p.color()).matches()) {
        throw new IllegalArgumentException("party " + p.code() + ": colour '" + p.color() + "' is not #rrggbb");
      }
    }
    for (Party p : parties) {
      List<String> labels = new ArrayList<>(p.aliases());
      labels.add(p.code());
      labels.add(p.eciCode());
      labels.add(p.name());
      for (String label : labels) {
        Party other = byAlias.putIfAbsent(normalize(label), p);
        if (other != null && other != p) {
          throw new IllegalArgumentException("'" + label + "' names both " + other.code() + " and " + p.code());
        }
      }
    }
  }

  /** Case, spacing, curly quotes and a trailing comma do not make a different party. */
  public static String normalize(String label) {
    String s = label.replace('\u2019', '\'').replace('\u00a0', ' ').strip();
    while (s.endsWith(",")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    s = SPACE_AROUND_PAREN.matcher(s).replaceAll("(");
    return SPACES.matcher(s).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /**
   * The party a label names: the whole label first; else, for "Full Name - CODE", the name part, then the code part.
   * Always in this order, so a new party whose ECI code happens to be one of our codes is found by its name.
   */
  public Optional<Party> resolve(String label) {
    if (label == null) {
      return Optional.empty();
    }
    Party whole = byAlias.get(normalize(label));
    if (whole != null) {
      return Optional.of(whole);
    }
    Matcher m = NAME_DASH_CODE.matcher(label.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Party byName = byAlias.get(normalize(m.group(1)));
    return Optional.ofNullable(byName != null ? byName : byAlias.get(normalize(m.group(2))));
  }

  public Party require(String label) {
    return resolve(label).orElseThrow(() -> new UnknownPartyException(label));
  }

  public Optional<Party> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public Collection<Party> all() {
    return byCode.values();
  }

  public static PartyRegistry fromCsv(Reader csv) throws IOException {
    List<Party> parties = new ArrayList<>();
    for (Map<String, String> row : CsvRows.read(csv, "code", "name", "color")) {
      String aliases = row.getOrDefault("aliases", "");
      parties.add(new Party(row.get("code").strip(), row.get("name").strip(),
          row.get("color").strip().toUpperCase(Locale.ROOT),
          aliases.isBlank() ? List.of() : Arrays.asList(aliases.split("\\|")), row.get("eci")));
    }
    return new PartyRegistry(parties);
  }
}
