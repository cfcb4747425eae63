package fr.cercle.model.profile;

/** The steps of the follow-up of a young person who left school, in their order, before its outcome. */
public enum DropoutStep {
    /** On the list of young people who left school without a diploma. */
    SPOTTED,
    /** Reached by phone, letter or visit. */
    CONTACTED,
    /** Met, and their situation and wishes assessed. */
    ASSESSED,
    /** Accompanied towards a solution. */
    ACCOMPANIED
}
