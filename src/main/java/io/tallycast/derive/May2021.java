package io.tallycast.derive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The counting day of 2 May 2021: West Bengal (wb2021, from its own sources) and the four states counted with it,
 * Assam, Kerala, Puducherry and Tamil Nadu, from ElectionLens's JSON (2021, and 2016 as the past). What is known
 * about each state beyond its files is set here: ECI's state code, the number of seats, and the quirks of the real
 * files that are accepted on purpose, each with its reason; any other gap is refused.
 */
final class May2021 {
  static final String ID = "may2021";
  static final String NAME = "Assembly elections, May 2021";
  static final LocalDate COUNTING_DAY = LocalDate.of(2021, 5, 2);
  /** West Bengal first: the default state, whose single-state API routes stay the aliases. */
  static final List<String> STATES = List.of("wb2021", "as2021", "kl2021", "tn2021", "py2021");

  /**
   * One state: its facts, its folder under five-states-2021/, the prefix of its keys ("AS" in "AS-001"), how many
   * seats it has, the seats the 2016 file lacks (with why) and the 2021 seats with no result (with why).
   */
  record State(ElectionFiles.Facts facts, String folder, String prefix, int seats, Map<Integer, String> notIn2016,
               Map<Integer, String> noResult) {
    String results(int year) {
      return "five-states-2021/" + folder + "/results-" + year + ".json";
    }
  }

  /** A state's results of 2021 and of 2016 (its past), read and checked against each other. */
  record Results(State state, ResultSources.Result year2021, ResultSources.Result year2016) {
  }

  static final State ASSAM = new State(facts("as2021", "Assam", "S03"), "assam", "AS", 126, Map.of(), Map.of());
  static final State KERALA = new State(facts("kl2021", "Kerala", "S11"), "kerala", "KL", 140, Map.of(), Map.of());
  static final State PUDUCHERRY = new State(facts("py2021", "Puducherry", "U07"), "puducherry", "PY", 30, Map.of(),
      Map.of());
  /**
   * Tamil Nadu. 2016 has no result for Aravakurichi (134) and Thanjavur (174): ECI countermanded both polls, held in
   * November 2016; ElectionLens also lacks Tirupattur (50, its 2016 record is Tiruppattur, 185) and Tiruchirappalli
   * West (140). Its 2021 Tirupattur (TN-050) is a stand-in that ElectionLens added in January 2026 ("Add missing
   * TN-050"): four candidates with round figures and a row named "Others", booth figures repeated; the seat stays,
   * with no result, rather than with made-up candidates. Its 2021 Tiruchirappalli West (TN-140) was re-read from the
   * Form 20 PDF: real candidates, kept; that record has no number and no type (the type stays blank).
   */
  static final State TAMIL_NADU = new State(facts("tn2021", "Tamil Nadu", "S22"), "tamilnadu", "TN", 234,
      Map.of(50, "ElectionLens has no 2016 record for Tirupattur", 134, "Aravakurichi: the poll was countermanded",
          140, "ElectionLens has no 2016 record for Tiruchirappalli West",
          174, "Thanjavur: the poll was countermanded"),
      Map.of(50, "ElectionLens's TN-050 is a stand-in with an 'Others' row"));
  static final List<State> OTHER_STATES = List.of(ASSAM, KERALA, PUDUCHERRY, TAMIL_NADU);

  private May2021() {
  }

  private static ElectionFiles.Facts facts(String id, String state, String stateCode) {
    return new ElectionFiles.Facts(id, state, stateCode, 2021, 2016, COUNTING_DAY, "/Result2021/", false);
  }

  /** Reads and checks the four states; a {@link SourceProblem} names file, line, seat and problem. */
  static List<Results> read(Path shared, PartyTable parties) throws IOException {
    List<Results> out = new ArrayList<>();
    for (State s : OTHER_STATES) {
      ResultSources.Result now = ElectionLensResults.read(shared, s.results(2021), s.prefix(), 2021, parties,
          s.noResult());
      ResultSources.Result past = ElectionLensResults.read(shared, s.results(2016), s.prefix(), 2016, parties,
          Map.of());
      allSeats(s, now);
      sameDelimitation(s, now, past);
      out.add(new Results(s, now, past));
    }
    return out;
  }

  /** 2021 has every seat of the state, numbered 1 to its number of seats, and no other. */
  private static void allSeats(State s, ResultSources.Result now) {
    TreeSet<Integer> missing = new TreeSet<>();
    for (int no = 1; no <= s.seats(); no++) {
      if (!now.seats().containsKey(no)) {
        missing.add(no);
      }
    }
    if (!missing.isEmpty()) {
      throw new SourceProblem(now.file(), 0, "seats " + missing + " are missing (" + s.facts().state() + " has "
          + s.seats() + " seats)");
    }
    if (now.seats().lastKey() > s.seats()) {
      throw new SourceProblem(now.file(), 0, "seats " + now.seats().tailMap(s.seats() + 1).keySet() + " are beyond "
          + s.facts().state() + "'s " + s.seats());
    }
  }

  /**
   * 2016 and 2021 were held on one delimitation (2008's), so a seat number is the same seat in both: 2016 lacks only
   * the seats listed, and a seat in both has the same name and type in both.
   */
  private static void sameDelimitation(State s, ResultSources.Result now, ResultSources.Result past) {
    TreeSet<Integer> missing = new TreeSet<>(now.seats().keySet());
    missing.removeAll(past.seats().keySet());
    TreeSet<Integer> unexpected = new TreeSet<>(missing);
    unexpected.removeAll(s.notIn2016().keySet());
    if (!unexpected.isEmpty()) {
      throw new SourceProblem(past.file(), 0, "seats " + unexpected + " are missing (they are in " + now.file() + ")");
    }
    TreeSet<Integer> extra = new TreeSet<>(past.seats().keySet());
    extra.removeAll(now.seats().keySet());
    if (!extra.isEmpty()) {
      throw new SourceProblem(past.file(), 0, "seats " + extra + " are not in " + now.file());
    }
    for (Map.Entry<Integer, String> gap : s.notIn2016().entrySet()) {
      if (past.seats().containsKey(gap.getKey())) {
        throw new SourceProblem(past.file(), 0, "seat " + gap.getKey() + " is there, but " + May2021.class.getName()
            + " lists it as absent (" + gap.getValue() + "): take it off the list");
      }
    }
    past.seats().forEach((no, before) -> {
      ResultSources.Seat seat = now.seats().get(no);
      if (!seat.name().equals(before.name()) || !seat.type().equals(before.type())) {
        throw new SourceProblem(past.file(), 0, "seat " + no + " is " + before.name() + " (" + before.type()
            + ") here but " + seat.name() + " (" + seat.type() + ") in " + now.file() + ": not one delimitation");
      }
    });
  }

  /** The four states' sets and the election of the day, may2021/group.properties. */
  static void add(Map<String, String> files, List<Results> states) {
    for (Results r : states) {
      if (!r.state().facts().countingDay().equals(COUNTING_DAY)) {
        throw new IllegalStateException(r.state().facts().id() + " is not counted on " + COUNTING_DAY);
      }
      ElectionFiles.add(files, r.state().facts(), r.year2021(), r.year2016(), Map.of());
    }
    ElectionFiles.addElection(files, ID, NAME, STATES);
  }
}
