package fr.cercle.model.autonomy;

/** How a person does what a variable describes. */
public enum AggirScore {
    /** Does it alone, spontaneously, fully, habitually and correctly. */
    A,
    /** Does it partly, or not habitually, or not correctly. */
    B,
    /** Does not do it. */
    C
}
