-- The server sends an installation only the records within its organisation's scope (docs/security.md).
-- A record that leaves the scope is forgotten here: its row and merge bookkeeping go, and so do the
-- other devices' journal entries about it; this installation's own entries stay, marked `forgotten`,
-- for they are its own sequence (sent again to a server restored from a backup). If the record comes
-- back into scope, the server sends all its changes again, and a forgotten entry is replaced by the
-- change it was.
ALTER TABLE change_journal ADD COLUMN forgotten BOOLEAN DEFAULT FALSE NOT NULL;
