package fr.cercle.model.helper;

/** Where the background check (attestation d'honorabilité) of a helper stands. */
public enum BackgroundCheckStatus {
    NOT_REQUESTED,
    REQUESTED,
    VALID,
    REFUSED
}
