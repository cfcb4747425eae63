-- Ranking the candidates of a need (issue 5; docs/performance.md, section 6) counts each helper's
-- matched needs while it reads the helpers: by helper and status, from the index alone. It widens V11's
-- index of the same name (whose prefix, the helper, still serves the needs of one helper).
DROP INDEX need_helper;
CREATE INDEX need_helper ON need (helper_id, status);
