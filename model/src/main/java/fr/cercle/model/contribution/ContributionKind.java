package fr.cercle.model.contribution;

/** What a helper did with or for the person. */
public enum ContributionKind {
    VISIT,
    CALL,
    SESSION,
    ERRAND
}
