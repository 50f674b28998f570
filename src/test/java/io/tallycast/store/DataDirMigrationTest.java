package io.tallycast.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.Snapshot;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A West Bengal data dir written by the version before seats had states (commit 78c7942: `tallycast demo` of the real
 * 2026 day at 600x for about a minute, two operator overrides, one released and one still active; its raw page archive
 * cut to 3 pages to keep the fixture small) opens after the V4 migration with every snapshot, event and override, all
 * now West Bengal's (S25), and goes on from where it was.
 */
class DataDirMigrationTest {
  private static final String FIXTURE = "/fixtures/wb2026-data-dir-before-states.db.gz";
  private static final ElectionData WB2026 = ElectionData.westBengal2026();

  @TempDir
  Path dir;

  /** What the old version stored, read with plain SQL before anything migrates it. */
  private final Map<Long, JsonObject> oldEvents = new LinkedHashMap<>();
  private final Map<Integer, String> oldLeaders = new LinkedHashMap<>();
  private long oldSnapshots;
  private long oldOverrides;

  @BeforeEach
  void unpackTheOldDataDir() throws Exception {
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(FIXTURE))) {
      Files.copy(in, dir.resolve(Database.FILE));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE));
         Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT max(version) FROM flyway_schema_history")) {
        assertThat(rs.getString(1)).as("the fixture is of the schema before states").isEqualTo("3");
      }
      try (ResultSet rs = s.executeQuery("SELECT id, type, seat, body FROM events ORDER BY id")) {
        while (rs.next()) {
          oldEvents.put(rs.getLong(1), new JsonObject(rs.getString(4)).put("type", rs.getString(2))
              .put("seat", rs.getObject(3) == null ? null : rs.getInt(3)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT seat, leader_candidate || '|' || leader_votes FROM seat_state")) {
        while (rs.next()) {
          oldLeaders.put(rs.getInt(1), rs.getString(2));
        }
      }
      oldSnapshots = count(s, "SELECT count(*) FROM snapshots");
      oldOverrides = count(s, "SELECT count(*) FROM overrides");
    }
    assertThat(oldEvents).hasSizeGreaterThan(1000);
    assertThat(oldOverrides).isEqualTo(2);
  }

  @Test
  void every_snapshot_event_and_override_is_still_there_and_every_seat_is_west_bengals() {
    try (ResultsStore store = ResultsStore.open(dir, WB2026)) {
      assertThat(store.snapshotCount()).isEqualTo(oldSnapshots);
      assertThat(store.lastEventId()).isEqualTo(oldEvents.keySet().stream().mapToLong(Long::longValue).max()
          .orElseThrow());
    }
    try (ResultsReader reader = ResultsReader.open(dir)) {
      JsonArray events = reader.events(0, 1_000_000, Set.of());
      assertThat(events).hasSize(oldEvents.size());
      for (Object o : events) {
        JsonObject e = (JsonObject) o;
        JsonObject old = oldEvents.get(e.getLong("id"));
        assertThat(e.getString("state")).as("event %d", e.getLong("id")).isEqualTo("S25");
        assertThat(e.getString("type")).isEqualTo(old.getString("type"));
        assertThat(e.getValue("seat")).isEqualTo(old.getValue("seat"));
        old.fieldNames().forEach(field -> assertThat(e.getValue(field)).as("event %d %s", e.getLong("id"), field)
            .isEqualTo(old.getValue(field)));
      }
      JsonArray seats = reader.constituencies("S25");
      assertThat(seats).hasSize(WB2026.seats().size());
      for (Object o : seats) {
        JsonObject seat = (JsonObject) o;
        String leader = seat.getJsonObject("leader") == null ? null
            : seat.getJsonObject("leader").getString("candidate") + "|" + seat.getJsonObject("leader").getLong("votes");
        assertThat(leader).as("seat %d", seat.getInteger("no")).isEqualTo(oldLeaders.get(seat.getInteger("no")));
        assertThat(seat.getString("state")).isEqualTo("S25");
      }
      JsonArray overrides = reader.overrides();
      assertThat(overrides).hasSize((int) oldOverrides);
      assertThat(overrides.stream().map(JsonObject.class::cast).filter(r -> r.getBoolean("active")))
          .singleElement().satisfies(r -> assertThat(r.getString("state") + " " + r.getInteger("seat"))
              .isEqualTo("S25 40"));
      assertThat(reader.snapshots("S25", 12)).isNotEmpty();
    }
  }

  @Test
  void the_migrated_store_goes_on_counting_with_new_ids_after_the_old_ones_and_the_override_still_holds() {
    long lastOld = oldEvents.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
    try (ResultsStore store = ResultsStore.open(dir, WB2026)) {
      Instant at = Instant.parse("2026-05-04T14:00:00Z");
      ApplyResult r = store.apply(new ScrapeBatch("S25", List.of(declared(1, at), declared(40, at)), List.of()));
      assertThat(r.heldSeats()).containsExactly(40);
      assertThat(r.rejections()).isEmpty();
      assertThat(r.events()).isNotEmpty().allSatisfy(e -> {
        assertThat(e.id()).isGreaterThan(lastOld);
        assertThat(e.state()).isEqualTo("S25");
      });
    }
  }

  /** Seat's real final figures as the 2026 data has them, declared. */
  private static Snapshot declared(int seat, Instant at) {
    var cands = WB2026.finals().get(seat).candidates().stream().map(c -> StoreFixtures.cand(c.candidate(), c.party(),
        c.votes())).toList();
    return new Snapshot(seat, SeatStatus.DECLARED, 30, 30, cands, at, at, "https://results.example/" + seat, false);
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }
}
