package io.tallycast.store;

import io.tallycast.bus.PlatformTotals;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.ViewerReading;
import io.tallycast.bus.Wire;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read side of the night's record: broadcasts, viewer samples, stream health samples, platform totals and every
 * event with the time it was committed, for the console and the report. Its own read-only connection (WAL: it never
 * waits for the writer); thread-safe, one caller at a time.
 */
public final class NightRecord implements AutoCloseable {
  private final Connection db;

  /** One channel on air; {@code ended} is the last sample's time while {@code open} (on air, or left by a kill). */
  public record Broadcast(long id, String channel, Instant started, Instant ended, boolean open) {
  }

  /** A channel's health at one moment; its counters are the stream's own since it started. */
  public record StreamSample(String channel, Instant at, String state, double fps, long bitrate, long encoded,
                             long dropped, long repeated, long reconnects, long browserRestarts, int encoderLevel,
                             long encoderChanges, JsonArray destinations) {
  }

  /** An event and when the store committed it (the axis the viewers are on). */
  public record TimedEvent(ResultEvent event, Instant committed) {
  }

  /** A seat of the data dir: its state's code, its number and its name (text from the results site's world). */
  public record Seat(String state, int no, String name) {
  }

  /** A party as the data dir knows it: code, name and colour ("#rrggbb"). */
  public record Party(String code, String name, String color) {
  }

  private NightRecord(Connection db) {
    this.db = db;
  }

  /** Opens dataDir/tallycast.db read-only; the store must have created it. */
  public static NightRecord open(Path dataDir) {
    try {
      return new NightRecord(Database.openReader(dataDir));
    } catch (SQLException e) {
      throw new StoreException("cannot read the night's record in " + dataDir.toAbsolutePath() + ": "
          + e.getMessage(), e);
    }
  }

  public synchronized List<Broadcast> broadcasts() {
    return rows(Sql.BROADCASTS_ALL, rs -> new Broadcast(rs.getLong(1), rs.getString(2),
        Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(5)), rs.getObject(4) == null));
  }

  /** Every platform's readings between two moments (inclusive), oldest first. */
  public synchronized List<ViewerReading> viewers(Instant from, Instant to) {
    return rows(Sql.VIEWERS_BETWEEN, NightRecord::reading, from.toEpochMilli(), to.toEpochMilli());
  }

  /** Each platform's newest reading. */
  public synchronized List<ViewerReading> latestViewers() {
    return rows(Sql.VIEWERS_LATEST, NightRecord::reading);
  }

  /** Every channel's health samples between two moments (inclusive), by channel then time. */
  public synchronized List<StreamSample> streamSamples(Instant from, Instant to) {
    return rows(Sql.STREAM_SAMPLES_BETWEEN, NightRecord::sample, from.toEpochMilli(), to.toEpochMilli());
  }

  /** Each channel's last health sample before a moment (none for a channel with no sample before it). */
  public synchronized List<StreamSample> lastStreamSamplesBefore(Instant moment) {
    return rows(Sql.STREAM_SAMPLES_LAST_BEFORE, NightRecord::sample, moment.toEpochMilli());
  }

  /** Every seat of every state, by state then number. */
  public synchronized List<Seat> seats() {
    return rows(Sql.SEATS_ALL, rs -> new Seat(rs.getString(2), rs.getInt(3), rs.getString(4)));
  }

  public synchronized List<Party> parties() {
    return rows(Sql.PARTIES_ALL, rs -> new Party(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  /** What the data dir was made for: "election" (its id), "state" (the first state's name), "pastYear". */
  public synchronized Map<String, String> meta() {
    Map<String, String> out = new TreeMap<>();
    rows(Sql.META_ALL, rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }

  private static StreamSample sample(ResultSet rs) throws SQLException {
    return new StreamSample(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getDouble(4),
        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getInt(11),
        rs.getLong(12), new JsonArray(rs.getString(13)));
  }

  public synchronized List<PlatformTotals> platformTotals() {
    return rows(Sql.TOTALS_ALL, rs -> new PlatformTotals(rs.getString(1), rs.getString(2),
        Instant.ofEpochMilli(rs.getLong(3)), rs.getObject(4) == null ? null : rs.getDouble(4), longOrNull(rs, 5),
        longOrNull(rs, 6)));
  }

  /** Every event, oldest first, with its commit time. */
  public synchronized List<TimedEvent> events() {
    return rows(Sql.EVENTS_TIMED, rs -> {
      JsonObject event = new JsonObject().put("id", rs.getLong(1)).put("type", rs.getString(2))
          .put("state", rs.getString(3)).put("seat", rs.getObject(4) == null ? null : rs.getInt(4))
          .put("at", Instant.ofEpochMilli(rs.getLong(5)).toString());
      new JsonObject(rs.getString(6)).forEach(field -> event.put(field.getKey(), field.getValue()));
      return new TimedEvent(Wire.fromJson(event, ResultEvent.class), Instant.ofEpochMilli(rs.getLong(7)));
    });
  }

  private static ViewerReading reading(ResultSet rs) throws SQLException {
    return new ViewerReading(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
        ViewerReading.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
        rs.getObject(4) == null ? null : rs.getInt(4), rs.getString(5));
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column) == null ? null : rs.getLong(column);
  }

  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> rows(String sql, Row<T> row, long... parameters) {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        q.setLong(i + 1, parameters[i]);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("reading the night's record failed: " + e.getMessage(), e);
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
