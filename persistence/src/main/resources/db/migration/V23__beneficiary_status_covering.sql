-- The active files counted by the dashboard (per domain, without contact) and read by the alerts are
-- found from this index alone, without reading the files' rows (issue 5; docs/performance.md,
-- section 6): it widens V15's index of the same name with the domains and the id. A caseworker's files
-- are one range of it (status, referent); a coordinator's, the range of the status.
DROP INDEX beneficiary_status;
CREATE INDEX beneficiary_status ON beneficiary (status, referent_id, domains, id);
