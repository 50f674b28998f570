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
import java.util.regex.Pattern;

/**
 * Resolves every spelling of a party (code, ECI full name in any case or spacing, old names) to one {@link Party}.
 * Loaded from a CSV with columns code,name,color,aliases (aliases separated by '|').
 */
public final class PartyRegistry {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SPACE_AROUND_PAREN = Pattern.compile("\\s*\\(\\s*");
  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

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

  public Optional<Party> resolve(String label) {
    return label == null ? Optional.empty() : Optional.ofNullable(byAlias.get(normalize(label)));
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
          aliases.isBlank() ? List.of() : Arrays.asList(aliases.split("\\|"))));
    }
    return new PartyRegistry(parties);
  }
}
