-- The central server's database, version 1. The same SQL runs on H2 (one file, the default) and on
-- PostgreSQL (a department or a region); names are never quoted.
--
-- * change_log: every change received, in the order the server committed it. server_seq is the
--   pull cursor. It is assigned under the row lock of server_counter, held until commit, so pushes
--   commit in cursor order and a reader never sees cursor n+1 before n: a pull never skips a change.
-- * device_progress: the last sequence number received from each device, with no gap.
-- * held_change: changes received after a gap in their device's sequence, waiting for it to fill.
-- * server_info: the epoch, a random id replaced whenever the database is restored from a backup,
--   so that clients notice and send again what the server lacks.

CREATE TABLE server_info (
    info_key   VARCHAR(50)  NOT NULL PRIMARY KEY,
    info_value VARCHAR(200) NOT NULL
);

CREATE TABLE server_counter (
    id       INT    NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO server_counter (id, last_seq) VALUES (1, 0);

CREATE TABLE change_log (
    server_seq  BIGINT                   NOT NULL PRIMARY KEY,
    device_id   UUID                     NOT NULL,
    device_seq  BIGINT                   NOT NULL,
    entity      VARCHAR(40)              NOT NULL,
    entity_id   UUID                     NOT NULL,
    operation   VARCHAR(10)              NOT NULL,
    hlc         BIGINT                   NOT NULL,
    author_id   UUID                     NOT NULL,
    change_json VARCHAR(4000000)         NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT change_log_change UNIQUE (device_id, device_seq)
);

CREATE TABLE device_progress (
    device_id UUID                     NOT NULL PRIMARY KEY,
    last_seq  BIGINT                   NOT NULL,
    last_push TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE held_change (
    device_id   UUID                     NOT NULL,
    device_seq  BIGINT                   NOT NULL,
    change_json VARCHAR(4000000)         NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (device_id, device_seq)
);
