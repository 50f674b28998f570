package io.tallycast.store;

import io.tallycast.election.CandidateResult;
import io.tallycast.election.Constituency;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes what is known before counting (parties, and per state its seats and past results) on every open. Idempotent,
 * so reopening a data dir keeps everything; a data dir made for another election is refused rather than mixed.
 */
final class Seeder {
  private Seeder() {
  }

  static void seed(Connection c, Path dataDir, Election election) throws SQLException {
    Database.transaction(c, () -> {
      adoptUnnamedState(c, election);
      refuseOtherElection(c, dataDir, election);
      try (PreparedStatement meta = c.prepareStatement(Sql.META_PUT)) {
        put(meta, "state", election.main().state());
        if (!election.id().isEmpty()) {
          put(meta, "election", election.id());
        }
        put(meta, "pastYear", Integer.toString(election.main().pastYear()));
        if (election.name() != null && !election.name().isBlank()) {
          put(meta, "name", election.name()); // the report's title
        }
      }
      // the states of an embedded election carry the same party table: each party is written once
      Set<String> written = new HashSet<>();
      try (PreparedStatement party = c.prepareStatement(Sql.PARTY_UPSERT);
           PreparedStatement alias = c.prepareStatement(Sql.ALIAS_PUT)) {
        for (PartyRegistry table : election.states().stream().map(ElectionData::parties).toList()) {
          for (Party p : table.all()) {
            if (!written.add(p.code())) {
              continue;
            }
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
          UnmappedParties.remap(c, table);
        }
      }
      try (PreparedStatement seat = c.prepareStatement(Sql.SEAT_PUT)) {
        for (ElectionData state : election.states()) {
          for (Constituency k : state.seats().values()) {
            seat.setString(1, state.stateCode());
            seat.setInt(2, k.no());
            seat.setString(3, k.name());
            seat.setString(4, k.district());
            seat.setString(5, k.type() == null ? "" : k.type());
            seat.executeUpdate();
          }
        }
      }
      for (ElectionData state : election.states()) {
        seedPast(c, state);
      }
      return null;
    });
  }

  /**
   * A data dir of one state made before seats had states, whose state the migration could not name from its stored
   * name: its seats are the state of a configuration with one state (with several, the seat check below refuses).
   */
  private static void adoptUnnamedState(Connection c, Election election) throws SQLException {
    if (!election.severalStates()) {
      try (PreparedStatement adopt = c.prepareStatement(Sql.SEATS_ADOPT)) {
        adopt.setString(1, election.main().stateCode());
        adopt.executeUpdate();
      }
    }
  }

  private static void seedPast(Connection c, ElectionData election) throws SQLException {
    try (PreparedStatement past = c.prepareStatement(Sql.PAST_PUT)) {
      for (SeatResult r : election.past().values()) {
        if (r.candidates().isEmpty() || !election.seats().containsKey(r.seat())) {
          continue; // a past seat that no longer exists (delimitation) has nothing to compare with
        }
        CandidateResult winner = r.winner();
        CandidateResult runner = r.candidates().size() > 1 ? r.candidates().get(1) : null;
        past.setString(1, election.stateCode());
        past.setInt(2, r.seat());
        past.setInt(3, election.pastYear());
        past.setString(4, winner.candidate());
        past.setString(5, winner.party());
        past.setLong(6, winner.votes());
        past.setString(7, runner == null ? null : runner.candidate());
        past.setString(8, runner == null ? null : runner.party());
        if (runner == null) {
          past.setNull(9, Types.INTEGER);
        } else {
          past.setLong(9, runner.votes());
        }
        past.executeUpdate();
      }
    }
  }

  /** The same election, states and seats (numbers and names), or a clear refusal naming the first difference. */
  private static void refuseOtherElection(Connection c, Path dataDir, Election election) throws SQLException {
    Map<String, String> stored = new TreeMap<>();
    try (PreparedStatement q = c.prepareStatement(Sql.SEATS_ALL); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        stored.put(label(rs.getString(2), rs.getInt(3)), rs.getString(4));
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
    Map<String, String> given = new TreeMap<>();
    for (ElectionData state : election.states()) {
      state.seats().values().forEach(k -> given.put(label(state.stateCode(), k.no()), k.name()));
    }
    String difference = null;
    if (storedState != null && !storedState.equals(election.main().state())) {
      difference = "it holds " + storedState + ", not " + election.main().state();
    } else if (!stored.equals(given)) {
      difference = firstDifference(stored, given);
    }
    if (difference != null) {
      throw new IllegalStateException("data dir " + dataDir.toAbsolutePath() + " was made for another election ("
          + difference + "; " + stored.size() + " seats stored, " + given.size()
          + " given): use a fresh data dir for this election");
    }
  }

  /** "S25 12", sorting by state then number (numbers padded so 9 comes before 10). */
  private static String label(String state, int no) {
    return String.format("%s %4d", state, no);
  }

  private static String firstDifference(Map<String, String> stored, Map<String, String> given) {
    TreeMap<String, String> all = new TreeMap<>(stored);
    all.putAll(given);
    for (String seat : all.keySet()) {
      String s = stored.get(seat);
      String g = given.get(seat);
      if (s == null || !s.equals(g)) {
        return "seat " + seat.replaceAll(" +", " ") + " is " + (s == null ? "absent" : "'" + s + "'") + " there and "
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
