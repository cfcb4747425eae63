-- The audit trail (model: fr.cercle.model.audit). Who created, changed or erased which record is the
-- change journal already (author, device, instant, entity, id: never the values, which the screen
-- does not show). What the journal cannot tell, who opened a file and who exported one, is an
-- audit_event: a synced entity like the others, created through the write path, never changed nor
-- deleted (the write path and every reader of the exchange format refuse it). Only ids, no names.
CREATE TABLE audit_event (
    id             UUID                     NOT NULL PRIMARY KEY,
    action         VARCHAR(10)              NOT NULL,
    subject_entity VARCHAR(40)              NOT NULL,
    subject_id     UUID                     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID                     NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID                     NOT NULL
);
CREATE INDEX audit_event_subject ON audit_event (subject_id);
-- The coordinator's search by person (entity_id, indexed by change_journal_entity's second column
-- only), by user (and period: the hlc, whose index exists, is when a change was made).
CREATE INDEX change_journal_entity_id ON change_journal (entity_id);
CREATE INDEX change_journal_author ON change_journal (author_id, hlc);
