-- Erasure: when a deletion arrives, the server rewrites the earlier changes of that record as
-- deletions (it keeps their place in their device's sequence, their clock and their author, not what
-- they wrote), and stores any later change of it the same way. This index finds a record's changes.
CREATE INDEX change_log_entity ON change_log (entity_id);
