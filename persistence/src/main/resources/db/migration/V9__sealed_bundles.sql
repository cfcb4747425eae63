-- Enrolment with the central server (docs/security.md): the installation keeps its own keys and the
-- server's in its settings, inside the encrypted database; such values are longer than any before.
-- received_bundle: the id of every sealed bundle imported, so that one brought again is refused.
ALTER TABLE local_setting ALTER COLUMN setting_value SET DATA TYPE VARCHAR(20000);

CREATE TABLE received_bundle (
    bundle_id   UUID                     NOT NULL PRIMARY KEY,
    sender      VARCHAR(60)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
