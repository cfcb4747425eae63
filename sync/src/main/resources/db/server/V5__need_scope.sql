-- Needs belong to their person's file (schema version 3): a need's scope is its beneficiary's, found
-- through parent_id when a change of the need does not name the beneficiary.
ALTER TABLE record_scope ADD COLUMN parent_id UUID;
