package fr.cercle.model.contribution;

/** Whether a follow-up still waits for the referent. */
public enum FollowUpStatus {
    OPEN,
    DONE
}
