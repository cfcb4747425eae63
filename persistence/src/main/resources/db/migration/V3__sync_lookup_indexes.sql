-- Receiving a bundle asks, for a thousand records at a time, which ones this installation already
-- knows (ENTITY_ID IN (...)). The primary keys start with the entity's name, which such a list cannot
-- use: without these indexes each question scanned the whole table.
CREATE INDEX record_version_entity_id ON record_version (entity_id);
CREATE INDEX tombstone_entity_id ON tombstone (entity_id);
