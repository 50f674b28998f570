package io.tallycast.support;

import io.tallycast.election.PartyRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Lok Sabha 2024 results as {@code ../shared/data/lok-sabha-2024/results-2024.csv} gives them, read independently
 * of the code under test: per constituency the candidate with most votes (NOTA aside) wins, and a seat whose votes are
 * "-" (Surat: the one candidate left, marked "( Uncontested )") is won by that candidate.
 */
public final class LokSabha2024 {
  private static final int PC = 1;
  private static final int NAME = 5;
  private static final int PARTY = 6;
  private static final int TOTAL = 9;

  private LokSabha2024() {
  }

  /** Seats won per state code (S01, U05, ...) and party code of the registry given. */
  public static Map<String, Map<String, Integer>> winnersByState(PartyRegistry parties) throws IOException {
    Map<String, String[]> best = new TreeMap<>();
    for (String line : Files.readAllLines(SharedData.file("lok-sabha-2024/results-2024.csv"),
        StandardCharsets.UTF_8)) {
      String[] cells = line.replace("\uFEFF", "").split(",", -1);
      if (cells[PARTY].equals("None of the Above")) {
        continue;
      }
      if (cells[TOTAL].equals("-")) {
        if (cells[NAME].contains("Uncontested")) {
          best.put(cells[PC], cells);
        }
        continue;
      }
      best.merge(cells[PC], cells, (a, b) -> votes(a) >= votes(b) ? a : b);
    }
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    best.values().forEach(c -> out.computeIfAbsent(c[PC].substring(0, 3), k -> new TreeMap<>())
        .merge(parties.require(c[PARTY]).code(), 1, Integer::sum));
    return out;
  }

  /** Seats won per party over the whole country. */
  public static Map<String, Integer> national(PartyRegistry parties) throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    winnersByState(parties).values().forEach(m -> m.forEach((p, n) -> out.merge(p, n, Integer::sum)));
    return out;
  }

  private static long votes(String[] cells) {
    return cells[TOTAL].equals("-") ? -1 : Long.parseLong(cells[TOTAL]);
  }
}
