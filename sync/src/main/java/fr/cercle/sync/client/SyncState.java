package fr.cercle.sync.client;

import fr.cercle.persistence.local.LocalSettings;

import java.util.Optional;
import java.util.UUID;

/**
 * Where this installation stands with the central server, kept in its own database: the server's
 * epoch, the last of its own changes the server acknowledged, and the pull cursor. Updated in the
 * same transaction as the changes it concerns.
 */
public record SyncState(UUID serverEpoch, long acknowledged, long pullCursor) {

    static final String EPOCH = "sync.server.epoch";
    static final String ACKNOWLEDGED = "sync.acknowledged";
    static final String PULL_CURSOR = "sync.pull.cursor";
    static final String LAST_SYNC = "sync.last";

    public static SyncState read(LocalSettings settings) {
        return new SyncState(settings.get(EPOCH).map(UUID::fromString).orElse(null),
                settings.get(ACKNOWLEDGED).map(Long::parseLong).orElse(0L),
                settings.get(PULL_CURSOR).map(Long::parseLong).orElse(0L));
    }

    public void write(LocalSettings settings) {
        if (serverEpoch != null) {
            settings.put(EPOCH, serverEpoch.toString());
        }
        settings.put(ACKNOWLEDGED, Long.toString(acknowledged));
        settings.put(PULL_CURSOR, Long.toString(pullCursor));
    }

    /** When the last sync with the server succeeded, as an ISO instant, if ever. */
    public static Optional<String> lastSync(LocalSettings settings) {
        return settings.get(LAST_SYNC);
    }

    static void markSynced(LocalSettings settings, java.time.Instant when) {
        settings.put(LAST_SYNC, when.toString());
    }
}
