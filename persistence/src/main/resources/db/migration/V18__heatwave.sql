-- The heatwave campaign (issue 5): an alert period declared by the town hall, and the calls that reach
-- each person of the register during it, with their outcome and escalation. Synced entities written
-- through the write path; a call belongs to its person's file (erased with it, moves with it). No
-- foreign keys: a sync may bring a call before its campaign or its person.
CREATE TABLE heatwave_campaign (
    id          UUID          NOT NULL PRIMARY KEY,
    level       VARCHAR(10)   NOT NULL,
    starts_on   DATE          NOT NULL,
    ends_on     DATE,
    closed_on   DATE,
    note        VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID          NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID          NOT NULL
);

CREATE TABLE heatwave_call (
    id             UUID          NOT NULL PRIMARY KEY,
    campaign_id    UUID          NOT NULL,
    beneficiary_id UUID          NOT NULL,
    caller_kind    VARCHAR(10)   NOT NULL,
    caller_id      UUID          NOT NULL,
    call_day       DATE          NOT NULL,
    step           VARCHAR(20)   NOT NULL,
    outcome        VARCHAR(20),
    done_on        DATE,
    note           VARCHAR(500),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID          NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID          NOT NULL
);
CREATE INDEX heatwave_call_campaign ON heatwave_call (campaign_id, call_day);
CREATE INDEX heatwave_call_beneficiary ON heatwave_call (beneficiary_id);
