package fr.cercle.model.sync;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The merge rule of one field, the same on every replica. A change to a field carries its version
 * and its <em>base</em>: the versions of that field its author had in front of them. Then:
 * <ul>
 *     <li>a change that saw the current value replaces it (whatever the clocks say);</li>
 *     <li>two concurrent changes (neither saw the other): the later version wins (time, then device);
 *         for a <em>guarded</em> field the other value is kept as a loser, a conflict for a person
 *         to decide, instead of being overwritten silently;</li>
 *     <li>a change that names losers in its base resolves them (a person's decision, which syncs
 *         like any edit);</li>
 *     <li>a version that arrives after a change that replaced it stays replaced.</li>
 * </ul>
 * The result depends only on the set of changes applied, not on their order, so replicas that
 * received the same changes hold the same values and the same conflicts.
 */
public final class FieldMerge {

    private FieldMerge() {
    }

    /** What the replica remembers of changes beyond this field's state. */
    public interface History {
        /** Whether this change was already applied here (its versions were then winners or losers). */
        boolean applied(ChangeId change);

        /** Whether a change applied earlier named this not-yet-seen version in its base. */
        boolean replacedBeforeSeen(ChangeId change);
    }

    /**
     * @param state                the field's state after the change; {@code null} if the field had
     *                             none and the incoming version was already replaced
     * @param incomingWins         whether the field now holds the incoming value
     * @param replacedUnseen       versions of the base not yet seen here: remember them as replaced
     * @param incomingWasReplaced  the incoming version had been replaced before it arrived: forget that mark
     */
    public record Outcome(FieldState state, boolean incomingWins, Set<ChangeId> replacedUnseen,
                          boolean incomingWasReplaced) {
    }

    /**
     * Applies one incoming version to a field.
     *
     * @param current  the field's state, or {@code null} if it has none yet
     * @param incoming the version the change writes
     * @param base     the versions the change's author had in front of them
     * @param guarded  whether a concurrent overwrite must be kept as a conflict
     */
    public static Outcome apply(FieldState current, Version incoming, Set<ChangeId> base, boolean guarded,
                                History history) {
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(base, "base");
        Set<ChangeId> replacedUnseen = new LinkedHashSet<>();
        for (ChangeId seen : base) {
            boolean known = current != null && current.live().contains(seen);
            if (!known && !history.applied(seen)) {
                replacedUnseen.add(seen);
            }
        }
        TreeSet<Version> losers = new TreeSet<>();
        if (current != null) {
            current.losers().stream().filter(v -> !base.contains(v.change())).forEach(losers::add);
        }

        if (history.replacedBeforeSeen(incoming.change())) {
            FieldState state = current == null ? null : new FieldState(current.winner(), losers);
            return new Outcome(state, false, replacedUnseen, true);
        }
        if (current == null || base.contains(current.winner().change())) {
            return new Outcome(new FieldState(incoming, losers), true, replacedUnseen, false);
        }
        Version winner = incoming.isAfter(current.winner()) ? incoming : current.winner();
        Version loser = winner == incoming ? current.winner() : incoming;
        if (guarded) {
            losers.add(loser);
        }
        return new Outcome(new FieldState(winner, losers), winner == incoming, replacedUnseen, false);
    }
}
