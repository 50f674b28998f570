-- The night's audience and the stream's own health, next to the results, for the console and the report.
-- Times are epoch milliseconds of this machine's clock (the report puts them on one axis with the events' commit time).

-- One look at one platform: LIVE with a figure, or HIDDEN / ENDED / FAILED with the reason (never a credential).
CREATE TABLE viewer_samples (
  id       INTEGER PRIMARY KEY,
  platform TEXT NOT NULL CHECK (length(platform) > 0),
  at       INTEGER NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('live', 'hidden', 'ended', 'failed')),
  viewers  INTEGER CHECK (viewers >= 0),
  note     TEXT,
  CHECK ((kind = 'live') = (viewers IS NOT NULL))
);
CREATE INDEX viewer_samples_by_time ON viewer_samples (at);

-- A channel's stream as its health reported it, every few seconds: counters are the stream's own since it started
-- (they restart at 0 when it is started again); destinations is [{"name","state","reconnects"}] (names redacted).
CREATE TABLE stream_samples (
  id               INTEGER PRIMARY KEY,
  channel          TEXT NOT NULL,
  at               INTEGER NOT NULL,
  state            TEXT NOT NULL,
  fps              REAL NOT NULL,
  bitrate          INTEGER NOT NULL,
  encoded          INTEGER NOT NULL,
  dropped          INTEGER NOT NULL,
  repeated         INTEGER NOT NULL,
  reconnects       INTEGER NOT NULL,
  browser_restarts INTEGER NOT NULL,
  encoder_level    INTEGER NOT NULL,
  encoder_changes  INTEGER NOT NULL,
  destinations     TEXT NOT NULL CHECK (json_valid(destinations))
);
CREATE INDEX stream_samples_by_time ON stream_samples (channel, at);

-- A channel on air: from the first sample that shows it running to the first that does not (ended_at NULL: on air
-- now, or the engine stopped without saying so; the report then ends it at its last sample).
CREATE TABLE broadcasts (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  channel    TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at   INTEGER,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX broadcasts_on_air ON broadcasts (channel) WHERE ended_at IS NULL;

-- A platform's own figures for a broadcast once it is over (YouTube Analytics reports.query): kept as they arrive.
CREATE TABLE platform_totals (
  platform            TEXT NOT NULL,
  video               TEXT NOT NULL,
  fetched_at          INTEGER NOT NULL,
  average_concurrent  REAL,
  peak_concurrent     INTEGER,
  minutes_watched     INTEGER,
  PRIMARY KEY (platform, video)
);

-- When the store committed each event (its "at" is the source's time): the report's time axis. Older rows have none.
ALTER TABLE events ADD COLUMN committed_at INTEGER;
