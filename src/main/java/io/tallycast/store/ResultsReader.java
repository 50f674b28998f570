package io.tallycast.store;

import io.tallycast.bus.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read side for the HTTP API: its own read-only connection (WAL lets it read while the writer writes). Thread-safe
 * (one caller at a time). The summary and the seat list are built once per database change (PRAGMA data_version) and
 * then served from memory, since they are asked for on every push to the overlay.
 */
public final class ResultsReader implements AutoCloseable {
  private final Connection db;
  private final ReaderJson json;
  private final Map<String, Cached> cache = new HashMap<>();
  private VersionedSeats seatsByState;

  /** One state's summary and seat list as built at one data version. */
  private record Cached(long version, JsonObject summary, JsonArray constituencies) {
  }

  /** Every state's seats as built at one data version. */
  private record VersionedSeats(long version, StoredSeats seats) {
  }

  private ResultsReader(Connection db) throws SQLException {
    this.db = db;
    this.json = new ReaderJson(db);
  }

  /** Opens dataDir/tallycast.db read-only; the store must have created it. */
  public static ResultsReader open(Path dataDir) {
    try {
      return new ResultsReader(Database.openReader(dataDir));
    } catch (SQLException e) {
      throw new StoreException("cannot read the results in " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * One state's seat counts, majority mark and per-party won/leading/votes/share/change (see the API contract); a
   * state the election does not have has no seats.
   */
  public synchronized JsonObject summary(String state) {
    return cached(state).summary().copy();
  }

  /**
   * The version of the data {@link #summary} and {@link #constituencies} answer from: it changes when the writer
   * commits. Asked first, it lets the API keep their encoded answers until it changes (they then come at this
   * version or a later one, never an older one).
   */
  public synchronized long dataVersion() {
    return read(() -> single(Sql.DATA_VERSION));
  }

  /**
   * Every state's seats, declared and counting, and seats won and leading per party, with the parties' names and
   * colours: what the national view adds up. Built once per data version, like the summaries.
   */
  public synchronized StoredSeats storedSeats() {
    return read(() -> {
      long version = single(Sql.DATA_VERSION); // before the data: see cached()
      if (seatsByState == null || seatsByState.version() != version) {
        seatsByState = new VersionedSeats(version, inReadTransaction(json::storedSeats));
      }
      return seatsByState.seats();
    });
  }

  /** One state's seats in number order, awaiting ones included. */
  public synchronized JsonArray constituencies(String state) {
    return cached(state).constituencies().copy();
  }

  /** One seat with its candidates (by votes, highest first) and its number of stored snapshots. */
  public synchronized Optional<JsonObject> constituency(String state, int no) {
    return read(() -> inReadTransaction(() -> json.constituency(state, no)));
  }

  /** Events with id > afterId, oldest first, at most limit, of every state. */
  public synchronized JsonArray events(long afterId, int limit, Set<String> types) {
    return events(afterId, limit, types, null);
  }

  /**
   * Events with id > afterId, oldest first, at most limit; of the given types only (empty = all types), of one state
   * only unless state is null.
   */
  public synchronized JsonArray events(long afterId, int limit, Set<String> types, String state) {
    return read(() -> {
      List<String> wanted = types == null ? List.of() : List.copyOf(types);
      for (String t : wanted) {
        EventType.fromTypeName(t); // an unknown type is a caller's mistake: say so rather than return nothing
      }
      JsonArray out = new JsonArray();
      try (PreparedStatement q = db.prepareStatement(Sql.eventsAfter(wanted.size(), state != null))) {
        int i = 1;
        q.setLong(i++, afterId);
        for (String t : wanted) {
          q.setString(i++, t);
        }
        if (state != null) {
          q.setString(i++, state);
        }
        q.setInt(i, Math.max(0, limit));
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            Integer seat = rs.getObject(4) == null ? null : rs.getInt(4);
            // the API's event shape (see ResultEvent): its own columns first, then the stored fields of its kind
            JsonObject event = new JsonObject().put("id", rs.getLong(1)).put("type", rs.getString(2))
                .put("state", rs.getString(3)).put("seat", seat)
                .put("at", Instant.ofEpochMilli(rs.getLong(5)).toString());
            new JsonObject(rs.getString(6)).forEach(field -> event.put(field.getKey(), field.getValue()));
            out.add(event);
          }
        }
      }
      return out;
    });
  }

  /** The operators' overrides, newest first, active and released: the audit trail. */
  public synchronized JsonArray overrides() {
    return read(json::overrides);
  }

  /** Every stored snapshot of a seat, oldest first, each with its candidates: the seat's history. */
  public synchronized JsonArray snapshots(String state, int seat) {
    return read(() -> inReadTransaction(() -> json.snapshots(state, seat)));
  }

  public synchronized long snapshotCount() {
    return read(() -> single(Sql.SNAPSHOT_COUNT));
  }

  public synchronized long lastEventId() {
    return read(() -> single(Sql.LAST_EVENT_ID));
  }

  /** A state's summary and seat list, built again when the writer has committed since the last build. */
  private Cached cached(String state) {
    return read(() -> {
      // Read the version before the data: a commit in between makes the next call rebuild, never serve stale data.
      long version = single(Sql.DATA_VERSION);
      Cached c = cache.get(state);
      if (c == null || c.version() != version) {
        c = inReadTransaction(() -> new Cached(version, json.summary(state), json.constituencies(state)));
        cache.put(state, c);
      }
      return c;
    });
  }

  /** Several queries that must see one state of the database: one read transaction (one WAL snapshot). */
  private <T> T inReadTransaction(Database.Work<T> work) throws SQLException {
    db.setAutoCommit(false);
    try {
      return work.run();
    } finally {
      db.rollback();
      db.setAutoCommit(true);
    }
  }

  private long single(String sql) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private <T> T read(Database.Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("reading the results failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // read-only: nothing to lose
    }
  }
}
