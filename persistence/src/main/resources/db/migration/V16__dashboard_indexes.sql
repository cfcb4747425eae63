-- Indexes for the dashboard (issue 5; docs/performance.md, section 6). The contributions of a range of
-- days, with what the dashboard reads of them, from the index alone: the citizen hours per month (sum of
-- minutes) and the people contacted recently (beneficiary, contact made).
CREATE INDEX contribution_day ON contribution (contributed_on, contact_made, beneficiary_id, minutes);
-- Open needs, needs matched since a day; open follow-ups due by a day.
CREATE INDEX need_status ON need (status, beneficiary_id);
CREATE INDEX need_matched_on ON need (matched_on, opened_on, beneficiary_id);
CREATE INDEX follow_up_due ON follow_up (status, due_on, beneficiary_id);
