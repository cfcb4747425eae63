package fr.cercle.persistence.write;

import java.util.Objects;

/**
 * A received change that this database cannot take: an unknown entity or field, or a value that does
 * not fit its field. Names the change, so that an importer can say where it was; the transaction
 * that received it rolls back.
 */
public final class RefusedChange extends IllegalArgumentException {

    private final transient IncomingChange change;

    RefusedChange(IncomingChange change, IllegalArgumentException cause) {
        super(cause.getMessage(), cause);
        this.change = Objects.requireNonNull(change, "change");
    }

    /** The change refused, as it was given to the receiver. */
    public IncomingChange change() {
        return change;
    }
}
