package io.tallycast.store;

import io.tallycast.election.Party;
import io.tallycast.election.PartyRegistry;
import io.tallycast.election.SeatRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Party labels the site wrote that no configured party knows. They are kept as written (a party row whose code is the
 * label, in grey) so that no candidate and no vote is dropped, and listed for the operator, who maps the label in the
 * party table; the next start then moves its candidates to that party ({@link #remap}). Runs on the writer's thread.
 */
final class UnmappedParties {
  static final String COLOR = "#9E9E9E";
  private static final Logger LOG = LoggerFactory.getLogger(UnmappedParties.class);

  /** Label -> keys of the seats where a candidate stands for it (see {@link SeatKeys}). */
  private final Map<String, Set<Integer>> seatsByLabel = new TreeMap<>();

  static UnmappedParties load(Connection c) throws SQLException {
    UnmappedParties out = new UnmappedParties();
    try (PreparedStatement q = c.prepareStatement(Sql.UNMAPPED_ALL); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        Set<Integer> seats = out.seatsByLabel.computeIfAbsent(rs.getString(1), k -> new TreeSet<>());
        String list = rs.getString(2);
        if (list != null) {
          for (String seat : list.split(",")) {
            seats.add(Integer.parseInt(seat.strip()));
          }
        }
      }
    }
    return out;
  }

  /** Stores the label as a party of its own when it is new; inside the caller's transaction. */
  boolean note(Connection c, String label, int key, SeatRef seat) throws SQLException {
    Set<Integer> seats = seatsByLabel.get(label);
    if (seats == null) {
      try (PreparedStatement add = c.prepareStatement(Sql.UNMAPPED_ADD)) {
        add.setString(1, label);
        add.setString(2, label);
        add.setString(3, COLOR);
        add.executeUpdate();
      }
      seatsByLabel.put(label, new TreeSet<>(Set.of(key)));
      LOG.warn("seat {}: party '{}' is in no party table entry; stored as written. Map it: add it as an alias of its "
          + "party in the party table and restart", seat, label);
      return true;
    }
    seats.add(key);
    return false;
  }

  Map<String, Set<Integer>> seatsByLabel() {
    return Collections.unmodifiableMap(seatsByLabel);
  }

  /**
   * Moves the candidates of every stored unmapped label that the party table now resolves to that party, and drops
   * the label's row. Called at start, inside the seeding transaction. Events already written keep the label.
   */
  static void remap(Connection c, PartyRegistry parties) throws SQLException {
    for (String label : load(c).seatsByLabel.keySet()) {
      Optional<Party> mapped = parties.resolve(label).filter(p -> !p.code().equals(label));
      if (mapped.isEmpty()) {
        continue;
      }
      String code = mapped.get().code();
      int moved = update(c, Sql.REMAP_CANDIDATES, code, label);
      update(c, Sql.REMAP_LEADERS, code, label);
      update(c, Sql.REMAP_RUNNERS, code, label);
      update(c, Sql.UNMAPPED_DELETE, label, label);
      LOG.info("party '{}' now maps to {}: {} candidate(s) moved to it", label, code, moved);
    }
  }

  private static int update(Connection c, String sql, String first, String second) throws SQLException {
    try (PreparedStatement u = c.prepareStatement(sql)) {
      u.setString(1, first);
      if (second != null) {
        u.setString(2, second);
      }
      return u.executeUpdate();
    }
  }
}
