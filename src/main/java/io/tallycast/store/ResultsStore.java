package io.tallycast.store;

import io.tallycast.bus.ApplyResult;
import io.tallycast.bus.ArchivedPage;
import io.tallycast.bus.OverrideRelease;
import io.tallycast.bus.OverrideResult;
import io.tallycast.bus.Rejection;
import io.tallycast.bus.ResultEvent;
import io.tallycast.bus.ScrapeBatch;
import io.tallycast.bus.SeatOverride;
import io.tallycast.bus.Snapshot;
import io.tallycast.bus.SnapshotCandidate;
import io.tallycast.bus.Standing;
import io.tallycast.election.Election;
import io.tallycast.election.ElectionData;
import io.tallycast.election.SeatRef;
import io.tallycast.events.ChangeDetector;
import io.tallycast.events.SeatState;
import io.tallycast.events.Tally;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one writer of the results database. Blocking: use it from a single worker thread (see {@link StoreVerticle}).
 * Each {@link #apply} validates every snapshot against what is stored, writes the accepted ones, detects the changes
 * and stores them as events, all in one transaction. Operator overrides ({@link #override}, {@link #release}) go
 * through the same writer, each in one transaction too.
 */
public final class ResultsStore implements AutoCloseable {
  private final Path dataDir;
  private final WriterLock lock;
  private final Connection db;
  private final StoreRows rows;
  private final SeatKeys keys;
  private final Set<String> parties = new HashSet<>();
  private final Map<Integer, String> pastWinners = new HashMap<>();
  private final Overrides overrides;
  private UnmappedParties unmapped;
  private long lastEventId;
  private long eventCount;
  private long snapshotCount;
  private long heldCount;
  private long activeOverrides;

  private ResultsStore(Path dataDir, WriterLock lock, Connection db) throws SQLException {
    this.dataDir = dataDir;
    this.lock = lock;
    this.db = db;
    this.rows = new StoreRows(db);
    this.keys = SeatKeys.read(db);
    readStatic();
    this.unmapped = UnmappedParties.load(db);
    this.overrides = new Overrides(db, rows, keys, pastWinners);
    recount();
  }

  /** The counters as the database has them: on open, and after an override (rare enough to count again). */
  private void recount() throws SQLException {
    lastEventId = rows.single(Sql.LAST_EVENT_ID);
    eventCount = rows.single(Sql.EVENT_COUNT);
    snapshotCount = rows.single(Sql.SNAPSHOT_COUNT);
    activeOverrides = rows.single(Sql.ACTIVE_OVERRIDE_COUNT);
  }

  /** A store of one state's election: see {@link #open(Path, Election)}. */
  public static ResultsStore open(Path dataDir, ElectionData state) {
    return open(dataDir, Election.of(state));
  }

  /** Opens (creating if needed) dataDir/tallycast.db, migrates its schema and seeds the election's fixed data. */
  public static ResultsStore open(Path dataDir, Election election) {
    WriterLock lock = WriterLock.take(dataDir);
    Connection db = null;
    try {
      db = Database.openWriter(dataDir);
      Seeder.seed(db, dataDir, election);
      return new ResultsStore(dataDir, lock, db);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(db, lock);
      if (e instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new StoreException("cannot open the results store in " + dataDir.toAbsolutePath() + ": "
          + e.getMessage(), e);
    }
  }

  private void readStatic() throws SQLException {
    try (PreparedStatement q = db.prepareStatement(Sql.PARTY_CODES); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        parties.add(rs.getString(1));
      }
    }
    try (PreparedStatement q = db.prepareStatement(Sql.PAST_WINNERS); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        pastWinners.put(rs.getInt(1), rs.getString(2));
      }
    }
  }

  /**
   * Writes one scrape batch in one transaction. Refused snapshots are reported and leave no trace; the others go in.
   *
   * @throws StoreException on any database error, after rolling the whole batch back
   */
  public ApplyResult apply(ScrapeBatch batch) {
    Objects.requireNonNull(batch, "apply needs a batch");
    if (!keys.hasState(batch.state())) {
      throw new IllegalArgumentException("a batch of state " + batch.state() + ": this election's states are "
          + keys.states() + "; refused");
    }
    try {
      Outcome outcome = Database.transaction(db, () -> write(batch));
      List<ResultEvent> events = outcome.result().events();
      lastEventId = events.isEmpty() ? lastEventId : events.get(events.size() - 1).id();
      eventCount += events.size();
      snapshotCount += outcome.written();
      heldCount += outcome.result().heldSeats().size();
      return outcome.result();
    } catch (SQLException | RuntimeException e) {
      forgetUncommittedParties();
      renewStatements(e);
      throw new StoreException("writing a batch of " + size(batch) + " snapshot(s) failed and was rolled back: "
          + e.getMessage(), e);
    }
  }

  /** A failed write can leave the driver's statements closed: prepare them again so the next write can work. */
  private void renewStatements(Exception failure) {
    try {
      rows.renew();
    } catch (SQLException e) {
      failure.addSuppressed(e); // the database is failing harder; the next write will say so
    }
  }

  /** After a rollback, the labels noted during the batch are not in the database: read them again. */
  private void forgetUncommittedParties() {
    try {
      parties.clear();
      readStatic();
      unmapped = UnmappedParties.load(db);
    } catch (SQLException e) {
      // the database is failing; the next open reads everything afresh
    }
  }

  /** The writer's connection, for tests in this package that act on it (a page limit makes SQLite's "full" real). */
  Connection connection() {
    return db;
  }

  /** Seats won and leading per party in one state, as stored now. */
  public Tally tally(String state) {
    try {
      return Tally.of(rows.states(state).values());
    } catch (SQLException e) {
      throw new StoreException("cannot read the tally: " + e.getMessage(), e);
    }
  }

  /** Party labels stored as written because no configured party knows them, with the seats they stand in. */
  public Map<String, Set<SeatRef>> unmappedParties() {
    Map<String, Set<SeatRef>> out = new TreeMap<>();
    unmapped.seatsByLabel().forEach((label, seatKeys) -> out.put(label,
        seatKeys.stream().map(keys::seat).collect(Collectors.toCollection(TreeSet::new))));
    return out;
  }

  /** The counters change only once the transaction has committed. */
  private record Outcome(ApplyResult result, int written) {
  }

  private Outcome write(ScrapeBatch batch) throws SQLException {
    int written = 0;
    String state = batch.state();
    Map<Integer, SeatState> states = rows.states(state);
    Set<Integer> held = rows.seats(Sql.SEATS_HELD);
    Set<Integer> operatorFigures = rows.seats(Sql.SEATS_WITH_OPERATOR_FIGURES);
    Tally before = Tally.of(states.values());
    List<Integer> accepted = new ArrayList<>();
    List<Integer> heldSeats = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    List<ResultEvent> detected = new ArrayList<>();
    Instant newest = null;
    for (Snapshot scraped : orEmpty(batch.snapshots())) {
      Integer key = keys.key(state, scraped.seat());
      if (key != null && held.contains(key)) {
        // the operator's figures stand: not applied, and not a refusal either (nothing is wrong with the page)
        heldSeats.add(scraped.seat());
        continue;
      }
      // after a release the site's figures replace the operator's even when lower: the first one is a correction
      Snapshot s = key != null && operatorFigures.remove(key) ? asCorrection(scraped) : scraped;
      SeatState current = key == null ? null : states.get(key);
      List<SnapshotCandidate> votes = current == null ? List.of() : rows.currentVotes(key);
      if (key != null) {
        keepUnknownParties(key, s);
      }
      Optional<String> refusal = SnapshotRules.refusal(s, keys.numbers(state), parties, current, votes);
      if (refusal.isPresent()) {
        rejections.add(new Rejection(s.seat(), refusal.get()));
        continue;
      }
      accepted.add(s.seat());
      if (SnapshotRules.sameAs(s, current, votes)) {
        continue;
      }
      // Millisecond precision, as stored: an event reads back exactly as it was pushed.
      Instant at = Instant.ofEpochMilli(s.sourceTime().toEpochMilli());
      SeatState after = SeatState.of(state, s.seat(), s.status(), s.roundsDone(), s.roundsTotal(),
          s.candidates().stream().map(c -> new Standing(c.name(), c.party(), c.totalVotes())).toList(), at);
      rows.write(key, s, after, null);
      written++;
      detected.addAll(ChangeDetector.seatEvents(current == null ? SeatState.awaiting(state, s.seat()) : current,
          after, pastWinners.get(key)));
      states.put(key, after);
      newest = newest == null || at.isAfter(newest) ? at : newest;
    }
    ChangeDetector.tallyEvent(state, before, Tally.of(states.values()), newest).ifPresent(detected::add);
    List<ResultEvent> events = new ArrayList<>(detected.size());
    for (ResultEvent d : detected) {
      events.add(d.withId(rows.addEvent(d, d.seat() == null ? null : keys.key(d.state(), d.seat()))));
    }
    for (ArchivedPage page : orEmpty(batch.pages())) {
      rows.addPage(page);
    }
    return new Outcome(new ApplyResult(List.copyOf(accepted), List.copyOf(rejections), List.copyOf(events),
        List.copyOf(heldSeats)), written);
  }

  /** A label no configured party knows is stored as written (nothing is dropped) and listed for the operator. */
  private void keepUnknownParties(int key, Snapshot s) throws SQLException {
    for (SnapshotCandidate c : orEmpty(s.candidates())) {
      boolean known = parties.contains(c.party()) && !unmapped.seatsByLabel().containsKey(c.party());
      if (c.party() != null && !c.party().isBlank() && !known) {
        unmapped.note(db, c.party(), key, keys.seat(key));
        parties.add(c.party());
      }
    }
  }

  private static Snapshot asCorrection(Snapshot s) {
    return s.correction() ? s : new Snapshot(s.seat(), s.status(), s.roundsDone(), s.roundsTotal(), s.candidates(),
        s.sourceTime(), s.fetchedAt(), s.url(), true);
  }

  /**
   * Sets a seat's figures or status by hand, in one transaction: the figures as a correction snapshot, the events
   * (seat.overridden, and seat.changed, lead.flipped, seat.declared, tally.changed as they apply) and the audit row.
   * From then on the seat's scraped snapshots are held until {@link #release}.
   *
   * @throws OverrideRefused when the seat, its candidates or its state do not allow it; nothing is written
   */
  public OverrideResult override(SeatOverride o) {
    Objects.requireNonNull(o, "override needs a request");
    return operator("override of seat " + o.state() + " " + o.seat(), now -> overrides.override(o, now));
  }

  /** Ends a seat's override (audit row updated, override.released event); scraped figures apply again. */
  public OverrideResult release(OverrideRelease r) {
    Objects.requireNonNull(r, "release needs a request");
    return operator("release of seat " + r.state() + " " + r.seat(), now -> overrides.release(r, now));
  }

  private interface OperatorWork {
    OverrideResult run(Instant now) throws SQLException;
  }

  private OverrideResult operator(String what, OperatorWork work) {
    // milliseconds, as stored: the answer and the events read back exactly as they were pushed
    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
    OverrideResult result;
    try {
      result = Database.transaction(db, () -> work.run(now));
    } catch (OverrideRefused refused) {
      throw refused;
    } catch (SQLException | RuntimeException e) {
      renewStatements(e);
      throw new StoreException(what + " failed and was rolled back: " + e.getMessage(), e);
    }
    try {
      recount();
    } catch (SQLException e) {
      // committed all the same; only the health figures lag until the next override counts again
    }
    return result;
  }

  /** The id of the newest event ever stored (0 before any). */
  public long lastEventId() {
    return lastEventId;
  }

  public long eventCount() {
    return eventCount;
  }

  /** Scraped snapshots held (not applied) since the store opened, because their seat was overridden. */
  public long heldCount() {
    return heldCount;
  }

  /** Seats overridden right now. */
  public long activeOverrides() {
    return activeOverrides;
  }

  /** Snapshots stored (accepted and not a repeat). */
  public long snapshotCount() {
    return snapshotCount;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A batch with no pages (or no snapshots) may leave that list out. */
  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static int size(ScrapeBatch batch) {
    return orEmpty(batch.snapshots()).size();
  }

  @Override
  public void close() {
    try {
      rows.close();
    } catch (SQLException e) {
      // closing the connection below releases the statements anyway
    }
    closeQuietly(db, lock);
  }

  private static void closeQuietly(Connection db, WriterLock lock) {
    try {
      if (db != null) {
        db.close();
      }
    } catch (SQLException ignored) {
      // nothing left to save: every commit is already durable
    }
    lock.close();
  }
}
