-- What a replica needs to merge changes made on other installations (docs/exchange-format.md).
--
-- * change_journal now holds every change applied here, made here or received. A change is
--   identified everywhere by (device_id, device_seq): device_seq counts 1, 2, 3… on the device that
--   made it, with no gap, so a receiver can tell a duplicate from a change that arrived after a gap.
--   base: for each changed field, the change ids of the versions its author had in front of them.
-- * record_version: the version (device, seq, hlc) of each field's current value, as JSON per record.
-- * conflict_value: for guarded fields, the values of concurrent changes that lost, kept for a person.
-- * replaced_version: versions named in the base of an applied change before they arrived themselves.
-- * tombstone: deleted records; no later change brings them back.
-- * held_change: received changes waiting for an earlier one (a gap, or the record's creation).

ALTER TABLE change_journal ADD COLUMN device_seq BIGINT;
-- Entries written before this version were all made here: number them per device, in one pass.
MERGE INTO change_journal j
USING (SELECT seq, ROW_NUMBER() OVER (PARTITION BY device_id ORDER BY seq) AS numbered FROM change_journal) n
ON j.seq = n.seq
WHEN MATCHED THEN UPDATE SET device_seq = n.numbered;
ALTER TABLE change_journal ALTER COLUMN device_seq SET NOT NULL;
ALTER TABLE change_journal ADD COLUMN base VARCHAR(1000000) DEFAULT '{}' NOT NULL;
CREATE UNIQUE INDEX change_journal_change ON change_journal (device_id, device_seq);

CREATE TABLE record_version (
    entity    VARCHAR(40)      NOT NULL,
    entity_id UUID             NOT NULL,
    versions  VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (entity, entity_id)
);

CREATE TABLE conflict_value (
    entity      VARCHAR(40)              NOT NULL,
    entity_id   UUID                     NOT NULL,
    field       VARCHAR(60)              NOT NULL,
    device_id   UUID                     NOT NULL,
    device_seq  BIGINT                   NOT NULL,
    hlc         BIGINT                   NOT NULL,
    author_id   UUID                     NOT NULL,
    field_value VARCHAR(1000000)         NOT NULL,
    detected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (entity, entity_id, field, device_id, device_seq)
);

CREATE TABLE replaced_version (
    entity     VARCHAR(40) NOT NULL,
    entity_id  UUID        NOT NULL,
    field      VARCHAR(60) NOT NULL,
    device_id  UUID        NOT NULL,
    device_seq BIGINT      NOT NULL,
    PRIMARY KEY (entity, entity_id, field, device_id, device_seq)
);

CREATE TABLE tombstone (
    entity     VARCHAR(40) NOT NULL,
    entity_id  UUID        NOT NULL,
    device_id  UUID        NOT NULL,
    device_seq BIGINT      NOT NULL,
    hlc        BIGINT      NOT NULL,
    PRIMARY KEY (entity, entity_id)
);

CREATE TABLE held_change (
    device_id   UUID                     NOT NULL,
    device_seq  BIGINT                   NOT NULL,
    entity      VARCHAR(40)              NOT NULL,
    entity_id   UUID                     NOT NULL,
    change_json VARCHAR(1000000)         NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (device_id, device_seq)
);
CREATE INDEX held_change_record ON held_change (entity, entity_id);
