package fr.cercle.sync.client;

/**
 * What one sync did: own changes the server now holds that it did not before, changes received and
 * applied, already here, held for an earlier one; whether the server had a new epoch (restored).
 */
public record SyncReport(long sent, long applied, long duplicates, long held, boolean newServerEpoch) {
}
