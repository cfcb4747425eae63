-- Alerts and agenda (issue 5): the indexes their aggregate queries probe, so that computing the day's
-- alerts over 100,000 files and 2,000,000 contributions stays an index probe per file, not a scan.
-- "Is there a contact made since that day for this file?" reads (beneficiary, contact made, day).
CREATE INDEX contribution_contact ON contribution (beneficiary_id, contact_made, contributed_on);
-- Open follow-ups by due date, open needs by opening day, helpers by status.
CREATE INDEX follow_up_due ON follow_up (status, due_on);
CREATE INDEX need_status ON need (status, opened_on);
CREATE INDEX helper_status ON helper (status);
CREATE INDEX beneficiary_status ON beneficiary (status, referent_id);
