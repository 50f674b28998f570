package io.tallycast.election;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real counting day as ECI's state-wise list showed it, moment by moment (West Bengal, 4 May 2026: 76 moments from
 * 12:58 IST to the evening). Stored as every seat's row at moment 0 and then only the rows that changed; here
 * expanded, so every moment has the row of every seat.
 */
public final class Timeline {
  /** Times in the files are India Standard Time, as ECI's site shows them. */
  public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /** One look at the list: when it was fetched, and ECI's "Last Updated" on the page then. */
  public record Moment(int index, Instant fetchedAt, Instant lastUpdated) {
  }

  private static final Map<String, Timeline> LOADED = new ConcurrentHashMap<>();

  private final List<Moment> moments;
  private final List<SortedMap<Integer, TimelineRow>> rows;

  Timeline(List<Moment> moments, List<SortedMap<Integer, TimelineRow>> rows) {
    this.moments = List.copyOf(moments);
    this.rows = List.copyOf(rows);
  }

  /** The counting day embedded with an election, derived by {@code tallycast derive-data} ("wb2026"); read once. */
  public static Timeline embedded(String id) {
    EmbeddedElections.checkId(id);
    return LOADED.computeIfAbsent(id, Timeline::readEmbedded);
  }

  /** Whether the embedded election carries a recorded counting day (wb2026 does, wb2021 does not). */
  public static boolean isEmbedded(String id) {
    EmbeddedElections.checkId(id);
    return Timeline.class.getResource(ElectionData.EMBEDDED + id + "/timeline.csv") != null;
  }

  private static Timeline readEmbedded(String id) {
    try (Reader moments = EmbeddedElections.resource(id + "/moments.csv");
         Reader changes = EmbeddedElections.resource(id + "/timeline.csv")) {
      return read(moments, changes);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded timeline " + id + ": " + e.getMessage(), e);
    }
  }

  /** Reads moments.csv and timeline.csv (moment 0 complete, then changed rows only) and expands them. */
  public static Timeline read(Reader momentsCsv, Reader timelineCsv) throws IOException {
    List<Moment> moments = new ArrayList<>();
    for (Map<String, String> row : CsvRows.read(momentsCsv, "moment", "fetched_at", "last_updated")) {
      int index = (int) CsvRows.number(row, "moment");
      if (index != moments.size()) {
        throw new IllegalArgumentException("moments.csv: moment " + index + " where " + moments.size() + " was due");
      }
      moments.add(new Moment(index, ist(row.get("fetched_at")), ist(row.get("last_updated"))));
    }
    List<SortedMap<Integer, TimelineRow>> expanded = new ArrayList<>();
    TreeMap<Integer, TimelineRow> current = new TreeMap<>();
    int moment = 0;
    for (Map<String, String> row : CsvRows.read(timelineCsv, "moment", "ac_no", "leader", "leader_party", "trailer",
        "trailer_party", "margin", "done", "total", "status")) {
      int at = (int) CsvRows.number(row, "moment");
      if (at < moment || at >= moments.size()) {
        throw new IllegalArgumentException("timeline.csv: moment " + at + " out of order or unknown in " + row);
      }
      for (; moment < at; moment++) {
        expanded.add(Collections.unmodifiableSortedMap(new TreeMap<>(current)));
      }
      if (at > 0 && !current.containsKey((int) CsvRows.number(row, "ac_no"))) {
        throw new IllegalArgumentException("timeline.csv: seat " + row.get("ac_no") + " is not in moment 0");
      }
      TimelineRow r = new TimelineRow((int) CsvRows.number(row, "ac_no"), row.get("leader"), row.get("leader_party"),
          row.get("trailer"), row.get("trailer_party"), CsvRows.number(row, "margin"),
          (int) CsvRows.number(row, "done"), (int) CsvRows.number(row, "total"), row.get("status"));
      current.put(r.seat(), r);
    }
    for (; moment < moments.size(); moment++) {
      expanded.add(Collections.unmodifiableSortedMap(new TreeMap<>(current)));
    }
    return new Timeline(moments, expanded);
  }

  private static Instant ist(String isoLocal) {
    return LocalDateTime.parse(isoLocal.strip()).atZone(IST).toInstant();
  }

  public List<Moment> moments() {
    return moments;
  }

  /** Every seat's row at a moment, by seat number. */
  public SortedMap<Integer, TimelineRow> rowsAt(int moment) {
    return rows.get(moment);
  }

  /** One seat's rows in moment order (index = moment). */
  public List<TimelineRow> rowsOf(int seat) {
    List<TimelineRow> out = new ArrayList<>(rows.size());
    for (SortedMap<Integer, TimelineRow> at : rows) {
      TimelineRow r = at.get(seat);
      if (r == null) {
        throw new IllegalArgumentException("no seat " + seat + " in the timeline");
      }
      out.add(r);
    }
    return out;
  }

  /** The seat numbers, as at moment 0. */
  public List<Integer> seats() {
    return rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
  }

  /**
   * How often the seat's leader changed during the day: each time the leading candidate differs from the last one
   * shown. A moment with no leader shown (counting not started, Falta all day) neither starts nor ends a lead.
   */
  public int leaderChanges(int seat) {
    int changes = 0;
    TimelineRow last = null;
    for (TimelineRow r : rowsOf(seat)) {
      if (r.hasLeader()) {
        if (last != null && !r.sameLeaderAs(last)) {
          changes++;
        }
        last = r;
      }
    }
    return changes;
  }
}
