package io.tallycast.store;

import java.util.Collections;

/**
 * Every SQL statement of the store and the reader, in one place (the tables themselves are created by the Flyway
 * migrations in db/migration). Times are epoch milliseconds.
 */
final class Sql {
  private Sql() {
  }

  static final String BEGIN = "BEGIN IMMEDIATE";
  static final String COMMIT = "COMMIT";
  static final String ROLLBACK = "ROLLBACK";

  // --- seeding (idempotent) ---
  static final String META_GET = "SELECT value FROM meta WHERE key = ?";
  static final String META_PUT = "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING";
  // Name and colour follow the configuration on every start: an operator may fix a colour between runs.
  static final String PARTY_UPSERT = "INSERT INTO parties (code, name, color) VALUES (?, ?, ?) "
      + "ON CONFLICT (code) DO UPDATE SET name = excluded.name, color = excluded.color, unmapped = 0";
  static final String ALIAS_PUT = "INSERT INTO party_aliases (alias, party) VALUES (?, ?) "
      + "ON CONFLICT (alias) DO NOTHING";
  /** A seat's row id, from its state and number: every other table refers to a seat by it (V4). */
  private static final String KEY = "(SELECT id FROM constituencies WHERE state = ? AND no = ?)";
  static final String SEATS_ALL = "SELECT id, state, no, name FROM constituencies ORDER BY state, no";
  static final String SEAT_PUT = "INSERT INTO constituencies (state, no, name, district, type) VALUES (?, ?, ?, ?, ?) "
      + "ON CONFLICT (state, no) DO NOTHING";
  /** Seats a migration could not give a state (a data dir of one state it could not name): see Seeder. */
  static final String SEATS_ADOPT = "UPDATE constituencies SET state = ? WHERE state = ''";
  static final String PAST_PUT = "INSERT INTO past_results (seat, year, winner_candidate, winner_party, winner_votes, "
      + "runner_candidate, runner_party, runner_votes) VALUES (" + KEY + ", ?, ?, ?, ?, ?, ?, ?) "
      + "ON CONFLICT (seat) DO NOTHING";
  static final String PARTY_CODES = "SELECT code FROM parties";

  // --- unmapped parties (V3) ---
  static final String UNMAPPED_ADD = "INSERT INTO parties (code, name, color, unmapped) VALUES (?, ?, ?, 1) "
      + "ON CONFLICT (code) DO NOTHING";
  /** Each unmapped label with the seats where a candidate stands for it. */
  static final String UNMAPPED_ALL = "SELECT p.code, group_concat(DISTINCT c.seat) FROM parties p "
      + "LEFT JOIN candidates c ON c.party = p.code WHERE p.unmapped = 1 GROUP BY p.code ORDER BY p.code";
  // OR IGNORE: a candidate already stored under the mapped party keeps that row; the label then stays listed
  static final String REMAP_CANDIDATES = "UPDATE OR IGNORE candidates SET party = ? WHERE party = ?";
  static final String REMAP_LEADERS = "UPDATE seat_state SET leader_party = ? WHERE leader_party = ?";
  static final String REMAP_RUNNERS = "UPDATE seat_state SET runner_party = ? WHERE runner_party = ?";
  static final String UNMAPPED_DELETE = "DELETE FROM parties WHERE code = ? AND unmapped = 1 "
      + "AND NOT EXISTS (SELECT 1 FROM candidates WHERE party = ?)";
  static final String PAST_WINNERS = "SELECT seat, winner_party FROM past_results";

  // --- writer ---
  /** The seats of one state that have figures: a batch or an override concerns one state only. */
  static final String STATES_OF_STATE = "SELECT s.seat, k.state, k.no, s.status, s.rounds_done, s.rounds_total, "
      + "s.leader_candidate, s.leader_party, s.leader_votes, s.runner_candidate, s.runner_party, s.runner_votes, "
      + "s.source_time FROM seat_state s JOIN constituencies k ON k.id = s.seat WHERE k.state = ?";
  static final String CURRENT_VOTES = "SELECT c.name, c.party, v.evm_votes, v.postal_votes, v.votes "
      + "FROM seat_state s JOIN snapshot_votes v ON v.snapshot_id = s.snapshot_id "
      + "JOIN candidates c ON c.id = v.candidate_id WHERE s.seat = ?";
  static final String CANDIDATES_OF_SEAT = "SELECT id, name, party FROM candidates WHERE seat = ?";
  static final String CANDIDATE_ADD = "INSERT INTO candidates (seat, name, party) VALUES (?, ?, ?)";
  static final String SNAPSHOT_ADD = "INSERT INTO snapshots (seat, status, rounds_done, rounds_total, source_time, "
      + "fetched_at, url, correction, override_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String VOTES_ADD = "INSERT INTO snapshot_votes (snapshot_id, candidate_id, evm_votes, postal_votes, "
      + "votes) VALUES (?, ?, ?, ?, ?)";
  static final String STATE_PUT = "INSERT INTO seat_state (seat, snapshot_id, status, rounds_done, rounds_total, "
      + "leader_candidate, leader_party, leader_votes, runner_candidate, runner_party, runner_votes, margin, "
      + "total_votes, source_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seat) DO UPDATE SET "
      + "snapshot_id = excluded.snapshot_id, status = excluded.status, rounds_done = excluded.rounds_done, "
      + "rounds_total = excluded.rounds_total, leader_candidate = excluded.leader_candidate, "
      + "leader_party = excluded.leader_party, leader_votes = excluded.leader_votes, "
      + "runner_candidate = excluded.runner_candidate, runner_party = excluded.runner_party, "
      + "runner_votes = excluded.runner_votes, margin = excluded.margin, total_votes = excluded.total_votes, "
      + "source_time = excluded.source_time";
  static final String EVENT_ADD = "INSERT INTO events (type, state, seat, at, body, committed_at) "
      + "VALUES (?, ?, ?, ?, ?, ?)";
  // Only a repeated sha256 is skipped: a row breaking any other constraint still fails the batch.
  static final String PAGE_ADD = "INSERT INTO page_archive (url, fetched_at, sha256, gzip) VALUES (?, ?, ?, ?) "
      + "ON CONFLICT (sha256) DO NOTHING";
  // AUTOINCREMENT remembers the highest id ever given, even if rows were deleted.
  static final String LAST_EVENT_ID = "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)";
  static final String EVENT_COUNT = "SELECT count(*) FROM events";
  static final String SNAPSHOT_COUNT = "SELECT count(*) FROM snapshots";

  // --- overrides (V2) ---
  /** Seats whose scraped snapshots are held: an operator override is active. */
  static final String SEATS_HELD = "SELECT seat FROM overrides WHERE released_at IS NULL";
  /** Seats whose current figures an override wrote: their next scraped snapshot is taken as a correction. */
  static final String SEATS_WITH_OPERATOR_FIGURES = "SELECT s.seat FROM seat_state s "
      + "JOIN snapshots n ON n.id = s.snapshot_id WHERE n.override_id IS NOT NULL";
  static final String ACTIVE_OVERRIDE_COUNT = "SELECT count(*) FROM overrides WHERE released_at IS NULL";
  static final String ACTIVE_OVERRIDE_OF_SEAT = "SELECT id FROM overrides WHERE seat = ? AND released_at IS NULL";
  static final String OVERRIDE_ADD = "INSERT INTO overrides (seat, at, reason, status, before, after) "
      + "VALUES (?, ?, ?, ?, ?, ?)";
  static final String OVERRIDE_RELEASE = "UPDATE overrides SET released_at = ?, release_reason = ? WHERE id = ?";
  private static final String OVERRIDE_ROWS = "SELECT o.id, k.state, k.no, k.name, o.at, o.reason, o.status, "
      + "o.before, o.after, o.released_at, o.release_reason FROM overrides o JOIN constituencies k ON k.id = o.seat";
  static final String OVERRIDE_ONE = OVERRIDE_ROWS + " WHERE o.id = ?";
  static final String OVERRIDES_ALL = OVERRIDE_ROWS + " ORDER BY o.id DESC";

  // --- reader ---
  static final String DATA_VERSION = "PRAGMA data_version";
  static final String PARTIES_ALL = "SELECT code, name, color FROM parties";
  // The summary's figures are one state's: '?' is its code.
  static final String PAST_SEATS_BY_PARTY = "SELECT p.winner_party, count(*) FROM past_results p "
      + "JOIN constituencies k ON k.id = p.seat WHERE k.state = ? GROUP BY p.winner_party";
  static final String SEAT_COUNT = "SELECT count(*) FROM constituencies WHERE state = ?";
  static final String STATUS_COUNTS = "SELECT s.status, count(*) FROM seat_state s "
      + "JOIN constituencies k ON k.id = s.seat WHERE k.state = ? GROUP BY s.status";
  static final String SEATS_BY_LEADER = "SELECT s.leader_party, sum(s.status = 'declared'), "
      + "sum(s.status <> 'declared') FROM seat_state s JOIN constituencies k ON k.id = s.seat "
      + "WHERE k.state = ? AND s.leader_party IS NOT NULL GROUP BY s.leader_party";
  static final String VOTES_BY_PARTY = "SELECT c.party, sum(v.votes) FROM seat_state s "
      + "JOIN constituencies k ON k.id = s.seat "
      + "JOIN snapshot_votes v ON v.snapshot_id = s.snapshot_id JOIN candidates c ON c.id = v.candidate_id "
      + "WHERE k.state = ? GROUP BY c.party";
  // Every state at once, for the national view: state first in each row.
  static final String SEATS_PER_STATE = "SELECT state, count(*) FROM constituencies GROUP BY state ORDER BY state";
  static final String STATUS_PER_STATE = "SELECT k.state, s.status, count(*) FROM seat_state s "
      + "JOIN constituencies k ON k.id = s.seat GROUP BY k.state, s.status";
  static final String LEADERS_PER_STATE = "SELECT k.state, s.leader_party, sum(s.status = 'declared'), "
      + "sum(s.status <> 'declared') FROM seat_state s JOIN constituencies k ON k.id = s.seat "
      + "WHERE s.leader_party IS NOT NULL GROUP BY k.state, s.leader_party";
  static final String NEWEST_SOURCE_TIME = "SELECT max(s.source_time) FROM seat_state s "
      + "JOIN constituencies k ON k.id = s.seat WHERE k.state = ?";
  private static final String SEAT_ROWS = "SELECT k.no, k.name, k.district, s.status, s.rounds_done, s.rounds_total, "
      + "s.leader_candidate, s.leader_party, s.leader_votes, s.runner_candidate, s.runner_party, s.runner_votes, "
      + "s.margin, s.source_time, p.winner_party, p.winner_candidate, o.id, o.at, o.reason, k.state "
      + "FROM constituencies k LEFT JOIN seat_state s ON s.seat = k.id LEFT JOIN past_results p ON p.seat = k.id "
      + "LEFT JOIN overrides o ON o.seat = k.id AND o.released_at IS NULL";
  static final String SEATS_LIST = SEAT_ROWS + " WHERE k.state = ? ORDER BY k.no";
  static final String SEAT_ONE = SEAT_ROWS + " WHERE k.state = ? AND k.no = ?";
  static final String SEAT_CANDIDATES = "SELECT c.name, c.party, v.evm_votes, v.postal_votes, v.votes "
      + "FROM seat_state s JOIN snapshot_votes v ON v.snapshot_id = s.snapshot_id "
      + "JOIN candidates c ON c.id = v.candidate_id WHERE s.seat = " + KEY + " ORDER BY v.votes DESC, c.name, c.party";
  static final String SNAPSHOTS_OF_SEAT_COUNT = "SELECT count(*) FROM snapshots WHERE seat = " + KEY;
  static final String SNAPSHOTS_OF_SEAT = "SELECT id, status, rounds_done, rounds_total, source_time, fetched_at, url, "
      + "correction, override_id FROM snapshots WHERE seat = " + KEY + " ORDER BY id";
  static final String VOTES_OF_SNAPSHOT = "SELECT c.name, c.party, v.evm_votes, v.postal_votes, v.votes "
      + "FROM snapshot_votes v JOIN candidates c ON c.id = v.candidate_id WHERE v.snapshot_id = ? "
      + "ORDER BY v.votes DESC, c.name, c.party";
  /**
   * Events after an id, oldest first: of the given types only (one '?' per type; none = all), and of one state only
   * when asked (one more '?').
   */
  static String eventsAfter(int types, boolean ofOneState) {
    return "SELECT e.id, e.type, e.state, k.no, e.at, e.body FROM events e LEFT JOIN constituencies k ON k.id = e.seat "
        + "WHERE e.id > ?" + (types == 0 ? "" : " AND e.type IN (" + String.join(", ", Collections.nCopies(types, "?"))
        + ")") + (ofOneState ? " AND e.state = ?" : "") + " ORDER BY e.id LIMIT ?";
  }

  // --- audience and stream health (V5) ---
  static final String VIEWER_ADD = "INSERT INTO viewer_samples (platform, at, kind, viewers, note) "
      + "VALUES (?, ?, ?, ?, ?)";
  static final String STREAM_SAMPLE_ADD = "INSERT INTO stream_samples (channel, at, state, fps, bitrate, encoded, "
      + "dropped, repeated, reconnects, browser_restarts, encoder_level, encoder_changes, destinations) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String BROADCAST_OPEN = "INSERT INTO broadcasts (channel, started_at) VALUES (?, ?)";
  static final String BROADCAST_ON_AIR = "SELECT id, started_at FROM broadcasts WHERE channel = ? AND ended_at IS NULL";
  static final String BROADCAST_CLOSE = "UPDATE broadcasts SET ended_at = ? WHERE id = ?";
  /** Broadcasts a stopped engine left open (a kill, a crash): they end at their channel's last sample. */
  static final String BROADCASTS_LEFT_OPEN = "UPDATE broadcasts SET ended_at = max(started_at, COALESCE((SELECT "
      + "max(s.at) FROM stream_samples s WHERE s.channel = broadcasts.channel AND s.at >= broadcasts.started_at), "
      + "started_at)) WHERE ended_at IS NULL";
  static final String TOTALS_PUT = "INSERT INTO platform_totals (platform, video, fetched_at, average_concurrent, "
      + "peak_concurrent, minutes_watched) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, video) DO UPDATE SET "
      + "fetched_at = excluded.fetched_at, average_concurrent = excluded.average_concurrent, "
      + "peak_concurrent = excluded.peak_concurrent, minutes_watched = excluded.minutes_watched";

  static final String BROADCASTS_ALL = "SELECT id, channel, started_at, ended_at, COALESCE(ended_at, (SELECT max(s.at) "
      + "FROM stream_samples s WHERE s.channel = b.channel AND s.at >= b.started_at), started_at) FROM broadcasts b "
      + "ORDER BY id";
  static final String VIEWERS_BETWEEN = "SELECT platform, at, kind, viewers, note FROM viewer_samples "
      + "WHERE at >= ? AND at <= ? ORDER BY at, id";
  /** Each platform's newest sample. */
  static final String VIEWERS_LATEST = "SELECT v.platform, v.at, v.kind, v.viewers, v.note FROM viewer_samples v "
      + "WHERE v.id = (SELECT max(id) FROM viewer_samples w WHERE w.platform = v.platform) ORDER BY v.platform";
  static final String STREAM_SAMPLES_BETWEEN = "SELECT channel, at, state, fps, bitrate, encoded, dropped, repeated, "
      + "reconnects, browser_restarts, encoder_level, encoder_changes, destinations FROM stream_samples "
      + "WHERE at >= ? AND at <= ? ORDER BY channel, at, id";
  static final String TOTALS_ALL = "SELECT platform, video, fetched_at, average_concurrent, peak_concurrent, "
      + "minutes_watched FROM platform_totals ORDER BY platform, video";
  /** Each channel's last health sample before a moment: the report's baseline for the counters it continues. */
  static final String STREAM_SAMPLES_LAST_BEFORE = "SELECT channel, at, state, fps, bitrate, encoded, dropped, "
      + "repeated, reconnects, browser_restarts, encoder_level, encoder_changes, destinations FROM stream_samples s "
      + "WHERE s.id = (SELECT max(w.id) FROM stream_samples w WHERE w.channel = s.channel AND w.at < ?) "
      + "ORDER BY channel";
  static final String META_ALL = "SELECT key, value FROM meta ORDER BY key";
  /** Every event with the time the store committed it (its source time for rows from before V5), oldest first. */
  static final String EVENTS_TIMED = "SELECT e.id, e.type, e.state, k.no, e.at, e.body, COALESCE(e.committed_at, e.at) "
      + "FROM events e LEFT JOIN constituencies k ON k.id = e.seat ORDER BY e.id";
}
