-- Scope per organisation (docs/security.md, docs/exchange-format.md section 13). The server sends a
-- device only the records within its organisation's scope:
--
-- * change_log.organisation: the organisation whose scope the change belonged to when it was
--   appended; NULL for what every organisation shares (installations, staff members) and for changes
--   pushed without a device organisation (bundles brought by hand before enrolment existed).
-- * change_log.scope_id: the record whose scope governs the change (the record itself; for an audit
--   event, the record it is about), to send a record's whole history to an organisation it enters.
-- * staff_scope: the organisation of each staff member, that of the device that created it.
-- * record_scope: each scoped record's organisation now. A beneficiary's is its referent's, following
--   the referent field's latest version; a helper's, that of the device that created it.
-- * scope_move: a record leaving one organisation for another, numbered by the same cursor as the
--   changes, so that each device learns it in order.
ALTER TABLE change_log ADD COLUMN organisation VARCHAR(200);
ALTER TABLE change_log ADD COLUMN scope_id UUID;
CREATE INDEX change_log_scope ON change_log (scope_id);

CREATE TABLE staff_scope (
    staff_id     UUID         NOT NULL PRIMARY KEY,
    organisation VARCHAR(200) NOT NULL
);

CREATE TABLE record_scope (
    entity_id       UUID         NOT NULL PRIMARY KEY,
    entity          VARCHAR(40)  NOT NULL,
    organisation    VARCHAR(200) NOT NULL,
    referent_hlc    BIGINT,
    referent_device UUID,
    referent_seq    BIGINT
);

CREATE TABLE scope_move (
    server_seq BIGINT       NOT NULL PRIMARY KEY,
    entity     VARCHAR(40)  NOT NULL,
    entity_id  UUID         NOT NULL,
    from_org   VARCHAR(200) NOT NULL,
    to_org     VARCHAR(200) NOT NULL
);
