package fr.cercle.model.profile;

/** Where the person stands with the allocation personnalisée d'autonomie (APA), which GIR 1 to 4 open. */
public enum ApaStatus {
    /** No request made. */
    NOT_REQUESTED,
    /** Requested, the department has not decided yet. */
    REQUESTED,
    /** Granted by the department. */
    GRANTED,
    /** Refused by the department. */
    REFUSED
}
