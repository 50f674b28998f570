package io.tallycast.derive;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A counting day as two files: moments.csv (moment, fetched_at, last_updated, IST to the second) and timeline.csv
 * (every seat's row at moment 0, then only the rows that changed since the moment before): 76 moments of 294 seats
 * in about a fifth of the rows.
 */
final class TimelineFiles {
  private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss",
      Locale.ROOT);

  private TimelineFiles() {
  }

  static void add(Map<String, String> files, String id, List<CountingDaySource.Snapshot> snapshots) {
    List<List<Object>> moments = new ArrayList<>();
    List<List<Object>> changes = new ArrayList<>();
    Map<Integer, CountingDaySource.Row> before = Map.of();
    for (int moment = 0; moment < snapshots.size(); moment++) {
      CountingDaySource.Snapshot s = snapshots.get(moment);
      moments.add(Arrays.asList(moment, iso(s.fetchedAt()), iso(s.lastUpdated())));
      for (CountingDaySource.Row r : s.rows().values()) {
        if (!r.equals(before.get(r.seat()))) {
          changes.add(Arrays.asList(moment, r.seat(), r.leader(), r.leaderParty(), r.trailer(), r.trailerParty(),
              r.margin(), r.done(), r.total(), r.status()));
        }
      }
      before = s.rows();
    }
    files.put(id + "/moments.csv", DerivedCsv.write(List.of("moment", "fetched_at", "last_updated"), moments));
    files.put(id + "/timeline.csv", DerivedCsv.write(List.of("moment", "ac_no", "leader", "leader_party", "trailer",
        "trailer_party", "margin", "done", "total", "status"), changes));
  }

  private static String iso(LocalDateTime at) {
    return ISO_SECONDS.format(at);
  }
}
