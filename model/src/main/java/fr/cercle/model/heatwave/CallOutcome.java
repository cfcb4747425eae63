package fr.cercle.model.heatwave;

/** What a call of the heatwave campaign found. */
public enum CallOutcome {
    /** Reached, and fine. */
    REACHED_FINE,
    /** Reached, and needs help (water, a visit, a doctor): the referent acts. */
    NEEDS_HELP,
    /** Not reached: the next step follows. */
    UNREACHABLE
}
