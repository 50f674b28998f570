-- Operator overrides: a seat's figures or status set by hand on the console, with the reason, the figures it replaced
-- (before) and the ones it set (after), as {"status","rounds":{"done","total"},"candidates":[{"candidate","party",
-- "votes"}]}. The row is never deleted: releasing fills released_at and release_reason, so this is the audit trail.
-- While an override is active (released_at IS NULL) the seat's scraped snapshots are held, not applied.
CREATE TABLE overrides (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  seat           INTEGER NOT NULL REFERENCES constituencies (no),
  at             INTEGER NOT NULL,
  reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  status         TEXT NOT NULL CHECK (status IN ('counting', 'declared')),
  before         TEXT NOT NULL CHECK (json_valid(before)),
  after          TEXT NOT NULL CHECK (json_valid(after)),
  released_at    INTEGER,
  release_reason TEXT,
  CHECK ((released_at IS NULL) = (release_reason IS NULL))
);

-- A seat has at most one active override; the held-seat lookup of every scrape batch reads this index.
CREATE UNIQUE INDEX overrides_active ON overrides (seat) WHERE released_at IS NULL;

-- The override that wrote a snapshot (NULL for scraped ones). When a seat's current snapshot came from an override,
-- the next scraped snapshot after the release replaces it as a correction: the site's figures may be lower.
ALTER TABLE snapshots ADD COLUMN override_id INTEGER REFERENCES overrides (id);
