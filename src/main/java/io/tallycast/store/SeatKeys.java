package io.tallycast.store;

import io.tallycast.election.SeatRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The row id of each seat (its key in every table) and the seat it stands for, a state's code and a number, read once
 * after seeding: the store works with keys inside, and the bus and the API with (state, number).
 */
final class SeatKeys {
  private final Map<SeatRef, Integer> keys = new HashMap<>();
  private final Map<Integer, SeatRef> seats = new HashMap<>();
  private final Map<Integer, String> names = new HashMap<>();
  private final Map<String, Set<Integer>> numbers = new TreeMap<>();

  static SeatKeys read(Connection c) throws SQLException {
    SeatKeys out = new SeatKeys();
    try (PreparedStatement q = c.prepareStatement(Sql.SEATS_ALL); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        SeatRef seat = new SeatRef(rs.getString(2), rs.getInt(3));
        out.keys.put(seat, rs.getInt(1));
        out.seats.put(rs.getInt(1), seat);
        out.names.put(rs.getInt(1), rs.getString(4));
        out.numbers.computeIfAbsent(seat.state(), k -> new TreeSet<>()).add(seat.no());
      }
    }
    return out;
  }

  /** The key of a seat, or null when the election has no such seat. */
  Integer key(String state, int no) {
    return keys.get(new SeatRef(state, no));
  }

  SeatRef seat(int key) {
    return seats.get(key);
  }

  String name(int key) {
    return names.get(key);
  }

  boolean hasState(String state) {
    return numbers.containsKey(state);
  }

  /** The seat numbers of one state (empty for a state the election does not have). */
  Set<Integer> numbers(String state) {
    return Collections.unmodifiableSet(numbers.getOrDefault(state, Set.of()));
  }

  Set<String> states() {
    return Collections.unmodifiableSet(numbers.keySet());
  }
}
