-- Alerts and agenda (issue 5): the indexes their aggregate queries read. Computing the day's alerts over
-- 100,000 files and 2,000,000 contributions reads the contributions of the last days only, as one range
-- of an index that holds what the query needs, rather than probing the contributions of every file.
-- Who was reached, and when, in the last days:
CREATE INDEX contribution_day ON contribution (contributed_on, contact_made, beneficiary_id);
-- Which helpers were active in the last days:
CREATE INDEX contribution_helper_day ON contribution (contributed_on, helper_id);
-- Open follow-ups by due date, open needs by opening day, files and helpers by status.
CREATE INDEX follow_up_due ON follow_up (status, due_on);
CREATE INDEX need_status ON need (status, opened_on);
CREATE INDEX helper_status ON helper (status);
CREATE INDEX beneficiary_status ON beneficiary (status, referent_id);
