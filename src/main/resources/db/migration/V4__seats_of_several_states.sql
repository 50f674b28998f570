-- A seat is (state, number): one data dir holds every state of a counting day (2 May 2021: S03, S11, S22, S25, U07).
-- Constituencies keep their row id as the key every other table refers to (renaming the column renames those
-- references too), and gain the state's ECI code and the seat's own number, unique together. A data dir made before
-- this held one state: its seats keep their ids (id = number) and take that state's code from the name stored in
-- meta. Events gain their state in a column of their own (the API puts it back in the JSON, as it does the seat).

ALTER TABLE constituencies RENAME COLUMN no TO id;
ALTER TABLE constituencies ADD COLUMN state TEXT NOT NULL DEFAULT '';
ALTER TABLE constituencies ADD COLUMN no INTEGER NOT NULL DEFAULT 0;

UPDATE constituencies SET no = id, state = CASE (SELECT value FROM meta WHERE key = 'state')
  WHEN 'West Bengal' THEN 'S25'
  WHEN 'Assam' THEN 'S03'
  WHEN 'Kerala' THEN 'S11'
  WHEN 'Tamil Nadu' THEN 'S22'
  WHEN 'Puducherry' THEN 'U07'
  ELSE '' END;
-- '' = a state this migration cannot name: the store adopts such seats for the one state of its configuration.

CREATE UNIQUE INDEX constituencies_by_state ON constituencies (state, no);

ALTER TABLE events ADD COLUMN state TEXT NOT NULL DEFAULT '';
UPDATE events SET state = COALESCE((SELECT k.state FROM constituencies k WHERE k.id = events.seat),
                                   (SELECT min(state) FROM constituencies));
CREATE INDEX events_by_state ON events (state, id);
