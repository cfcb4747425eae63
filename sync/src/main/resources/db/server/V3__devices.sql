-- Devices and the server's keys (docs/security.md).
--
-- * device: each installation an administrator enrolled, its organisation, the public keys that check
--   its signatures and seal bundles for it; revoked_at set when it is withdrawn, for good.
-- * enrolment_code: one-time codes an administrator issued. The code itself is not kept: code_key is
--   the SHA-256 of the code (the key of the proofs both sides exchange at enrolment), lookup the
--   SHA-256 of code_key (how a request names its code). A code is used once, expires, and dies after
--   five wrong proofs.
-- * received_bundle: the id of every sealed bundle accepted, so that one sent again is refused.
-- * server_secret: the server's private keys and its TLS certificate, shared by every instance that
--   serves this database.

CREATE TABLE device (
    device_id    UUID                     NOT NULL PRIMARY KEY,
    organisation VARCHAR(200)             NOT NULL,
    label        VARCHAR(200)             NOT NULL,
    public_keys  VARCHAR(20000)           NOT NULL,
    enrolled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE
);

CREATE TABLE enrolment_code (
    lookup       VARCHAR(64)              NOT NULL PRIMARY KEY,
    code_key     VARCHAR(64)              NOT NULL,
    organisation VARCHAR(200)             NOT NULL,
    label        VARCHAR(200)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_by      UUID,
    failures     INT                      NOT NULL
);

CREATE TABLE received_bundle (
    bundle_id   UUID                     NOT NULL PRIMARY KEY,
    device_id   UUID                     NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE server_secret (
    secret_key   VARCHAR(50)     NOT NULL PRIMARY KEY,
    secret_value VARCHAR(200000) NOT NULL
);
