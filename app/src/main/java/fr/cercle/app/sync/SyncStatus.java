package fr.cercle.app.sync;

import java.time.Instant;

/**
 * Where this installation stands with the server.
 *
 * @param lastSync  when the last sync with the server succeeded, or {@code null} if never
 * @param pending   changes made here that the server has not confirmed yet
 * @param conflicts fields waiting for a person to decide between two values
 */
public record SyncStatus(Instant lastSync, long pending, int conflicts) {

    public static final SyncStatus UNKNOWN = new SyncStatus(null, 0, 0);
}
