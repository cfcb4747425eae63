-- The export of a list (people, helpers, the heatwave register) to a CSV file is an audit event too
-- (model: fr.cercle.model.audit.ExportedList): subject_entity 'list', subject_id the event's own id,
-- and what it took out: which list, how many lines, the filters in words, the file's name without
-- its folder. Null for the other events. Added in schema version 5 of the exchange format.
ALTER TABLE audit_event ADD COLUMN list_name VARCHAR(40);
ALTER TABLE audit_event ADD COLUMN list_lines INTEGER;
ALTER TABLE audit_event ADD COLUMN list_filter VARCHAR(500);
ALTER TABLE audit_event ADD COLUMN file_name VARCHAR(255);
