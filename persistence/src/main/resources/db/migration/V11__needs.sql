-- Needs (the caseworker's day, issue 5): what a person needs a citizen's help for, and the helper who
-- meets it. A synced entity like the others, written through the write path; slots, extra skills and
-- languages are JSON arrays as the helper's are. No foreign key: a need may arrive before its person
-- in a sync. Status, helper and matching day are guarded fields (a concurrent change is a conflict).
CREATE TABLE need (
    id                        UUID          NOT NULL PRIMARY KEY,
    beneficiary_id            UUID          NOT NULL,
    kind                      VARCHAR(30)   NOT NULL,
    frequency                 VARCHAR(20)   NOT NULL,
    slots                     VARCHAR(1000) NOT NULL,
    extra_skills              VARCHAR(1000) NOT NULL,
    background_check_required BOOLEAN       NOT NULL,
    languages                 VARCHAR(500)  NOT NULL,
    status                    VARCHAR(10)   NOT NULL,
    opened_on                 DATE          NOT NULL,
    helper_id                 UUID,
    matched_on                DATE,
    note                      VARCHAR(1000),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                UUID          NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                UUID          NOT NULL
);
CREATE INDEX need_beneficiary ON need (beneficiary_id);
CREATE INDEX need_helper ON need (helper_id);
