-- A party label that no configured party knows is stored as written rather than dropped: a row here with
-- unmapped = 1, its code being the label. The operator maps it in the party table; the next start moves its
-- candidates to the configured party and deletes the row.
ALTER TABLE parties ADD COLUMN unmapped INTEGER NOT NULL DEFAULT 0 CHECK (unmapped IN (0, 1));
