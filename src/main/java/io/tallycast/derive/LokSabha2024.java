package io.tallycast.derive;

import io.tallycast.election.Party;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lok Sabha election of 2024 (counted on 4 June 2024): 543 parliamentary constituencies in 36 states and union
 * territories, from lok-sabha-2024/results-2024.csv. One set per state ("ls2024/s03" is Assam's, under ls2024/), and
 * the election of them all, ls2024/group.properties. The file gives no type (SC/ST) and no district: every seat is
 * GEN and its district column is its state. There is no past result (2019 is not in the data). Surat was uncontested:
 * its one candidate is kept with no votes, which is how the replay knows it is declared from the start.
 */
final class LokSabha2024 {
  static final String FILE = "lok-sabha-2024/results-2024.csv";
  static final String ID = "ls2024";
  static final String NAME = "Lok Sabha 2024";
  static final LocalDate COUNTING_DAY = LocalDate.of(2024, 6, 4);
  static final String PREFIX = "/PcResultGenJune2024/";
  /** The Lok Sabha's elected seats since the 2008 delimitation. */
  static final int SEATS = 543;
  static final String UNCONTESTED = "( Uncontested )";
  private static final String[] COLUMNS = {"serial", "pc_code", "state", "pc_name", "position", "candidate", "party",
      "evm_votes", "postal_votes", "votes", "share"};
  /** "S031": state S03, seat 1; "U0512": union territory U05, seat 12. */
  private static final Pattern PC_CODE = Pattern.compile("([SU]\\d{2})(\\d{1,2})");

  /** One state's result, with its facts. */
  record State(ElectionFiles.Facts facts, ResultSources.Result result) {
  }

  private LokSabha2024() {
  }

  /** Reads and checks the file; a {@link SourceProblem} names file, line and problem. */
  static List<State> read(Path shared, PartyTable parties) throws IOException {
    List<SourceRow> rows = SourceTable.readHeadless(shared, FILE, COLUMNS);
    // the file names ~745 parties: those the catalogue lacks get a code by rule before any row is resolved
    parties.addMinor(rows.stream().map(r -> r.text("party")).toList());
    Map<String, String> names = new TreeMap<>();
    Map<String, SortedMap<Integer, ResultSources.Seat>> seats = new TreeMap<>();
    Map<String, List<ResultSources.Candidate>> candidates = new TreeMap<>();
    Map<String, Long> firstLine = new TreeMap<>();
    for (SourceRow row : rows) {
      Matcher code = PC_CODE.matcher(row.text("pc_code"));
      if (!code.matches()) {
        throw row.problem("PC code '" + row.text("pc_code") + "' is not a state code and a seat number (S031)");
      }
      String state = code.group(1);
      int no = Integer.parseInt(code.group(2));
      String stateName = stateName(row.text("state"));
      String before = names.putIfAbsent(state, stateName);
      if (before != null && !before.equals(stateName)) {
        throw row.problem("state " + state + " is '" + stateName + "' here but '" + before + "' above");
      }
      ResultSources.Seat seat = new ResultSources.Seat(no, row.name("pc_name"), "GEN", stateName, null);
      ResultSources.Seat known = seats.computeIfAbsent(state, k -> new TreeMap<>()).putIfAbsent(no, seat);
      firstLine.putIfAbsent(state + no, row.line());
      if (known != null && !known.equals(seat)) {
        throw row.problem("seat " + state + " " + no + " is " + seat.name() + " here but " + known.name()
            + " on line " + firstLine.get(state + no));
      }
      candidates.computeIfAbsent(state, k -> new ArrayList<>()).add(candidate(row, no, parties));
    }
    List<State> out = new ArrayList<>();
    int total = 0;
    for (Map.Entry<String, SortedMap<Integer, ResultSources.Seat>> s : seats.entrySet()) {
      SortedMap<Integer, ResultSources.Seat> numbered = s.getValue();
      if (numbered.firstKey() != 1 || numbered.lastKey() != numbered.size()) {
        throw new SourceProblem(FILE, 0, "state " + s.getKey() + " has seats " + numbered.keySet()
            + ": not numbered 1 to " + numbered.size());
      }
      total += numbered.size();
      ElectionFiles.Facts facts = new ElectionFiles.Facts(setId(s.getKey()), names.get(s.getKey()), s.getKey(),
          2024, 0, COUNTING_DAY, PREFIX, false);
      out.add(new State(facts, new ResultSources.Result(FILE, numbered, List.copyOf(candidates.get(s.getKey())))));
    }
    if (total != SEATS) {
      throw new SourceProblem(FILE, 0, "has " + total + " seats; the Lok Sabha has " + SEATS);
    }
    return out;
  }

  /** The set's id of a state: "ls2024/s03". */
  static String setId(String stateCode) {
    return ID + "/" + stateCode.toLowerCase(Locale.ROOT);
  }

  /**
   * A candidate row. "-" postal votes are none; "-" EVM and total votes are accepted only for the uncontested
   * winner, whose name carries "( Uncontested )":
   * the name is kept without it and the votes are 0; any other "-" is refused.
   */
  private static ResultSources.Candidate candidate(SourceRow row, int seat, PartyTable parties) {
    String name = row.name("candidate");
    String party = parties.code(row, "party");
    if (name.endsWith(UNCONTESTED)) {
      for (String column : List.of("evm_votes", "postal_votes", "votes")) {
        if (!row.text(column).equals("-")) {
          throw row.problem("an uncontested candidate with " + column + " '" + row.text(column) + "'");
        }
      }
      return new ResultSources.Candidate(seat, name.substring(0, name.length() - UNCONTESTED.length()).strip(),
          party, 0L, 0L, 0);
    }
    long evm = row.number("evm_votes");
    // ECI writes "-" for no postal votes (578 rows): 0, as the total says
    long postal = row.text("postal_votes").equals("-") ? 0 : row.number("postal_votes");
    long votes = row.number("votes");
    if (evm + postal != votes) {
      throw row.problem("EVM " + evm + " + postal " + postal + " is not the total " + votes);
    }
    return new ResultSources.Candidate(seat, Party.NOTA.equals(party) ? "NOTA" : name, party, evm, postal, votes);
  }

  /** "DADRA & NAGAR HAVELI AND DAMAN & DIU" as ECI's pages write it: "Dadra & Nagar Haveli and Daman & Diu". */
  static String stateName(String upper) {
    StringBuilder out = new StringBuilder();
    for (String word : upper.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(word.equals("and") ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return out.toString();
  }

  /** Every state's set, then the election of them all (states in code order: S01 Andhra Pradesh is the default). */
  static void add(Map<String, String> files, List<State> states) {
    ResultSources.Result noPast = new ResultSources.Result(FILE, new TreeMap<>(), List.of());
    TreeSet<String> ids = new TreeSet<>();
    for (State s : states) {
      ElectionFiles.add(files, s.facts(), s.result(), noPast, Map.of());
      ids.add(s.facts().id());
    }
    ElectionFiles.addElection(files, ID, NAME, List.copyOf(ids));
  }
}
