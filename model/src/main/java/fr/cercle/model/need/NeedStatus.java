package fr.cercle.model.need;

/** Where a need stands: waiting for a helper, met by one, or over. */
public enum NeedStatus {
    OPEN,
    MATCHED,
    CLOSED
}
