package io.tallycast.store;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.Constituency;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Party;
import io.tallycast.election.SeatResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes what is known before counting (parties, seats, past results) on every open. Idempotent, so reopening a
 * data dir keeps everything; a data dir made for another election is refused rather than mixed.
 */
final class Seeder {
  private Seeder() {
  }

  static void seed(Connection c, Path dataDir, ElectionData election) throws SQLException {
    Database.transaction(c, () -> {
      refuseOtherElection(c, dataDir, election);
      try (PreparedStatement meta = c.prepareStatement(Sql.META_PUT)) {
        put(meta, "state", election.state());
        if (!election.id().isEmpty()) {
          put(meta, "election", election.id());
        }
        put(meta, "pastYear", Integer.toString(election.pastYear()));
      }
      try (PreparedStatement party = c.prepareStatement(Sql.PARTY_UPSERT);
           PreparedStatement alias = c.prepareStatement(Sql.ALIAS_PUT)) {
        for (Party p : election.parties().all()) {
          party.setString(1, p.code());
          party.setString(2, p.name());
          party.setString(3, p.color());
          party.executeUpdate();
          for (String a : p.aliases()) {
            alias.setString(1, a);
            alias.setString(2, p.code());
            alias.executeUpdate();
          }
        }
      }
      UnmappedParties.remap(c, election.parties());
      try (PreparedStatement seat = c.prepareStatement(Sql.SEAT_PUT)) {
        for (Constituency k : election.seats().values()) {
          seat.setInt(1, k.no());
          seat.setString(2, k.name());
          seat.setString(3, k.district());
          seat.setString(4, k.type() == null ? "" : k.type());
          seat.executeUpdate();
        }
      }
      seedPast(c, election);
      return null;
    });
  }

  private static void seedPast(Connection c, ElectionData election) throws SQLException {
    try (PreparedStatement past = c.prepareStatement(Sql.PAST_PUT)) {
      for (SeatResult r : election.past().values()) {
        if (r.candidates().isEmpty() || !election.seats().containsKey(r.seat())) {
          continue; // a past seat that no longer exists (delimitation) has nothing to compare with
        }
        CandidateResult winner = r.winner();
        CandidateResult runner = r.candidates().size() > 1 ? r.candidates().get(1) : null;
        past.setInt(1, r.seat());
        past.setInt(2, election.pastYear());
        past.setString(3, winner.candidate());
        past.setString(4, winner.party());
        past.setLong(5, winner.votes());
        past.setString(6, runner == null ? null : runner.candidate());
        past.setString(7, runner == null ? null : runner.party());
        if (runner == null) {
          past.setNull(8, Types.INTEGER);
        } else {
          past.setLong(8, runner.votes());
        }
        past.executeUpdate();
      }
    }
  }

  /** Same state and same seats (numbers and names), or a clear refusal naming the first difference. */
  private static void refuseOtherElection(Connection c, Path dataDir, ElectionData election) throws SQLException {
    Map<Integer, String> stored = new TreeMap<>();
    try (PreparedStatement q = c.prepareStatement(Sql.SEATS_ALL); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        stored.put(rs.getInt(1), rs.getString(2));
      }
    }
    String storedState = get(c, "state");
    String storedElection = get(c, "election");
    if (storedElection != null && !election.id().isEmpty() && !storedElection.equals(election.id())) {
      throw new IllegalStateException("data dir " + dataDir.toAbsolutePath() + " was made for election "
          + storedElection + ", not " + election.id() + ": use a fresh data dir for this election");
    }
    if (stored.isEmpty() && storedState == null) {
      return;
    }
    Map<Integer, String> given = new TreeMap<>();
    election.seats().values().forEach(k -> given.put(k.no(), k.name()));
    String difference = null;
    if (storedState != null && !storedState.equals(election.state())) {
      difference = "it holds " + storedState + ", not " + election.state();
    } else if (!stored.equals(given)) {
      difference = firstDifference(stored, given);
    }
    if (difference != null) {
      throw new IllegalStateException("data dir " + dataDir.toAbsolutePath() + " was made for another election ("
          + difference + "; " + stored.size() + " seats stored, " + given.size()
          + " given): use a fresh data dir for this election");
    }
  }

  private static String firstDifference(Map<Integer, String> stored, Map<Integer, String> given) {
    TreeMap<Integer, String> all = new TreeMap<>(stored);
    all.putAll(given);
    for (Integer no : all.keySet()) {
      String s = stored.get(no);
      String g = given.get(no);
      if (s == null || !s.equals(g)) {
        return "seat " + no + " is " + (s == null ? "absent" : "'" + s + "'") + " there and "
            + (g == null ? "absent" : "'" + g + "'") + " here";
      }
    }
    return "no difference";
  }

  private static void put(PreparedStatement meta, String key, String value) throws SQLException {
    meta.setString(1, key);
    meta.setString(2, value);
    meta.executeUpdate();
  }

  private static String get(Connection c, String key) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(Sql.META_GET)) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
