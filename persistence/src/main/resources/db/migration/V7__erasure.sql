-- Erasure (GDPR article 17): deleting a record erases its data, not only the row. The journal keeps
-- who changed the record and when (the audit trail), and loses what they wrote: `fields` and `base`
-- are emptied and `erased` set. An erased creation or update travels in bundles as a deletion (the
-- record is deleted anyway; docs/exchange-format.md, section 7.4).
ALTER TABLE change_journal ADD COLUMN erased BOOLEAN DEFAULT FALSE NOT NULL;
