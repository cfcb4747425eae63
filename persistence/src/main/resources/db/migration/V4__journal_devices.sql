-- The last change applied here from each device, kept with the journal in the same transaction.
--
-- * The next sequence number of a local write, and a receiver's duplicate and gap checks, are one
--   lookup here: H2 cannot read an index backwards, so MAX(device_seq) for one device scanned every
--   change of that device (half a second for a journal of 100,000, on every save).
-- * last_hlc is the clock of that change. On start, this installation's clock resumes after its own
--   last change and the others' last changes, leaving out a clock absurdly far ahead (a PC set years
--   wrong), which a receiver flags instead of following. The index on change_journal.hlc, kept only
--   for MAX(hlc) on start, goes: one index less to write for every change.

CREATE TABLE journal_device (
    device_id UUID   NOT NULL PRIMARY KEY,
    last_seq  BIGINT NOT NULL,
    last_hlc  BIGINT NOT NULL
);

INSERT INTO journal_device (device_id, last_seq, last_hlc)
SELECT device_id, MAX(device_seq), MAX(hlc) FROM change_journal GROUP BY device_id;

DROP INDEX change_journal_hlc;
