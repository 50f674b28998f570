package io.tallycast.store;

import io.tallycast.bus.ArchivedPage;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.bus.Standing;
import io.tallycast.bus.Wire;
import io.tallycast.election.SeatStatus;
import io.tallycast.events.SeatState;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The writer's row access: statements prepared once and kept, until a write fails (see {@link #renew}).
 */
final class StoreRows implements AutoCloseable {
  /** An event's fields that have their own column; the rest is its stored body. */
  private static final String[] EVENT_COLUMNS = {"id", "type", "state", "seat", "at"};
  private final Connection c;
  private PreparedStatement currentVotes;
  private PreparedStatement candidatesOfSeat;
  private PreparedStatement candidateAdd;
  private PreparedStatement snapshotAdd;
  private PreparedStatement votesAdd;
  private PreparedStatement statePut;
  private PreparedStatement eventAdd;
  private PreparedStatement pageAdd;

  StoreRows(Connection c) throws SQLException {
    this.c = c;
    prepare();
  }

  /**
   * After a failed write: the SQLite driver closes a statement whose step failed (SQLITE_FULL on a full disk does it),
   * and every later use of it fails with "statement is not executing", so without this the store would never write
   * again once the disk has room. Preparing needs no disk space.
   */
  void renew() throws SQLException {
    for (PreparedStatement p : all()) {
      try {
        p.close();
      } catch (SQLException e) {
        // already closed by the driver: nothing to release
      }
    }
    prepare();
  }

  private void prepare() throws SQLException {
    currentVotes = c.prepareStatement(Sql.CURRENT_VOTES);
    candidatesOfSeat = c.prepareStatement(Sql.CANDIDATES_OF_SEAT);
    candidateAdd = c.prepareStatement(Sql.CANDIDATE_ADD, Statement.RETURN_GENERATED_KEYS);
    snapshotAdd = c.prepareStatement(Sql.SNAPSHOT_ADD, Statement.RETURN_GENERATED_KEYS);
    votesAdd = c.prepareStatement(Sql.VOTES_ADD);
    statePut = c.prepareStatement(Sql.STATE_PUT);
    eventAdd = c.prepareStatement(Sql.EVENT_ADD, Statement.RETURN_GENERATED_KEYS);
    pageAdd = c.prepareStatement(Sql.PAGE_ADD);
  }

  /** Every seat of one state with figures, by key (see {@link SeatKeys}). */
  Map<Integer, SeatState> states(String state) throws SQLException {
    Map<Integer, SeatState> out = new HashMap<>();
    try (PreparedStatement q = c.prepareStatement(Sql.STATES_OF_STATE)) {
      q.setString(1, state);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getInt(1), new SeatState(rs.getString(2), rs.getInt(3), status(rs.getString(4)), rs.getInt(5),
              rs.getInt(6), standing(rs, 7), standing(rs, 10), Instant.ofEpochMilli(rs.getLong(13))));
        }
      }
    }
    return out;
  }

  List<SnapshotCandidate> currentVotes(int key) throws SQLException {
    currentVotes.setInt(1, key);
    List<SnapshotCandidate> out = new ArrayList<>();
    try (ResultSet rs = currentVotes.executeQuery()) {
      while (rs.next()) {
        out.add(new SnapshotCandidate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
      }
    }
    return out;
  }

  /**
   * Stores the snapshot of the seat of this key, its votes (adding candidates seen for the first time) and the seat's
   * new current state.
   *
   * @param overrideId the operator override that set these figures, or null for a scraped snapshot
   */
  void write(int key, Snapshot s, SeatState after, Long overrideId) throws SQLException {
    Map<String, Long> ids = candidateIds(key);
    snapshotAdd.setInt(1, key);
    snapshotAdd.setString(2, s.status().json());
    snapshotAdd.setInt(3, s.roundsDone());
    snapshotAdd.setInt(4, s.roundsTotal());
    snapshotAdd.setLong(5, s.sourceTime().toEpochMilli());
    snapshotAdd.setLong(6, s.fetchedAt().toEpochMilli());
    snapshotAdd.setString(7, s.url());
    snapshotAdd.setInt(8, s.correction() ? 1 : 0);
    setLong(snapshotAdd, 9, overrideId);
    snapshotAdd.executeUpdate();
    long snapshotId = generatedKey(snapshotAdd);
    long total = 0;
    for (SnapshotCandidate cand : s.candidates()) {
      Long id = ids.get(key(cand.name(), cand.party()));
      if (id == null) {
        candidateAdd.setInt(1, key);
        candidateAdd.setString(2, cand.name());
        candidateAdd.setString(3, cand.party());
        candidateAdd.executeUpdate();
        id = generatedKey(candidateAdd);
      }
      votesAdd.setLong(1, snapshotId);
      votesAdd.setLong(2, id);
      votesAdd.setLong(3, cand.evmVotes());
      votesAdd.setLong(4, cand.postalVotes());
      votesAdd.setLong(5, cand.totalVotes());
      votesAdd.addBatch();
      total += cand.totalVotes();
    }
    votesAdd.executeBatch();
    putState(key, after, snapshotId, total);
  }

  private void putState(int key, SeatState after, long snapshotId, long totalVotes) throws SQLException {
    statePut.setInt(1, key);
    statePut.setLong(2, snapshotId);
    statePut.setString(3, after.status().json());
    statePut.setInt(4, after.roundsDone());
    statePut.setInt(5, after.roundsTotal());
    setStanding(statePut, 6, after.leader());
    setStanding(statePut, 9, after.runnerUp());
    setLong(statePut, 12, after.margin());
    statePut.setLong(13, totalVotes);
    statePut.setLong(14, after.sourceTime().toEpochMilli());
    statePut.executeUpdate();
  }

  /**
   * Stores an event as the API shows it, less what has its own column (id, type, state, seat, time).
   *
   * @param key the key of the event's seat, null for a tally change
   */
  long addEvent(ResultEvent e, Integer key) throws SQLException {
    eventAdd.setString(1, e.type().typeName());
    eventAdd.setString(2, e.state());
    if (key == null) {
      eventAdd.setNull(3, Types.INTEGER);
    } else {
      eventAdd.setInt(3, key);
    }
    eventAdd.setLong(4, e.at().toEpochMilli());
    JsonObject body = Wire.json(e);
    for (String column : EVENT_COLUMNS) {
      body.remove(column);
    }
    eventAdd.setString(5, body.encode());
    eventAdd.setLong(6, System.currentTimeMillis());
    eventAdd.executeUpdate();
    return generatedKey(eventAdd);
  }

  void addPage(ArchivedPage page) throws SQLException {
    pageAdd.setString(1, page.url());
    pageAdd.setLong(2, page.fetchedAt().toEpochMilli());
    pageAdd.setString(3, page.sha256());
    pageAdd.setBytes(4, page.gzipped());
    pageAdd.executeUpdate();
  }

  /** A one-column query of seat keys as a set. */
  Set<Integer> seats(String sql) throws SQLException {
    Set<Integer> out = new HashSet<>();
    try (PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  long single(String sql) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private Map<String, Long> candidateIds(int key) throws SQLException {
    candidatesOfSeat.setInt(1, key);
    Map<String, Long> out = new HashMap<>();
    try (ResultSet rs = candidatesOfSeat.executeQuery()) {
      while (rs.next()) {
        out.put(key(rs.getString(2), rs.getString(3)), rs.getLong(1));
      }
    }
    return out;
  }

  private static String key(String name, String party) {
    return name + '\u0000' + party;
  }

  static SeatStatus status(String json) {
    return SeatStatus.valueOf(json.toUpperCase(Locale.ROOT));
  }

  private static Standing standing(ResultSet rs, int column) throws SQLException {
    String candidate = rs.getString(column);
    return candidate == null ? null : new Standing(candidate, rs.getString(column + 1), rs.getLong(column + 2));
  }

  private static void setStanding(PreparedStatement p, int column, Standing s) throws SQLException {
    p.setString(column, s == null ? null : s.candidate());
    p.setString(column + 1, s == null ? null : s.party());
    setLong(p, column + 2, s == null ? null : s.votes());
  }

  private static void setLong(PreparedStatement p, int column, Long value) throws SQLException {
    if (value == null) {
      p.setNull(column, Types.INTEGER);
    } else {
      p.setLong(column, value);
    }
  }

  static long generatedKey(PreparedStatement p) throws SQLException {
    try (ResultSet keys = p.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("no id was generated");
      }
      return keys.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement p : all()) {
      p.close();
    }
  }

  private List<PreparedStatement> all() {
    return List.of(currentVotes, candidatesOfSeat, candidateAdd, snapshotAdd, votesAdd, statePut, eventAdd, pageAdd);
  }
}
