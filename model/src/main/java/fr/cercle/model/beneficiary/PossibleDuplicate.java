package fr.cercle.model.beneficiary;

/** An existing file that may be the same person as the one being saved, and why Cercle thinks so. */
public record PossibleDuplicate(BeneficiarySummary existing, Reason reason) {

    public enum Reason {
        /** Same first and last name (in either order, accents aside) and same birth date. */
        SAME_NAME_AND_BIRTH_DATE,
        /** A name spelled almost the same way, in the same commune. */
        SIMILAR_NAME_SAME_COMMUNE
    }
}
