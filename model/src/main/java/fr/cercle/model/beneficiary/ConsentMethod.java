package fr.cercle.model.beneficiary;

/** How consent was collected. */
public enum ConsentMethod {
    /** A form signed by the person. */
    SIGNED_FORM,
    /** Given orally and noted by the caseworker, with the date. */
    ORAL,
    /** Given by a legal representative (guardian, parent of a minor). */
    LEGAL_REPRESENTATIVE,
    /** Given by e-mail or another written electronic message. */
    ELECTRONIC
}
