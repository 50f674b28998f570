package io.tallycast.derive;

import io.tallycast.election.Party;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the three West Bengal results files, each in its own format, into one model: seats and candidates with party
 * codes and names as ECI's pages show them (runs of spaces collapsed). Seats are joined on AC number only: names
 * are spelt differently from year to year, and 146 and 255 are both Bishnupur.
 */
final class ResultSources {
  static final String RESULTS_2016 = "west-bengal/results-2016.csv";
  static final String RESULTS_2021 = "west-bengal/results-2021.csv";
  static final String RESULTS_2026 = "west-bengal/results-2026.csv";
  /** "1 - MEKLIGANJ (West Bengal)" */
  private static final Pattern NAME_2026 = Pattern.compile("(\\d+)\\s*-\\s*(.+?)\\s*\\(West Bengal\\)");

  /** A seat: name, type (GEN/SC/ST) and district where the source has them, counting rounds where known. */
  record Seat(int no, String name, String type, String district, Integer rounds) {
  }

  /** A candidate's final figure; evm and postal are null where the source has only the total. */
  record Candidate(int seat, String name, String party, Long evm, Long postal, long votes) {
    boolean isNota() {
      return Party.NOTA.equals(party);
    }
  }

  /** One file's result: its seats by number and all its candidate rows in file order. */
  record Result(String file, SortedMap<Integer, Seat> seats, List<Candidate> candidates) {
    /** The candidates of each seat, in file order. */
    SortedMap<Integer, List<Candidate>> bySeat() {
      SortedMap<Integer, List<Candidate>> out = new TreeMap<>();
      candidates.forEach(c -> out.computeIfAbsent(c.seat(), k -> new ArrayList<>()).add(c));
      return out;
    }
  }

  private ResultSources() {
  }

  /** 2016: full party names, NOTA rows included; title-case seat names (not used: 2021's are the seat list then). */
  static Result read2016(Path shared, PartyTable parties) throws IOException {
    Builder result = new Builder(RESULTS_2016);
    for (SourceRow row : SourceTable.read(shared, RESULTS_2016, "ac_no", "ac_name", "candidate", "party", "votes")) {
      int seat = seatNumber(row, "ac_no");
      result.seat(row, new Seat(seat, row.name("ac_name"), "", "", null));
      result.candidates.add(new Candidate(seat, row.name("candidate"), parties.code(row, "party"), null, null,
          row.number("votes")));
    }
    return result.build();
  }

  /** 2021: short codes for the big parties, full names for the small ones; no NOTA rows; type and district. */
  static Result read2021(Path shared, PartyTable parties) throws IOException {
    Builder result = new Builder(RESULTS_2021);
    for (SourceRow row : SourceTable.read(shared, RESULTS_2021, "ac_no", "ac_name", "ac_type", "district",
        "candidate", "party", "votes")) {
      int seat = seatNumber(row, "ac_no");
      result.seat(row, new Seat(seat, row.name("ac_name"), row.text("ac_type"), row.name("district"), null));
      result.candidates.add(new Candidate(seat, row.name("candidate"), parties.code(row, "party"), null, null,
          row.number("votes")));
    }
    return result.build();
  }

  /**
   * 2026: ECI's constituency pages as scraped: EVM, postal and total votes, NOTA, rounds. Type and district are not
   * there: they come from 2021, joined on the seat number. A seat with 0 rounds (Falta, repoll) has rounds unknown.
   */
  static Result read2026(Path shared, PartyTable parties, Result year2021) throws IOException {
    Builder result = new Builder(RESULTS_2026);
    for (SourceRow row : SourceTable.read(shared, RESULTS_2026, "Constituency No", "Constituency Name",
        "Total Rounds", "Candidate Name", "Party", "EVM Votes", "Postal Votes", "Total Votes")) {
      int seat = seatNumber(row, "Constituency No");
      Matcher name = NAME_2026.matcher(row.text("Constituency Name"));
      if (!name.matches() || Integer.parseInt(name.group(1)) != seat) {
        throw row.problem("Constituency Name '" + row.text("Constituency Name") + "' is not '" + seat
            + " - NAME (West Bengal)'");
      }
      Seat before = year2021.seats().get(seat);
      if (before == null) {
        throw row.problem("seat " + seat + " is not in " + RESULTS_2021 + " (its type and district come from there)");
      }
      long rounds = row.number("Total Rounds");
      result.seat(row, new Seat(seat, name.group(2).replaceAll("\\s+", " "), before.type(), before.district(),
          rounds == 0 ? null : (int) rounds));
      long evm = row.number("EVM Votes");
      long postal = row.number("Postal Votes");
      long total = row.number("Total Votes");
      if (evm + postal != total) {
        throw row.problem("EVM " + evm + " + postal " + postal + " votes is not the total " + total);
      }
      result.candidates.add(new Candidate(seat, row.name("Candidate Name"), parties.code(row, "Party"), evm, postal,
          total));
    }
    return result.build();
  }

  private static int seatNumber(SourceRow row, String column) {
    long no = row.number(column);
    if (no < 1 || no > 10_000) {
      throw row.problem(column + " " + no + " is not a seat number");
    }
    return (int) no;
  }

  /** Collects one file's rows; a seat described differently on two of its lines is refused. */
  private static final class Builder {
    final String file;
    final SortedMap<Integer, Seat> seats = new TreeMap<>();
    final Map<Integer, Long> firstLine = new TreeMap<>();
    final List<Candidate> candidates = new ArrayList<>();

    Builder(String file) {
      this.file = file;
    }

    void seat(SourceRow row, Seat seat) {
      Seat before = seats.putIfAbsent(seat.no(), seat);
      firstLine.putIfAbsent(seat.no(), row.line());
      if (before != null && !before.equals(seat)) {
        throw row.problem("seat " + seat.no() + " is " + seat + " here but " + before + " on line "
            + firstLine.get(seat.no()));
      }
    }

    Result build() {
      return new Result(file, Collections.unmodifiableSortedMap(seats), List.copyOf(candidates));
    }
  }
}
