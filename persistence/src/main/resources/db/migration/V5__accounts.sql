-- The accounts that sign in on this installation, and what each may do (model: fr.cercle.model.access).
-- Their passwords are not here: keyring.json, beside the database, holds the database key wrapped by
-- each account's password (docs/security.md). Accounts belong to one installation and are not synced:
-- a person has an account on each PC they use.
CREATE TABLE account (
    login      VARCHAR(40)              NOT NULL PRIMARY KEY,
    staff_id   UUID,
    roles      VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(40)              NOT NULL
);
