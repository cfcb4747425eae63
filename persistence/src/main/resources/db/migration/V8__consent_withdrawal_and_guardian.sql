-- Consent records (model: fr.cercle.model.beneficiary.Consent): who consented for a minor (a parent or
-- legal representative), and the day a consent was withdrawn. Exchange format schema version 2 adds
-- them; a creation written by a version 1 writer lacks them and a receiver takes them as empty.
ALTER TABLE beneficiary ADD COLUMN consent_guardian VARCHAR(200);
ALTER TABLE beneficiary ADD COLUMN consent_withdrawn_on DATE;
