package fr.cercle.model.helper;

/** Whether a helper can be asked to help. */
public enum HelperStatus {
    ACTIVE,
    PAUSED,
    LEFT
}
