package fr.cercle.model.sync;

import fr.cercle.model.time.Hlc;

import java.util.Comparator;
import java.util.Objects;

/**
 * The version of a field's value: the change that wrote it and its hybrid-logical-clock time.
 * Versions are totally ordered: by time, then by device id (the tie-break), then by sequence.
 * Every replica orders the same versions the same way.
 */
public record Version(ChangeId change, Hlc hlc) implements Comparable<Version> {

    private static final Comparator<Version> ORDER = Comparator.comparing(Version::hlc)
            .thenComparing(v -> v.change().device().value())
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
}
