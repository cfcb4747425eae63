package fr.cercle.sync.server;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.sync.seal.PublicIdentity;

import java.time.OffsetDateTime;

/** An installation enrolled with this server: its organisation, its keys, and whether it was withdrawn. */
public record EnrolledDevice(DeviceId id, String organisation, String label, PublicIdentity keys,
                             OffsetDateTime enrolledAt, OffsetDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
