-- The records this installation forgot while it holds its own changes of them (V10): when one comes
-- back into scope, those changes are applied again (the server does not send a device its own changes
-- made after the record came back).
CREATE TABLE forgotten_record (
    entity    VARCHAR(40) NOT NULL,
    entity_id UUID        NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
