package io.tallycast.store;

import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.election.CandidateResult;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatResult;
import io.tallycast.election.SeatStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Real West Bengal data turned into snapshots, and a row dump to prove that a refusal changed nothing. */
final class StoreFixtures {
  static final ElectionData WB = ElectionData.westBengal2021();
  static final Instant T0 = Instant.parse("2021-05-02T03:30:00Z");
  static final List<String> TABLES = List.of("meta", "parties", "party_aliases", "constituencies", "past_results",
      "candidates", "snapshots", "snapshot_votes", "seat_state", "events", "page_archive", "overrides");

  private StoreFixtures() {
  }

  static SnapshotCandidate cand(String name, String party, long votes) {
    return new SnapshotCandidate(name, party, votes, 0, votes);
  }

  static Snapshot snapshot(int seat, SeatStatus status, int done, int total, Instant at, SnapshotCandidate... cands) {
    return new Snapshot(seat, status, done, total, List.of(cands), at, at.plusSeconds(2),
        "https://results.example/ConstituencywiseS25" + seat + ".htm", false);
  }

  static Snapshot correction(Snapshot s) {
    return new Snapshot(s.seat(), s.status(), s.roundsDone(), s.roundsTotal(), s.candidates(), s.sourceTime(),
        s.fetchedAt(), s.url(), true);
  }

  static ScrapeBatch batch(Snapshot... snapshots) {
    return new ScrapeBatch("S25", List.of(snapshots), List.of());
  }

  /** The real 2021 final result of a seat, as a declared snapshot. */
  static Snapshot finalResult(int seat, Instant at) {
    SeatResult r = WB.finals().get(seat);
    List<SnapshotCandidate> cands = new ArrayList<>();
    for (CandidateResult c : r.candidates()) {
      cands.add(cand(c.candidate(), c.party(), c.votes()));
    }
    return new Snapshot(seat, SeatStatus.DECLARED, 20, 20, cands, at, at, "https://results.example/" + seat, false);
  }

  /** All 294 seats declared with their real 2021 figures, seat i stamped i seconds after at. */
  static ScrapeBatch allFinals(Instant at) {
    List<Snapshot> all = new ArrayList<>();
    for (int seat : WB.seats().keySet()) {
      all.add(finalResult(seat, at.plusSeconds(seat)));
    }
    return new ScrapeBatch("S25", all, List.of());
  }

  /** Every row of every table, in key order, as text: equal dumps mean an unchanged database. */
  static List<String> dump(Path dataDir) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("tallycast.db"));
         Statement s = c.createStatement()) {
      for (String table : TABLES) {
        out.add("# " + table);
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              Object v = rs.getObject(i);
              row.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v)).append('|');
            }
            out.add(row.toString());
          }
        }
      }
    }
    return out;
  }
}
