package fr.cercle.persistence.write;

/** What a journal entry records. */
public enum Operation {
    /** A new record; the entry holds every field. */
    CREATE,
    /** A change; the entry holds only the fields that changed, with their new values. */
    UPDATE,
    /** A deletion (tombstone); the entry holds no field. */
    DELETE
}
