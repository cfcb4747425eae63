package fr.cercle.model.dashboard;

/**
 * The figures of the dashboard, each of which opens the list of records behind it
 * ({@link DashboardLine}). The outcomes of the school dropout path are not here yet: they wait for the
 * school profile that records them.
 */
public enum Figure {
    /** Active files (optionally of one domain): the people currently followed. */
    ACTIVE_BENEFICIARIES,
    /** Active helpers: who can be asked to help. */
    ACTIVE_HELPERS,
    /** What helpers gave this month: the contributions of the current month, with their minutes. */
    HOURS_THIS_MONTH,
    /** Needs still waiting for a helper. */
    UNMET_NEEDS,
    /** Needs matched in the last twelve months, with the days each waited: behind the median time to match. */
    MATCHED_NEEDS,
    /** Active people with no contact made for more than the threshold's days. */
    NO_CONTACT,
    /** Open follow-ups due today or before. */
    FOLLOW_UPS_DUE
}
