-- tallycast results store. Times are epoch milliseconds (INTEGER): they sort and compare as numbers,
-- which ISO text with a varying number of fraction digits would not.

-- What this data dir was created for; reopening with another election is refused.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE parties (
  code  TEXT PRIMARY KEY,
  name  TEXT NOT NULL,
  color TEXT NOT NULL
);

CREATE TABLE party_aliases (
  alias TEXT PRIMARY KEY,
  party TEXT NOT NULL REFERENCES parties (code)
);

CREATE TABLE constituencies (
  no       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  district TEXT NOT NULL,
  type     TEXT NOT NULL
);

-- The past election's result per seat: what gain/hold is measured against.
CREATE TABLE past_results (
  seat             INTEGER PRIMARY KEY REFERENCES constituencies (no),
  year             INTEGER NOT NULL,
  winner_candidate TEXT NOT NULL,
  winner_party     TEXT NOT NULL REFERENCES parties (code),
  winner_votes     INTEGER NOT NULL,
  runner_candidate TEXT,
  runner_party     TEXT REFERENCES parties (code),
  runner_votes     INTEGER
);

-- A candidate is a name and a party in one seat; snapshots refer to it by id.
CREATE TABLE candidates (
  id    INTEGER PRIMARY KEY,
  seat  INTEGER NOT NULL REFERENCES constituencies (no),
  name  TEXT NOT NULL,
  party TEXT NOT NULL REFERENCES parties (code),
  UNIQUE (seat, name, party)
);

-- Every accepted snapshot that changed something: the full history, so any moment can be replayed.
CREATE TABLE snapshots (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  seat         INTEGER NOT NULL REFERENCES constituencies (no),
  status       TEXT NOT NULL CHECK (status IN ('awaiting', 'counting', 'declared')),
  rounds_done  INTEGER NOT NULL CHECK (rounds_done >= 0),
  rounds_total INTEGER NOT NULL CHECK (rounds_total >= 0),
  source_time  INTEGER NOT NULL,
  fetched_at   INTEGER NOT NULL,
  url          TEXT,
  correction   INTEGER NOT NULL CHECK (correction IN (0, 1))
);
CREATE INDEX snapshots_by_seat ON snapshots (seat, id);

CREATE TABLE snapshot_votes (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshots (id),
  candidate_id INTEGER NOT NULL REFERENCES candidates (id),
  evm_votes    INTEGER NOT NULL CHECK (evm_votes >= 0),
  postal_votes INTEGER NOT NULL CHECK (postal_votes >= 0),
  votes        INTEGER NOT NULL CHECK (votes >= 0),
  PRIMARY KEY (snapshot_id, candidate_id)
) WITHOUT ROWID;

-- The current state per seat (one row once a seat has its first snapshot), kept denormalised so the
-- summary and the seat list are single cheap queries.
CREATE TABLE seat_state (
  seat             INTEGER PRIMARY KEY REFERENCES constituencies (no),
  snapshot_id      INTEGER NOT NULL REFERENCES snapshots (id),
  status           TEXT NOT NULL,
  rounds_done      INTEGER NOT NULL,
  rounds_total     INTEGER NOT NULL,
  leader_candidate TEXT,
  leader_party     TEXT REFERENCES parties (code),
  leader_votes     INTEGER,
  runner_candidate TEXT,
  runner_party     TEXT REFERENCES parties (code),
  runner_votes     INTEGER,
  margin           INTEGER,
  total_votes      INTEGER NOT NULL,
  source_time      INTEGER NOT NULL
);

-- AUTOINCREMENT: ids are never reused, so "events after id N" stays correct for every consumer.
CREATE TABLE events (
  id   INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  seat INTEGER REFERENCES constituencies (no),
  at   INTEGER NOT NULL,
  body TEXT NOT NULL CHECK (json_valid(body))
);
CREATE INDEX events_by_type ON events (type, id);

-- Raw pages that changed, as fetched (gzip), for audit and replay; the same page content is kept once.
CREATE TABLE page_archive (
  id         INTEGER PRIMARY KEY,
  url        TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  sha256     TEXT NOT NULL UNIQUE,
  gzip       BLOB NOT NULL
);
