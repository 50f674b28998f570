package io.tallycast.store;

import io.tallycast.bus.OverrideRelease;
import io.tallycast.bus.OverrideReleased;
import io.tallycast.bus.OverrideResult;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.SeatOverridden;
import io.tallycast.bus.SeatOverride;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.bus.Standing;
import io.tallycast.election.SeatStatus;
import io.tallycast.events.ChangeDetector;
import io.tallycast.events.SeatState;
import io.tallycast.events.Tally;
import io.tallycast.util.OnAirText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's side of operator overrides, run inside the store's transaction (see {@link ResultsStore#override}).
 * An override is written like a scraped snapshot marked as a correction (so votes may go down), its changes found by
 * the same {@link ChangeDetector}, plus a {@code seat.overridden} event and an audit row.
 */
final class Overrides {
  private final Connection c;
  private final StoreRows rows;
  private final SeatKeys keys;
  private final Map<Integer, String> pastWinners;

  Overrides(Connection c, StoreRows rows, SeatKeys keys, Map<Integer, String> pastWinners) {
    this.c = c;
    this.rows = rows;
    this.keys = keys;
    this.pastWinners = pastWinners;
  }

  OverrideResult override(SeatOverride o, Instant now) throws SQLException {
    int key = key(o.state(), o.seat());
    String name = keys.name(key);
    Map<Integer, SeatState> states = rows.states(o.state());
    SeatState current = states.get(key);
    if (current == null) {
      throw new OverrideRefused(409, "seat " + o.seat() + " (" + name + ") has no figures yet: an override corrects "
          + "the figures of a seat whose count has started");
    }
    List<SnapshotCandidate> stored = rows.currentVotes(key);
    List<SnapshotCandidate> figures = corrected(o, name, stored);
    int total = o.roundsTotal() != null ? o.roundsTotal() : current.roundsTotal();
    // declaring means the count is complete, unless the operator says otherwise
    int done = o.roundsDone() != null ? o.roundsDone()
        : o.status() == SeatStatus.DECLARED ? total : current.roundsDone();
    if (done > total) {
      throw new OverrideRefused(400, "rounds done " + done + " of " + total + " total is impossible; give 'rounds'");
    }
    if (o.status() == SeatStatus.DECLARED && done != total) {
      throw new OverrideRefused(400, SeatOverride.notAllRoundsDone(done, total).getMessage());
    }
    SeatState after = SeatState.of(o.state(), o.seat(), o.status(), done, total,
        figures.stream().map(f -> new Standing(f.name(), f.party(), f.totalVotes())).toList(), now);
    if (o.status() == SeatStatus.DECLARED) {
      checkSingleLeader(after);
    } else if (current.declared()) {
      checkStillACount(o.seat(), name, current, after);
    }

    Long replaced = activeOverride(key);
    if (replaced != null) {
      // a second correction of an overridden seat replaces the first; the seat stays held throughout
      release(replaced, now, "replaced by a new override");
    }
    long id = addRow(key, o, now, figuresJson(current.status(), current.roundsDone(), current.roundsTotal(), stored),
        figuresJson(o.status(), done, total, figures));
    if (replaced != null) {
      release(replaced, now, "replaced by override #" + id);
    }

    Tally tallyBefore = Tally.of(states.values());
    List<ResultEvent> detected = new ArrayList<>();
    detected.add(new SeatOverridden(0, o.state(), o.seat(), now, name, id, o.reason(), o.status(), after.leader()));
    Snapshot snapshot = new Snapshot(o.seat(), o.status(), done, total, figures, now, now, "operator:override/" + id,
        true);
    if (!SnapshotRules.sameAs(snapshot, current, stored)) {
      rows.write(key, snapshot, after, id);
      detected.addAll(ChangeDetector.seatEvents(current, after, pastWinners.get(key)));
      states.put(key, after);
    }
    ChangeDetector.tallyEvent(o.state(), tallyBefore, Tally.of(states.values()), now)
        .ifPresent(detected::add);
    return new OverrideResult(row(id), store(detected));
  }

  OverrideResult release(OverrideRelease r, Instant now) throws SQLException {
    int key = key(r.state(), r.seat());
    String name = keys.name(key);
    Long id = activeOverride(key);
    if (id == null) {
      throw new OverrideRefused(409, "seat " + r.seat() + " (" + name + ") is not overridden");
    }
    release(id, now, r.reason());
    ResultEvent released = new OverrideReleased(0, r.state(), r.seat(), now, name, id, r.reason());
    return new OverrideResult(row(id), store(List.of(released)));
  }

  private int key(String state, int seat) {
    Integer key = keys.key(state, seat);
    if (key == null) {
      throw new OverrideRefused(404, keys.hasState(state) ? "no constituency numbered " + seat + " in " + state
          : "no state " + state + " in this election (states: " + keys.states() + ")");
    }
    return key;
  }

  /**
   * The stored candidates with the operator's votes where given. The EVM/postal split is not something an operator
   * corrects on the night: postal votes stay as stored (at most the new total) and EVM votes take the difference.
   */
  private static List<SnapshotCandidate> corrected(SeatOverride o, String name, List<SnapshotCandidate> stored) {
    Map<String, SnapshotCandidate> byKey = new LinkedHashMap<>();
    // the operator's names are cleaned; a name stored before scraped text was cleaned still matches its clean form
    stored.forEach(s -> byKey.put(key(OnAirText.clean(s.name()), OnAirText.clean(s.party())), s));
    Map<String, Long> given = new LinkedHashMap<>();
    for (Standing g : o.candidates() == null ? List.<Standing>of() : o.candidates()) {
      if (!byKey.containsKey(key(g.candidate(), g.party()))) {
        throw new OverrideRefused(400, "seat " + o.seat() + " (" + name + ") has no candidate "
            + SeatOverride.label(g) + "; the candidates are the seat's own, as /api/states/" + o.state()
            + "/constituencies/" + o.seat()
            + " lists them");
      }
      given.put(key(g.candidate(), g.party()), g.votes());
    }
    List<SnapshotCandidate> out = new ArrayList<>(stored.size());
    for (Map.Entry<String, SnapshotCandidate> e : byKey.entrySet()) {
      SnapshotCandidate s = e.getValue();
      Long votes = given.get(e.getKey());
      if (votes == null || votes == s.totalVotes()) {
        out.add(s);
      } else {
        long postal = Math.min(s.postalVotes(), votes);
        out.add(new SnapshotCandidate(s.name(), s.party(), votes - postal, postal, votes));
      }
    }
    return out;
  }

  private static void checkSingleLeader(SeatState after) {
    if (after.leader() == null) {
      throw new OverrideRefused(400, "a declared seat needs a winner: no candidate has any votes");
    }
    if (after.runnerUp() != null && after.runnerUp().votes() == after.leader().votes()) {
      throw new OverrideRefused(400, "a declared seat needs a single leader: " + SeatOverride.label(after.leader())
          + " and " + SeatOverride.label(after.runnerUp()) + " are tied at " + after.leader().votes() + " votes");
    }
  }

  /**
   * A declared seat may go back to counting (a recount, a declaration entered for the wrong seat), but with the
   * figures of a count: no votes at all, or no rounds where the seat had them, would take its result off air.
   */
  private static void checkStillACount(int seat, String name, SeatState current, SeatState after) {
    boolean noVotes = after.leader() == null;
    boolean noRounds = after.roundsTotal() == 0 && current.roundsTotal() > 0;
    if (noVotes || noRounds) {
      String missing = noVotes && noRounds ? "no votes and 0 of 0 rounds" : noVotes ? "no votes" : "0 of 0 rounds";
      throw new OverrideRefused(400, "seat " + seat + " (" + name + ") is declared: it goes back to counting only "
          + "with the figures of a count, and these have " + missing + ". For a recount give the candidates' votes and "
          + "the rounds; to let the results site's figures apply again, release the override");
    }
  }

  private static JsonObject figuresJson(SeatStatus status, int done, int total, List<SnapshotCandidate> figures) {
    JsonArray candidates = new JsonArray();
    figures.stream().sorted((a, b) -> Long.compare(b.totalVotes(), a.totalVotes())).forEach(f -> candidates.add(
        new JsonObject().put("candidate", f.name()).put("party", f.party()).put("votes", f.totalVotes())));
    return new JsonObject().put("status", status.json())
        .put("rounds", new JsonObject().put("done", done).put("total", total)).put("candidates", candidates);
  }

  private Long activeOverride(int key) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(Sql.ACTIVE_OVERRIDE_OF_SEAT)) {
      q.setInt(1, key);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private long addRow(int key, SeatOverride o, Instant now, JsonObject before, JsonObject after)
      throws SQLException {
    try (PreparedStatement add = c.prepareStatement(Sql.OVERRIDE_ADD, Statement.RETURN_GENERATED_KEYS)) {
      add.setInt(1, key);
      add.setLong(2, now.toEpochMilli());
      add.setString(3, o.reason());
      add.setString(4, o.status().json());
      add.setString(5, before.encode());
      add.setString(6, after.encode());
      add.executeUpdate();
      return StoreRows.generatedKey(add);
    }
  }

  private void release(long id, Instant now, String reason) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(Sql.OVERRIDE_RELEASE)) {
      q.setLong(1, now.toEpochMilli());
      q.setString(2, reason);
      q.setLong(3, id);
      q.executeUpdate();
    }
  }

  private JsonObject row(long id) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(Sql.OVERRIDE_ONE)) {
      q.setLong(1, id);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("override #" + id + " was not written");
        }
        return OverrideJson.of(rs);
      }
    }
  }

  private List<ResultEvent> store(List<ResultEvent> detected) throws SQLException {
    List<ResultEvent> events = new ArrayList<>(detected.size());
    for (ResultEvent d : detected) {
      events.add(d.withId(rows.addEvent(d, d.seat() == null ? null : keys.key(d.state(), d.seat()))));
    }
    return events;
  }

  private static String key(String name, String party) {
    return name + '\u0000' + party;
  }
}
