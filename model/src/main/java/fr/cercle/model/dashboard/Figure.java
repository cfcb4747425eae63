package fr.cercle.model.dashboard;

/**
 * The figures of the dashboard, each of which opens the list of records behind it
 * ({@link DashboardLine}).
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
    FOLLOW_UPS_DUE,
    /** Young people on the dropout path with no outcome yet (optionally at one step): {@link DropoutFigures}. */
    DROPOUT_FOLLOWED,
    /** Dropout follow-ups ended in the last twelve months (optionally with one outcome). */
    DROPOUT_OUTCOMES
}
