package fr.cercle.model.sync;

import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a replica knows of one field of one record: the version whose value it holds (the winner),
 * and, for a guarded field, the concurrent versions that lost and wait for a person to decide
 * (the conflict). An unguarded field never has losers.
 */
public record FieldState(Version winner, Set<Version> losers) {

    public FieldState {
        Objects.requireNonNull(winner, "winner");
        TreeSet<Version> sorted = new TreeSet<>(Comparator.naturalOrder());
        sorted.addAll(losers);
        losers = java.util.Collections.unmodifiableSet(sorted);
    }

    public static FieldState of(Version winner) {
        return new FieldState(winner, Set.of());
    }

    public boolean inConflict() {
        return !losers.isEmpty();
    }

    /** Every version still alive in this field: the winner and the losers. */
    public Set<ChangeId> live() {
        Set<ChangeId> ids = new java.util.LinkedHashSet<>();
        ids.add(winner.change());
        losers.forEach(v -> ids.add(v.change()));
        return ids;
    }
}
