-- A later schema version, used only by tests of upgrades and of refusing a newer database.
ALTER TABLE beneficiary ADD COLUMN test_upgrade_marker VARCHAR(10);
