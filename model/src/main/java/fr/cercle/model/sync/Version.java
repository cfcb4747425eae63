package fr.cercle.model.sync;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.time.Hlc;

import java.util.Comparator;
import java.util.Objects;

/**
 * The version of a field's value: the change that wrote it and its hybrid-logical-clock time.
 * Versions are totally ordered: by time, then by device id (the tie-break), then by sequence.
 * Every replica orders the same versions the same way, whatever language it is written in: device
 * ids compare as unsigned 128-bit numbers, the order of their lower-case text
 * (docs/exchange-format.md), not as {@link java.util.UUID#compareTo}, which compares signed halves.
 */
public record Version(ChangeId change, Hlc hlc) implements Comparable<Version> {

    private static final Comparator<Version> ORDER = Comparator.comparing(Version::hlc)
            .thenComparing(v -> v.change().device(), Version::compareDevices)
            .thenComparingLong(v -> v.change().seq());

    public Version {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(hlc, "hlc");
    }

    @Override
    public int compareTo(Version other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(Version other) {
        return compareTo(other) > 0;
    }

    /** Device ids as unsigned 128-bit numbers: the same order as comparing their lower-case text. */
    static int compareDevices(DeviceId a, DeviceId b) {
        int high = Long.compareUnsigned(a.value().getMostSignificantBits(), b.value().getMostSignificantBits());
        return high != 0 ? high
                : Long.compareUnsigned(a.value().getLeastSignificantBits(), b.value().getLeastSignificantBits());
    }
}
