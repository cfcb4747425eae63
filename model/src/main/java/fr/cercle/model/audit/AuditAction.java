package fr.cercle.model.audit;

/** What someone did to a record, as the audit trail tells it. */
public enum AuditAction {
    /** Opened the record (a person's file, a helper's). */
    VIEW,
    /** Created it. */
    CREATE,
    /** Changed some of its fields. */
    CHANGE,
    /** Took it out of Cercle (the export of everything held about a person, or of a list). */
    EXPORT,
    /** Erased it (a deletion, or a person's right to erasure). */
    ERASE
}
