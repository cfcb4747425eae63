package fr.cercle.model.autonomy;

/**
 * The ten discriminating variables of the AGGIR grid, in the order of the official algorithm (Code de
 * l'action sociale et des familles, annex 2-1). Only the first eight weigh in the GIR; the last two
 * are recorded for the help plan.
 */
public enum AggirVariable {
    /** Cohérence: converse and behave sensibly. */
    COHERENCE,
    /** Orientation: in time, the moments of the day, and places. */
    ORIENTATION,
    /** Toilette: personal hygiene. */
    WASHING,
    /** Habillage: dress and undress, choose clothes. */
    DRESSING,
    /** Alimentation: serve oneself and eat prepared food. */
    EATING,
    /** Élimination: hygiene of urinary and faecal elimination. */
    ELIMINATION,
    /** Transferts: get up, lie down, sit down. */
    TRANSFERS,
    /** Déplacements à l'intérieur: move around at home, with a cane, walker or wheelchair if need be. */
    MOVING_INSIDE,
    /** Déplacements à l'extérieur: go out of home. */
    MOVING_OUTSIDE,
    /** Communication à distance: use the telephone, an alarm. */
    REMOTE_COMMUNICATION;

    /** Whether the variable enters the computation of the GIR (the first eight). */
    public boolean discriminating() {
        return ordinal() < 8;
    }
}
