package io.tallycast.derive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * West Bengal voted in 2021 in eight phases, 27 March to 29 April: which phase each seat voted in, from a list compiled
 * from the news (ac_no, ac_name, phase, poll_date, note, source_url; CRLF). Joined on the seat number only (the list
 * spells 20 names otherwise). Each seat of the 2021 result has exactly one phase; each phase one poll date, the
 * phases in date order; and the seats per phase are ECI's announced schedule, so a seat put in a wrong phase by the
 * compilers shows. Seats 56 (Samserganj) and 58 (Jangipur) keep phase 7: their poll was deferred to 30 September
 * after a candidate's death, as the note says.
 */
final class PollingPhases {
  static final String FILE = "west-bengal/phases-2021.csv";
  /** Seats per phase as ECI announced them on 26 February 2021. */
  static final List<Integer> SEATS_PER_PHASE = List.of(30, 30, 31, 44, 45, 43, 36, 35);

  private PollingPhases() {
  }

  /** Seat number to phase (1 to 8) for every seat of {@code result}. */
  static SortedMap<Integer, Integer> read(Path shared, ResultSources.Result result) throws IOException {
    SortedMap<Integer, Integer> phases = new TreeMap<>();
    Map<Integer, Long> lineOf = new TreeMap<>();
    Map<Integer, LocalDate> dates = new TreeMap<>();
    for (SourceRow row : SourceTable.read(shared, FILE, "ac_no", "phase", "poll_date")) {
      long seat = row.number("ac_no");
      if (!result.seats().containsKey((int) seat)) {
        throw row.problem("seat " + seat + " is not in " + result.file());
      }
      long phase = row.number("phase");
      if (phase < 1 || phase > SEATS_PER_PHASE.size()) {
        throw row.problem("phase " + phase + " is not one of 1 to " + SEATS_PER_PHASE.size());
      }
      Integer before = phases.putIfAbsent((int) seat, (int) phase);
      if (before != null) {
        throw row.problem("seat " + seat + " has a phase already, " + before + " on line " + lineOf.get((int) seat));
      }
      lineOf.put((int) seat, row.line());
      LocalDate date;
      try {
        date = LocalDate.parse(row.text("poll_date"));
      } catch (DateTimeParseException e) {
        throw row.problem("poll_date '" + row.text("poll_date") + "' is not a date (yyyy-mm-dd)");
      }
      LocalDate phaseDate = dates.putIfAbsent((int) phase, date);
      if (phaseDate != null && !phaseDate.equals(date)) {
        throw row.problem("phase " + phase + " polled on " + phaseDate + ", not " + date);
      }
    }
    TreeSet<Integer> missing = new TreeSet<>(result.seats().keySet());
    missing.removeAll(phases.keySet());
    if (!missing.isEmpty()) {
      throw new SourceProblem(FILE, 0, "seats " + missing + " have no phase");
    }
    if (!List.copyOf(dates.values()).equals(dates.values().stream().sorted().toList())) {
      throw new SourceProblem(FILE, 0, "the phases are not in date order: " + dates);
    }
    for (int phase = 1; phase <= SEATS_PER_PHASE.size(); phase++) {
      int p = phase;
      long seats = phases.values().stream().filter(v -> v == p).count();
      if (seats != SEATS_PER_PHASE.get(phase - 1)) {
        throw new SourceProblem(FILE, 0, "phase " + phase + " has " + seats + " seats, ECI's schedule "
            + SEATS_PER_PHASE.get(phase - 1));
      }
    }
    return Collections.unmodifiableSortedMap(phases);
  }
}
