package io.tallycast.derive;

import io.tallycast.election.Party;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The files of one embedded election: election.properties, seats.csv, results.csv and past.csv; and of an election of
 * several states, group.properties.
 */
final class ElectionFiles {
  /** What an embedded election is, beyond its results: set here, not found in the sources. */
  record Facts(String id, String state, String stateCode, int year, int pastYear, LocalDate countingDay,
               String replayPrefix, boolean ballotOrder) {
  }

  static final Facts WB2021 = new Facts("wb2021", "West Bengal", "S25", 2021, 2016, LocalDate.of(2021, 5, 2),
      "/Result2021/", false);
  /**
   * The 2026 source lists each seat's candidates by ECI's serial number (ballot order): kept, pages show that order.
   */
  static final Facts WB2026 = new Facts("wb2026", "West Bengal", "S25", 2026, 2021, LocalDate.of(2026, 5, 4),
      "/ResultAcGenMay2026/", true);

  /** Seat, then votes (highest first), then name, party and the vote split, so equal votes still sort one way. */
  private static final Comparator<ResultSources.Candidate> ORDER = Comparator
      .comparingInt(ResultSources.Candidate::seat)
      .thenComparing(Comparator.comparingLong(ResultSources.Candidate::votes).reversed())
      .thenComparing(ResultSources.Candidate::name).thenComparing(ResultSources.Candidate::party)
      .thenComparing(c -> c.evm() == null ? -1 : c.evm());

  private ElectionFiles() {
  }

  /** The set's files; {@code phases}: each seat's polling phase where the state voted on several days, else empty. */
  static void add(Map<String, String> files, Facts facts, ResultSources.Result result, ResultSources.Result past,
                  Map<Integer, Integer> phases) {
    String dir = facts.id() + "/";
    files.put(dir + "election.properties", String.join("\n",
        "# derived by `tallycast derive-data` from the reference data in ../shared/data: do not edit",
        "id=" + facts.id(), "state=" + facts.state(), "stateCode=" + facts.stateCode(), "year=" + facts.year(),
        "pastYear=" + facts.pastYear(), "countingDay=" + facts.countingDay(),
        "replayPrefix=" + facts.replayPrefix()) + "\n");
    List<List<Object>> seats = new ArrayList<>();
    result.seats().values().forEach(s -> seats.add(Arrays.asList(s.no(), s.name(), s.type(), s.district(),
        s.rounds(), phases.get(s.no()))));
    files.put(dir + "seats.csv", DerivedCsv.write(List.of("ac_no", "ac_name", "ac_type", "district", "rounds",
        "phase"), seats));
    List<List<Object>> finals = new ArrayList<>();
    // in ballot order where the source gives it (sorted by seat only: the sort is stable), else by votes
    result.candidates().stream().sorted(facts.ballotOrder() ? Comparator.comparingInt(ResultSources.Candidate::seat)
        : ORDER).forEach(c -> finals.add(Arrays.asList(c.seat(), c.name(), c.party(),
        c.evm(), c.postal(), c.votes())));
    files.put(dir + "results.csv", DerivedCsv.write(List.of("ac_no", "candidate", "party", "evm_votes",
        "postal_votes", "votes"), finals));
    if (facts.pastYear() == 0) {
      return; // no past result in the data: no past.csv (the loader reads none)
    }
    List<List<Object>> before = new ArrayList<>();
    past.candidates().stream().filter(c -> !Party.NOTA.equals(c.party())).sorted(ORDER)
        .forEach(c -> before.add(Arrays.asList(c.seat(), c.name(), c.party(), c.votes())));
    files.put(dir + "past.csv", DerivedCsv.write(List.of("ac_no", "candidate", "party", "votes"), before));
  }

  /** An election of several states counted on one day: its id, its name and its states' sets, the default first. */
  static void addElection(Map<String, String> files, String id, String name, List<String> states) {
    files.put(id + "/group.properties", String.join("\n",
        "# derived by `tallycast derive-data`: do not edit", "id=" + id, "name=" + name,
        "states=" + String.join(",", states)) + "\n");
  }

  /** parties.csv: code,name,color,eci,aliases; eci only where ECI's abbreviation differs from our code. */
  static void addParties(Map<String, String> files, List<Party> parties) {
    List<List<Object>> rows = new ArrayList<>();
    for (Party p : parties) {
      rows.add(Arrays.asList(p.code(), p.name(), p.color(), p.eciCode().equals(p.code()) ? "" : p.eciCode(),
          String.join("|", p.aliases())));
    }
    files.put("parties.csv", DerivedCsv.write(List.of("code", "name", "color", "eci", "aliases"), rows));
  }
}
