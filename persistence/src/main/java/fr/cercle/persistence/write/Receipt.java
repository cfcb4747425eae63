package fr.cercle.persistence.write;

/** What became of one received change. */
public enum Receipt {
    /** Merged into this database and journaled. */
    APPLIED,
    /** Already here: nothing changed. */
    DUPLICATE,
    /** An earlier change of the same device is missing: kept aside, applied when the gap is filled. */
    HELD,
    /** Journaled, but its record was deleted: a deletion wins, nothing comes back. */
    AFTER_DELETION
}
