package fr.cercle.model.access;

/** The kinds of records and functions need-to-know rules over, besides people's files. */
public enum Subject {
    /** A person supported: see {@link NeedToKnow#canRead(Viewer, fr.cercle.model.staff.StaffId, java.util.Set)}. */
    BENEFICIARY,
    /** The citizens who help, with their contact details and availability. */
    HELPER,
    /** The structure's staff (names, domains). */
    STAFF,
    /** Accounts, roles, the settings of the installation. */
    ACCOUNTS,
    /** The audit trail: who saw or changed what. */
    AUDIT,
    /** Anonymised indicators. */
    INDICATORS
}
