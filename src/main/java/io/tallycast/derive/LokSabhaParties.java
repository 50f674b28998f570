package io.tallycast.derive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parties of the Lok Sabha 2024 file that the assembly elections did not know. Those that won a seat or drew
 * 100,000 votes or more are named here by hand, with ECI's abbreviation as their code (ECI's 2024 party-wise page
 * writes SHS(UBT), NCP(SP), AD(S) ...). The file names 745 parties; the other ~580 (none won a seat, most drew a
 * few thousand votes) get a code made by the catalogue's rule ({@link #minorCode}): naming 580 parties by hand would
 * add nothing a viewer sees, as no map or tally shows a party without a seat.
 */
final class LokSabhaParties {
  /** What the big ones look like on the maps: their usual colours, where the palettes lack them or disagree. */
  static final Map<String, String> COLOURS = Map.ofEntries(Map.entry("SHS(UBT)", "#F26F21"),
      Map.entry("NCP(SP)", "#004080"), Map.entry("TDP", "#F5C400"), Map.entry("YSRCP", "#1569C7"),
      Map.entry("JKN", "#C1121F"), Map.entry("JnP", "#D62828"), Map.entry("AD(S)", "#9500FF"),
      Map.entry("ASP(KR)", "#1A237E"), Map.entry("BAP", "#2E7D32"));

  static final List<PartyCatalogue.Known> PARTIES = List.of(
      known("AD(S)", "Apna Dal (Soneylal)", "ADAL"),
      known("ASP(KR)", "Aazad Samaj Party (Kanshi Ram)"),
      known("BAP", "Bharat Adivasi Party"),
      known("BJD", "Biju Janata Dal"),
      known("BRS", "Bharat Rashtra Samithi"),
      known("BVA", "Bahujan Vikas Aaghadi"),
      known("INLD", "Indian National Lok Dal"),
      known("JJP", "Jannayak Janta Party"),
      known("JKAP", "Jammu and Kashmir Apni Party"),
      known("JKN", "Jammu & Kashmir National Conference", "JKNC"),
      known("JKPC", "Jammu & Kashmir People Conference"),
      known("JKPDP", "Jammu & Kashmir Peoples Democratic Party"),
      known("JnP", "Janasena Party"),
      known("LJPRV", "Lok Janshakti Party(Ram Vilas)", "LJP(RV)"),
      known("MNF", "Mizo National Front"),
      known("NCP(SP)", "Nationalist Congress Party \u2013 Sharadchandra Pawar",
          "Nationalist Congress Party - Sharadchandra Pawar"),
      known("NDPP", "Nationalist Democratic Progressive Party"),
      known("NPF", "Naga Peoples Front"),
      known("RLM", "Rashtriya Lok Morcha"),
      known("RLTP", "Rashtriya Loktantrik Party"),
      known("SAD", "Shiromani Akali Dal"),
      known("SAD(M)", "Shiromani Akali Dal (Amritsar)(Simranjit Singh Mann)"),
      known("SBSP", "Suheldev Bharatiya Samaj Party"),
      known("SHS(UBT)", "Shiv Sena (Uddhav Balasaheb Thackrey)", "Shiv Sena (Uddhav Balasaheb Thackeray)"),
      known("SKM", "Sikkim Krantikari Morcha"),
      known("SWP", "Swabhimani Paksha"),
      known("TDP", "Telugu Desam", "Telugu Desam Party"),
      known("VBA", "Vanchit Bahujan Aaghadi"),
      known("VSIP", "Vikassheel Insaan Party"),
      known("VOTPP", "Voice of the People Party"),
      known("YSRCP", "Yuvajana Sramika Rythu Congress Party", "YSR Congress Party"),
      known("ZPM", "Zoram People\u2019s Movement"));

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");
  private static final Set<String> SKIPPED = Set.of("of", "the", "and");

  private LokSabhaParties() {
  }

  /**
   * A minor party's code by the catalogue's rule: the initials of its name without "of", "the" and "and" ("People's"
   * gives PS), upper case, with 2, 3 ... where the initials are taken ({@code taken} ignores case).
   */
  static String minorCode(String name, Collection<String> taken) {
    StringBuilder initials = new StringBuilder();
    Matcher m = WORD.matcher(name);
    while (m.find()) {
      if (!SKIPPED.contains(m.group().toLowerCase(Locale.ROOT))) {
        initials.append(Character.toUpperCase(m.group().charAt(0)));
      }
    }
    String base = initials.isEmpty() ? "P" : initials.toString();
    Set<String> used = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    used.addAll(taken);
    String code = base;
    for (int n = 2; used.contains(code); n++) {
      code = base + n;
    }
    return code;
  }

  static List<PartyCatalogue.Known> all() {
    List<PartyCatalogue.Known> out = new ArrayList<>(PartyCatalogue.PARTIES);
    out.addAll(PARTIES);
    return out;
  }

  private static PartyCatalogue.Known known(String code, String name, String... aliases) {
    return new PartyCatalogue.Known(code, name, Arrays.asList(aliases));
  }
}
