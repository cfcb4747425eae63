-- Running totals of the contributions (issue 5; decision 0014), kept by the write path and the receiver
-- of a sync in the same transaction as the contributions they sum, so that the dashboard and the alerts
-- read a few rows instead of two million. Derived data, local to this database: never journaled nor
-- synced; each installation derives them from the contributions it holds. No foreign keys, as for the
-- contributions themselves (a sync may bring them before their person).

-- Each file's last contact (a contribution where the person was reached); null if never reached.
CREATE TABLE file_activity (
    beneficiary_id  UUID NOT NULL PRIMARY KEY,
    last_contact_on DATE
);
CREATE INDEX file_activity_last_contact ON file_activity (last_contact_on, beneficiary_id);

-- The citizen minutes of each file per month (month_start: its first day).
CREATE TABLE file_month_minutes (
    beneficiary_id UUID   NOT NULL,
    month_start    DATE   NOT NULL,
    minutes        BIGINT NOT NULL,
    PRIMARY KEY (beneficiary_id, month_start)
);

-- The citizen minutes of every file per month: the whole structure's trend in twelve rows.
CREATE TABLE month_minutes (
    month_start DATE   NOT NULL PRIMARY KEY,
    minutes BIGINT NOT NULL
);

-- Each helper's last contribution (reached or not: the helper was active).
CREATE TABLE helper_activity (
    helper_id            UUID NOT NULL PRIMARY KEY,
    last_contribution_on DATE NOT NULL
);

INSERT INTO file_month_minutes (beneficiary_id, month_start, minutes)
SELECT beneficiary_id, CAST(DATE_TRUNC('MONTH', contributed_on) AS DATE), SUM(minutes)
FROM contribution
GROUP BY beneficiary_id, CAST(DATE_TRUNC('MONTH', contributed_on) AS DATE);

INSERT INTO month_minutes (month_start, minutes)
SELECT month_start, SUM(minutes) FROM file_month_minutes GROUP BY month_start;

INSERT INTO file_activity (beneficiary_id, last_contact_on)
SELECT beneficiary_id, MAX(CASE WHEN contact_made THEN contributed_on END)
FROM contribution
GROUP BY beneficiary_id;

INSERT INTO helper_activity (helper_id, last_contribution_on)
SELECT helper_id, MAX(contributed_on) FROM contribution GROUP BY helper_id;
