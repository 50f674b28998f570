package io.tallycast.support;

import io.tallycast.election.PartyRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Lok Sabha 2024 result read from the third-party file itself (lok-sabha-2024/results-2024.csv), never from the
 * engine's own data: every seat's winner by most votes, NOTA aside; Surat's one candidate, elected unopposed
 * ("( Uncontested )", "-" for every figure), with no vote and no margin. What the tests expect the engine to end on.
 */
public final class LokSabha2024Results {
  /** What the file writes after the name of the candidate elected unopposed, whose figures are "-". */
  private static final String UNCONTESTED = "( Uncontested )";

  /** One seat's winner: party code, name (runs of spaces collapsed), votes, and margin over the runner-up. */
  public record Winner(String state, int seat, String party, String candidate, long votes, Long margin) {
  }

  private LokSabha2024Results() {
  }

  /** Every seat's winner, by PC code ("S0624"); parties resolved to codes through the registry. */
  public static Map<String, Winner> winners(PartyRegistry parties) throws IOException {
    Map<String, List<String[]>> bySeat = new TreeMap<>();
    for (String line : Files.readAllLines(SharedData.file("lok-sabha-2024/results-2024.csv"), StandardCharsets.UTF_8)) {
      String[] cells = line.replace("\uFEFF", "").split(",", -1);
      if (!cells[6].equals("None of the Above")) {
        bySeat.computeIfAbsent(cells[1], k -> new ArrayList<>()).add(cells);
      }
    }
    Map<String, Winner> out = new TreeMap<>();
    bySeat.forEach((code, rows) -> {
      rows.sort((a, b) -> Long.compare(votes(b), votes(a)));
      String[] first = rows.get(0);
      String name = first[5].replace(UNCONTESTED, "").strip().replaceAll("\\s+", " ");
      Long margin = first[9].equals("-") ? null : votes(first) - (rows.size() > 1 ? votes(rows.get(1)) : 0);
      out.put(code, new Winner(code.substring(0, 3), Integer.parseInt(code.substring(3)),
          parties.require(first[6]).code(), name, votes(first), margin));
    });
    return out;
  }

  /** Seats won per party over the whole house. */
  public static Map<String, Integer> seatsByParty(Map<String, Winner> winners) {
    Map<String, Integer> out = new TreeMap<>();
    winners.values().forEach(w -> out.merge(w.party(), 1, Integer::sum));
    return out;
  }

  /** A candidate's total votes; "-" (the uncontested winner's) is none. */
  private static long votes(String[] cells) {
    return cells[9].equals("-") ? 0 : Long.parseLong(cells[9]);
  }
}
