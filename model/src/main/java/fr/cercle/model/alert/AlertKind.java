package fr.cercle.model.alert;

/**
 * What needs a caseworker's attention today, in the order the "Today" screen lists them: people first
 * (nobody in touch, a follow-up late, a need without a helper), then helpers, then paperwork about to
 * lapse.
 */
public enum AlertKind {
    /** Nobody reached the person for longer than their domain's threshold. */
    NO_CONTACT,
    /** A follow-up is still open after its due date. */
    FOLLOW_UP_OVERDUE,
    /** A need has waited for a helper for longer than the threshold. */
    NEED_UNMET,
    /** An active helper has recorded nothing for longer than the threshold. */
    HELPER_INACTIVE,
    /** The person's consent ends soon, or has ended (see {@link AlertSettings#consentEnds}). */
    CONSENT_EXPIRING,
    /** A helper's background check ends soon, or has ended (see {@link AlertSettings#backgroundCheckEnds}). */
    BACKGROUND_CHECK_EXPIRING;

    /** Whether the alert is about a helper rather than a person's file. */
    public boolean aboutHelper() {
        return this == HELPER_INACTIVE || this == BACKGROUND_CHECK_EXPIRING;
    }

    /** Whether the alert's day is when something ends (it may be ahead), rather than since when it lasts. */
    public boolean aboutExpiry() {
        return this == CONSENT_EXPIRING || this == BACKGROUND_CHECK_EXPIRING;
    }
}
