package io.tallycast.store;

import io.tallycast.bus.BroadcastEnded;
import io.tallycast.bus.HealthReport;
import io.tallycast.bus.PlatformTotals;
import io.tallycast.bus.ViewerReading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The writer's side of the night's record beside the results: every viewer reading, a channel's stream health every
 * {@code sampleEvery} (and at once when its state changes, so a stop is never missed), its broadcasts (on air from
 * the first sample that shows it running to the first that does not), and a platform's own totals. Runs on the
 * store's one writing connection, so the results and these never wait for each other's locks.
 */
final class AudienceLog {
  private final Connection db;
  private final Duration sampleEvery;
  private final Map<String, Sampled> lastSample = new HashMap<>();

  private record Sampled(Instant at, String state) {
  }

  AudienceLog(Connection db, Duration sampleEvery) throws SQLException {
    this.db = db;
    this.sampleEvery = sampleEvery;
    try (PreparedStatement close = db.prepareStatement(Sql.BROADCASTS_LEFT_OPEN)) {
      close.executeUpdate();
    }
  }

  void viewers(ViewerReading r) throws SQLException {
    try (PreparedStatement add = db.prepareStatement(Sql.VIEWER_ADD)) {
      add.setString(1, r.platform());
      add.setLong(2, r.at().toEpochMilli());
      add.setString(3, r.kind().name().toLowerCase(Locale.ROOT));
      if (r.viewers() == null) {
        add.setNull(4, Types.INTEGER);
      } else {
        add.setInt(4, r.viewers());
      }
      add.setString(5, r.problem());
      add.executeUpdate();
    }
  }

  void totals(PlatformTotals t) throws SQLException {
    try (PreparedStatement put = db.prepareStatement(Sql.TOTALS_PUT)) {
      put.setString(1, t.platform());
      put.setString(2, t.video());
      put.setLong(3, t.fetchedAt().toEpochMilli());
      put.setObject(4, t.averageConcurrent());
      put.setObject(5, t.peakConcurrent());
      put.setObject(6, t.minutesWatched());
      put.executeUpdate();
    }
  }

  /** Whether a stream health report is one this log keeps: a channel's, not the "off" form's of a run without one. */
  static boolean isStream(HealthReport report) {
    return report.part().equals("stream") || report.part().startsWith("stream ");
  }

  /**
   * Keeps a stream's health report when its sample is due (or its state changed) and opens or closes its broadcast;
   * the broadcast it closed, if any, so the report can follow.
   */
  Optional<BroadcastEnded> stream(HealthReport report, Instant now) throws SQLException {
    JsonObject d = report.details();
    String channel = d.getString("channel") != null ? d.getString("channel")
        : report.part().equals("stream") ? "main" : report.part().substring("stream ".length());
    String state = d.getString("state", "off");
    Sampled last = lastSample.get(channel);
    boolean changed = last == null || !last.state().equals(state);
    boolean running = "running".equals(state);
    if (!changed && Duration.between(last.at(), now).compareTo(sampleEvery) < 0) {
      return Optional.empty();
    }
    if (!running && last == null) {
      return Optional.empty(); // a channel at rest since start: nothing to keep
    }
    return Database.transaction(db, () -> {
      lastSample.put(channel, new Sampled(now, state));
      addSample(channel, now, state, d);
      OnAir onAir = onAir(channel);
      if (running && onAir == null) {
        try (PreparedStatement open = db.prepareStatement(Sql.BROADCAST_OPEN)) {
          open.setString(1, channel);
          open.setLong(2, now.toEpochMilli());
          open.executeUpdate();
        }
      } else if (!running && onAir != null) {
        try (PreparedStatement close = db.prepareStatement(Sql.BROADCAST_CLOSE)) {
          close.setLong(1, now.toEpochMilli());
          close.setLong(2, onAir.id());
          close.executeUpdate();
        }
        return Optional.of(new BroadcastEnded(onAir.id(), channel, onAir.started(), now));
      }
      return Optional.<BroadcastEnded>empty();
    });
  }

  private record OnAir(long id, Instant started) {
  }

  private OnAir onAir(String channel) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(Sql.BROADCAST_ON_AIR)) {
      q.setString(1, channel);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? new OnAir(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2))) : null;
      }
    }
  }

  private void addSample(String channel, Instant at, String state, JsonObject d) throws SQLException {
    JsonObject encoder = d.getJsonObject("encoder", new JsonObject());
    JsonObject source = d.getJsonObject("source", new JsonObject());
    JsonArray destinations = new JsonArray();
    for (Object o : d.getJsonArray("destinations", new JsonArray())) {
      if (o instanceof JsonObject dest) {
        destinations.add(new JsonObject().put("name", dest.getString("target")).put("state", dest.getString("state"))
            .put("reconnects", dest.getLong("reconnects", 0L)));
      }
    }
    try (PreparedStatement add = db.prepareStatement(Sql.STREAM_SAMPLE_ADD)) {
      add.setString(1, channel);
      add.setLong(2, at.toEpochMilli());
      add.setString(3, state);
      add.setDouble(4, number(d, "fps").doubleValue());
      add.setLong(5, number(d, "bitrate").longValue());
      add.setLong(6, number(d, "encoded").longValue());
      add.setLong(7, number(d, "dropped").longValue());
      add.setLong(8, number(d, "repeated").longValue());
      add.setLong(9, number(d, "reconnects").longValue());
      add.setLong(10, number(source, "restarts").longValue());
      add.setLong(11, number(encoder, "level").longValue());
      add.setLong(12, number(encoder, "changes").longValue());
      add.setString(13, destinations.encode());
      add.executeUpdate();
    }
  }

  private static Number number(JsonObject o, String key) {
    Object v = o.getValue(key);
    return v instanceof Number n ? n : 0;
  }
}
