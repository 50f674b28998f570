package io.tallycast.store;

import io.tallycast.bus.PartySeats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the API's JSON from the database. The field names are a contract with the overlay, the console and the
 * acceptance checks: change them only together with those.
 */
final class ReaderJson {
  private final Connection db;

  ReaderJson(Connection db) {
    this.db = db;
  }

  private record PartyRow(String code, String name, String color, long won, long leading, long votes, long past) {
  }

  /** One state's summary (see the API contract); its figures are that state's only. */
  JsonObject summary(String state) throws SQLException {
    long total = longs(Sql.SEAT_COUNT, state).getOrDefault("", 0L);
    Map<String, Long> byStatus = longs(Sql.STATUS_COUNTS, state);
    long declared = byStatus.getOrDefault("declared", 0L);
    long counting = byStatus.getOrDefault("counting", 0L);
    Map<String, Long> won = new HashMap<>();
    Map<String, Long> leading = new HashMap<>();
    try (PreparedStatement q = db.prepareStatement(Sql.SEATS_BY_LEADER)) {
      q.setString(1, state);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          won.put(rs.getString(1), rs.getLong(2));
          leading.put(rs.getString(1), rs.getLong(3));
        }
      }
    }
    Map<String, Long> votes = longs(Sql.VOTES_BY_PARTY, state);
    Map<String, Long> past = longs(Sql.PAST_SEATS_BY_PARTY, state);
    long allVotes = votes.values().stream().mapToLong(Long::longValue).sum();
    List<PartyRow> rows = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(Sql.PARTIES_ALL); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        String code = rs.getString(1);
        PartyRow row = new PartyRow(code, rs.getString(2), rs.getString(3), won.getOrDefault(code, 0L),
            leading.getOrDefault(code, 0L), votes.getOrDefault(code, 0L), past.getOrDefault(code, 0L));
        if (row.won + row.leading + row.votes + row.past > 0) {
          rows.add(row);
        }
      }
    }
    rows.sort(Comparator.comparingLong((PartyRow r) -> r.won + r.leading).reversed()
        .thenComparing(Comparator.comparingLong(PartyRow::votes).reversed()).thenComparing(PartyRow::code));
    JsonArray parties = new JsonArray();
    for (PartyRow r : rows) {
      parties.add(new JsonObject().put("party", r.code).put("name", r.name).put("color", r.color).put("won", r.won)
          .put("leading", r.leading).put("votes", r.votes).put("voteShare", percent(r.votes, allVotes))
          .put("change", r.won - r.past).put("past", r.past));
    }
    Long newest = longs(Sql.NEWEST_SOURCE_TIME, state).get("");
    return new JsonObject()
        .put("state", state)
        .put("seats", new JsonObject().put("total", total).put("declared", declared).put("counting", counting)
            .put("awaiting", total - declared - counting))
        .put("majority", total / 2 + 1)
        .put("parties", parties)
        .put("updatedAt", iso(newest));
  }

  /** Every state's seat counts and seats by party, and every party's name and colour: see {@link StoredSeats}. */
  StoredSeats storedSeats() throws SQLException {
    Map<String, Long> seats = new java.util.LinkedHashMap<>();
    Map<String, Map<String, Long>> statuses = new HashMap<>();
    Map<String, Map<String, PartySeats>> leaders = new HashMap<>();
    try (PreparedStatement q = db.prepareStatement(Sql.SEATS_PER_STATE); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        seats.put(rs.getString(1), rs.getLong(2));
      }
    }
    try (PreparedStatement q = db.prepareStatement(Sql.STATUS_PER_STATE); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        statuses.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
      }
    }
    try (PreparedStatement q = db.prepareStatement(Sql.LEADERS_PER_STATE); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        leaders.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
            .put(rs.getString(2), new PartySeats(rs.getInt(3), rs.getInt(4)));
      }
    }
    List<StoredSeats.State> states = new ArrayList<>();
    seats.forEach((state, total) -> {
      Map<String, Long> byStatus = statuses.getOrDefault(state, Map.of());
      states.add(new StoredSeats.State(state, total.intValue(), byStatus.getOrDefault("declared", 0L).intValue(),
          byStatus.getOrDefault("counting", 0L).intValue(), leaders.getOrDefault(state, Map.of())));
    });
    Map<String, StoredSeats.Party> parties = new HashMap<>();
    try (PreparedStatement q = db.prepareStatement(Sql.PARTIES_ALL); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        parties.put(rs.getString(1), new StoredSeats.Party(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return new StoredSeats(states, parties);
  }

  JsonArray constituencies(String state) throws SQLException {
    JsonArray out = new JsonArray();
    try (PreparedStatement q = db.prepareStatement(Sql.SEATS_LIST)) {
      q.setString(1, state);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(seat(rs));
        }
      }
    }
    return out;
  }

  Optional<JsonObject> constituency(String state, int no) throws SQLException {
    JsonObject seat;
    try (PreparedStatement q = db.prepareStatement(Sql.SEAT_ONE)) {
      q.setString(1, state);
      q.setInt(2, no);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        seat = seat(rs);
      }
    }
    try (PreparedStatement q = db.prepareStatement(Sql.SEAT_CANDIDATES)) {
      q.setString(1, state);
      q.setInt(2, no);
      seat.put("candidates", candidates(q));
    }
    try (PreparedStatement q = db.prepareStatement(Sql.SNAPSHOTS_OF_SEAT_COUNT)) {
      q.setString(1, state);
      q.setInt(2, no);
      try (ResultSet rs = q.executeQuery()) {
        seat.put("snapshots", rs.next() ? rs.getLong(1) : 0L);
      }
    }
    return Optional.of(seat);
  }

  JsonArray snapshots(String state, int seat) throws SQLException {
    JsonArray out = new JsonArray();
    try (PreparedStatement q = db.prepareStatement(Sql.SNAPSHOTS_OF_SEAT);
         PreparedStatement votes = db.prepareStatement(Sql.VOTES_OF_SNAPSHOT)) {
      q.setString(1, state);
      q.setInt(2, seat);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          votes.setLong(1, rs.getLong(1));
          out.add(new JsonObject().put("id", rs.getLong(1)).put("state", state).put("seat", seat)
              .put("status", rs.getString(2))
              .put("rounds", rounds(rs.getInt(3), rs.getInt(4)))
              .put("sourceTime", iso(rs.getLong(5))).put("fetchedAt", iso(rs.getLong(6)))
              .put("url", rs.getString(7)).put("correction", rs.getInt(8) == 1)
              .put("overrideId", rs.getObject(9) == null ? null : rs.getLong(9))
              .put("candidates", candidates(votes)));
        }
      }
    }
    return out;
  }

  /** The operators' overrides, newest first: the audit trail. */
  JsonArray overrides() throws SQLException {
    JsonArray out = new JsonArray();
    try (PreparedStatement q = db.prepareStatement(Sql.OVERRIDES_ALL); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.add(OverrideJson.of(rs));
      }
    }
    return out;
  }

  /**
   * One row of {@link Sql#SEATS_LIST}: a seat with no snapshot yet is awaiting, with no figures; "overridden" is the
   * active operator override ({"id","at","reason"}) or null.
   */
  private static JsonObject seat(ResultSet rs) throws SQLException {
    String status = rs.getString(4);
    JsonObject pastResult = rs.getString(15) == null ? null
        : new JsonObject().put("party", rs.getString(15)).put("candidate", rs.getString(16));
    return new JsonObject().put("state", rs.getString(20)).put("no", rs.getInt(1)).put("name", rs.getString(2))
        .put("district", rs.getString(3))
        .put("status", status == null ? "awaiting" : status)
        .put("rounds", rounds(rs.getInt(5), rs.getInt(6)))
        .put("leader", standing(rs, 7)).put("runnerUp", standing(rs, 10))
        .put("margin", rs.getObject(13) == null ? null : rs.getLong(13))
        .put("past", pastResult)
        .put("updatedAt", rs.getObject(14) == null ? null : iso(rs.getLong(14)))
        .put("overridden", rs.getObject(17) == null ? null : new JsonObject().put("id", rs.getLong(17))
            .put("at", iso(rs.getLong(18))).put("reason", rs.getString(19)));
  }

  private static JsonArray candidates(PreparedStatement q) throws SQLException {
    List<JsonObject> list = new ArrayList<>();
    long total = 0;
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        total += rs.getLong(5);
        list.add(new JsonObject().put("candidate", rs.getString(1)).put("party", rs.getString(2))
            .put("evmVotes", rs.getLong(3)).put("postalVotes", rs.getLong(4)).put("votes", rs.getLong(5)));
      }
    }
    JsonArray out = new JsonArray();
    for (JsonObject c : list) {
      out.add(c.put("voteShare", percent(c.getLong("votes"), total)));
    }
    return out;
  }

  private static JsonObject rounds(int done, int total) {
    return new JsonObject().put("done", done).put("total", total);
  }

  private static JsonObject standing(ResultSet rs, int column) throws SQLException {
    String candidate = rs.getString(column);
    return candidate == null ? null
        : new JsonObject().put("candidate", candidate).put("party", rs.getString(column + 1))
            .put("votes", rs.getLong(column + 2));
  }

  /** A share in percent with 2 decimals; 0 when nothing is counted. */
  static double percent(long part, long whole) {
    return whole == 0 ? 0.0 : Math.round(part * 10_000.0 / whole) / 100.0;
  }

  private static String iso(Long epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
  }

  /** A two-column query of one state as key -> number; a one-column query lands under the key "". */
  private Map<String, Long> longs(String sql, String state) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setString(1, state);
      try (ResultSet rs = q.executeQuery()) {
        boolean keyed = rs.getMetaData().getColumnCount() == 2;
        while (rs.next()) {
          Object value = rs.getObject(keyed ? 2 : 1);
          if (value != null) {
            out.put(keyed ? rs.getString(1) : "", ((Number) value).longValue());
          }
        }
      }
    }
    return out;
  }
}
