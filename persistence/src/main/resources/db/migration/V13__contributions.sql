-- Contributions (a helper's visit, call, session or errand for a person) and the follow-ups their
-- concerns open for the person's referent (issue 5). Synced entities written through the write path;
-- a follow-up's status and day done are guarded. No foreign keys: a sync may bring them before their
-- person.
CREATE TABLE contribution (
    id             UUID          NOT NULL PRIMARY KEY,
    beneficiary_id UUID          NOT NULL,
    helper_id      UUID          NOT NULL,
    need_id        UUID,
    contributed_on DATE          NOT NULL,
    minutes        INT           NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    medium         VARCHAR(20)   NOT NULL,
    contact_made   BOOLEAN       NOT NULL,
    note           VARCHAR(500),
    concern        VARCHAR(1000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID          NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID          NOT NULL
);
CREATE INDEX contribution_beneficiary ON contribution (beneficiary_id, contributed_on);
CREATE INDEX contribution_helper ON contribution (helper_id, contributed_on);

CREATE TABLE follow_up (
    id             UUID          NOT NULL PRIMARY KEY,
    beneficiary_id UUID          NOT NULL,
    source_id      UUID,
    referent_id    UUID,
    subject        VARCHAR(1000) NOT NULL,
    due_on         DATE          NOT NULL,
    status         VARCHAR(10)   NOT NULL,
    done_on        DATE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID          NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID          NOT NULL
);
CREATE INDEX follow_up_beneficiary ON follow_up (beneficiary_id);
CREATE INDEX follow_up_referent ON follow_up (referent_id, status);
