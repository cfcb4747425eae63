-- Indexes for the dashboard (issue 5; docs/performance.md, section 6). The contributions of a range of
-- days, with what the dashboard reads of them, from the index alone: the citizen hours per month (sum of
-- minutes) and the people contacted recently (beneficiary, contact made). It widens V15's index of the
-- same name (the alerts read a prefix of it), as the follow-ups' one below does.
DROP INDEX contribution_day;
CREATE INDEX contribution_day ON contribution (contributed_on, contact_made, beneficiary_id, minutes);
-- Open needs by file, needs matched since a day; open follow-ups due by a day.
CREATE INDEX need_status_file ON need (status, beneficiary_id);
CREATE INDEX need_matched_on ON need (matched_on, opened_on, beneficiary_id);
DROP INDEX follow_up_due;
CREATE INDEX follow_up_due ON follow_up (status, due_on, beneficiary_id);
