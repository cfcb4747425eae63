package fr.cercle.sync.format;

import fr.cercle.model.installation.DeviceId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The first line of a bundle. {@code rangeFrom}/{@code rangeTo} are the origin device's sequence
 * numbers for a push (the changes after {@code rangeFrom}, up to {@code rangeTo}), server cursors for
 * a pull. A pull also tells the server's epoch and, for the devices it concerns, the last sequence
 * number the server holds from them (so that a device knows what it no longer needs to send).
 */
public record BundleHeader(
        int formatVersion,
        int schemaVersion,
        UUID bundleId,
        DeviceId origin,
        String organisation,
        BundleKind kind,
        long rangeFrom,
        long rangeTo,
        UUID serverEpoch,
        Map<DeviceId, Long> acknowledged,
        Instant createdAt,
        long changeCount,
        String contentSha256) {

    public static final String FORMAT = "cercle-exchange";
    public static final int FORMAT_VERSION = 1;
    /** The version of the set of entities and fields exchanged (docs/exchange-format.md). */
    public static final int SCHEMA_VERSION = 2;

    public BundleHeader {
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        acknowledged = acknowledged == null ? Map.of() : Map.copyOf(acknowledged);
    }
}
