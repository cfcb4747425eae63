package fr.cercle.model.spreadsheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which target each column of a spreadsheet fills, or none (the column is ignored). Guessed from the
 * headers, then changed column by column by the person who imports.
 */
public final class ColumnMapping {

    private final ImportKind kind;
    private final List<String> headers;
    private final List<Target> targets;

    private ColumnMapping(ImportKind kind, List<String> headers, List<Target> targets) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.headers = List.copyOf(headers);
        if (targets.size() != headers.size()) {
            throw new IllegalArgumentException(targets.size() + " targets for " + headers.size() + " columns");
        }
        for (Target target : targets) {
            if (target != null && !target.appliesTo(kind)) {
                throw new IllegalArgumentException(target + " is not a target of an import of " + kind);
            }
        }
        this.targets = Collections.unmodifiableList(new ArrayList<>(targets));
    }

    /**
     * The mapping guessed from the headers: a header that is one of a target's names takes it, then a
     * header that starts with one ("Nom de naissance"); a target goes to the first such column only.
     */
    public static ColumnMapping guess(ImportKind kind, List<String> headers) {
        List<Target> targets = new ArrayList<>(Collections.nCopies(headers.size(), null));
        Set<Target> taken = EnumSet.noneOf(Target.class);
        List<String> folded = headers.stream().map(Target::fold).toList();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < headers.size(); i++) {
                if (targets.get(i) != null) {
                    continue;
                }
                for (Target target : Target.of(kind)) {
                    boolean named = pass == 0 ? target.isNamed(folded.get(i)) : target.startsNamed(folded.get(i));
                    if (named && taken.add(target)) {
                        targets.set(i, target);
                        break;
                    }
                }
            }
        }
        return new ColumnMapping(kind, headers, targets);
    }

    /** Every column ignored. */
    public static ColumnMapping none(ImportKind kind, List<String> headers) {
        return new ColumnMapping(kind, headers, Collections.nCopies(headers.size(), null));
    }

    /** The same mapping with this column filling this target ({@code null}: ignored). */
    public ColumnMapping with(int column, Target target) {
        List<Target> changed = new ArrayList<>(targets);
        changed.set(column, target);
        return new ColumnMapping(kind, headers, changed);
    }

    public ImportKind kind() {
        return kind;
    }

    public List<String> headers() {
        return headers;
    }

    /** One entry per column, {@code null} for an ignored column. */
    public List<Target> targets() {
        return targets;
    }

    /** The column that fills this target, if one does (the first, if several do). */
    public Optional<Integer> columnOf(Target target) {
        int index = targets.indexOf(target);
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    /** The header of the column that fills this target, if one does. */
    public Optional<String> headerOf(Target target) {
        return columnOf(target).map(headers::get);
    }

    /**
     * The targets this import needs and no column fills. The commune counts as filled by the
     * commune's name, its INSEE code or its postal code.
     */
    public List<Target> missing() {
        List<Target> missing = new ArrayList<>();
        for (Target target : Target.of(kind)) {
            if (target.requiredFor(kind) && !targets.contains(target)) {
                missing.add(target);
            }
        }
        if (!targets.contains(Target.COMMUNE) && !targets.contains(Target.INSEE_CODE)
                && !targets.contains(Target.POSTAL_CODE)) {
            missing.add(Target.COMMUNE);
        }
        return missing;
    }

    /** The targets that more than one column fills: the import would not know which to take. */
    public List<Target> twice() {
        Map<Target, Integer> counts = new EnumMap<>(Target.class);
        targets.stream().filter(Objects::nonNull).forEach(t -> counts.merge(t, 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /** Whether the import can run with this mapping: nothing needed is missing, nothing filled twice. */
    public boolean isComplete() {
        return missing().isEmpty() && twice().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping other && kind == other.kind && headers.equals(other.headers)
                && targets.equals(other.targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, headers, targets);
    }

    @Override
    public String toString() {
        return kind + " " + targets;
    }
}
