package fr.cercle.sync.format;

import fr.cercle.model.installation.DeviceId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The first line of a bundle. {@code rangeFrom}/{@code rangeTo} are the origin device's sequence
 * numbers for a push (the changes after {@code rangeFrom}, up to {@code rangeTo}), server cursors for
 * a pull. A pull also tells the server's epoch and, for the devices it concerns, the last sequence
 * number the server holds from them (so that a device knows what it no longer needs to send).
 *
 * <p>Format version 2 adds two members to a pull that the server sends to a device of one organisation
 * (docs/exchange-format.md, section 13): the {@code horizon}, how far each device's changes were looked
 * at (those outside the organisation's scope were left out), and the records {@code leaving} its
 * scope, which the device forgets after taking the bundle's changes.
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
        String contentSha256,
        Map<DeviceId, Long> horizon,
        List<Leaving> leaving) {

    public static final String FORMAT = "cercle-exchange";
    /** The version written when a bundle needs nothing of version 2. */
    public static final int FORMAT_VERSION = 1;
    /** The highest format version this program reads and writes. */
    public static final int LATEST_FORMAT_VERSION = 2;
    /** The version of the set of entities and fields exchanged (docs/exchange-format.md). */
    public static final int SCHEMA_VERSION = 5;

    public BundleHeader {
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        acknowledged = acknowledged == null ? Map.of() : Map.copyOf(acknowledged);
        horizon = horizon == null ? Map.of() : Map.copyOf(horizon);
        leaving = leaving == null ? List.of() : List.copyOf(leaving);
    }

    /** A header of format version 1, without horizon nor records leaving. */
    public BundleHeader(int formatVersion, int schemaVersion, UUID bundleId, DeviceId origin, String organisation,
                        BundleKind kind, long rangeFrom, long rangeTo, UUID serverEpoch, Map<DeviceId, Long> acknowledged,
                        Instant createdAt, long changeCount, String contentSha256) {
        this(formatVersion, schemaVersion, bundleId, origin, organisation, kind, rangeFrom, rangeTo, serverEpoch,
                acknowledged, createdAt, changeCount, contentSha256, Map.of(), List.of());
    }

    /** A record that leaves the scope of the device the pull is for. */
    public record Leaving(String entity, UUID id) {

        public Leaving {
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(id, "id");
        }
    }
}
