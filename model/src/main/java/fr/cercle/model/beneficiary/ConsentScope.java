package fr.cercle.model.beneficiary;

/** What the person agreed to. Each scope includes the ones before it. */
public enum ConsentScope {
    /** Follow-up by the structure's staff only. */
    FOLLOW_UP,
    /** Follow-up, and sharing what is needed with the helpers of their circle. */
    FOLLOW_UP_AND_HELPERS,
    /** As above, and sharing with partner structures (health centre, school, town hall). */
    FOLLOW_UP_HELPERS_AND_PARTNERS
}
