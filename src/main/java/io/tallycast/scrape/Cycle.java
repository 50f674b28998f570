package io.tallycast.scrape;

import io.tallycast.bus.ArchivedPage;
import io.tallycast.bus.Snapshot;
import io.tallycast.scrape.page.ParsedListRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The mutable tally of one {@link ScrapeCycle} run: what was read, refused, stored and warned about. */
final class Cycle {

  final List<Snapshot> snapshots = new ArrayList<>();
  final List<ArchivedPage> archives = new ArrayList<>();
  final Map<Integer, ParsedListRow> rows = new HashMap<>();
  final List<String> errors = new ArrayList<>();
  final List<String> links = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final Set<Integer> leadChanged = new HashSet<>();
  // what this cycle read of each seat, for SeatFreshness: the list row's answer, the seat page asked for, taken, failed
  final Map<Integer, Instant> listedAt = new HashMap<>();
  final Set<Integer> pagesAskedFor = new HashSet<>();
  final Map<Integer, Instant> taken = new HashMap<>();
  final Map<Integer, String> seatErrors = new TreeMap<>();
  /** When the first list page of this cycle answered: the state's list is as old as its oldest page. */
  Instant listReadAt;
  Fetched slowest = new Fetched("", true, null, 0);
  boolean listOk = true;
  int listFetched;
  int listUnchanged;
  int seatPagesFetched;
  int accepted;
  int events;

  void listRead(ListPageRead read) {
    if (read.unchanged()) {
      listUnchanged++;
    } else {
      listFetched++;
    }
    for (ParsedListRow row : read.rows()) {
      listedAt.put(row.seatNo(), read.readAt());
    }
    if (listReadAt == null || read.readAt().isBefore(listReadAt)) {
      listReadAt = read.readAt();
    }
    links.addAll(read.links());
    warnings.addAll(read.warnings()); // a status the site writes that tallycast does not know: kept as text
    if (read.archive() != null) {
      archives.add(read.archive());
    }
  }

  void noteAnswer(Fetched fetched) {
    if (fetched.millis() > slowest.millis()) {
      slowest = fetched;
    }
  }

  void listFailed(String error) {
    listOk = false;
    errors.add(error);
  }

  void seatFailed(int seat, String error) {
    errors.add(error);
    seatErrors.put(seat, error);
  }

  void add(ParsedListRow row, Snapshot snapshot, ArchivedPage archive) {
    rows.put(row.seatNo(), row);
    snapshots.add(snapshot);
    if (archive != null) {
      archives.add(archive);
    }
  }

  CycleReport report(long millis, long slowThresholdMs) {
    List<String> all = new ArrayList<>(warnings);
    if (slowest.millis() > slowThresholdMs) {
      all.add(0, "slow answers from the results site: the slowest took " + slowest.millis() + " ms ["
          + slowest.url() + "]");
    }
    List<String> warnings = List.copyOf(all);
    return new CycleReport(listOk, listFetched, listUnchanged, seatPagesFetched, accepted, events, List.copyOf(errors),
        warnings, slowest.millis(), millis);
  }

  /** One list page as read (or as known when the site answered 304), and when the site answered. */
  record ListPageRead(List<ParsedListRow> rows, List<String> links, boolean unchanged, ArchivedPage archive,
                      List<String> warnings, Instant readAt) {
  }
}
