package fr.cercle.model.common;

/** The three fields of action Cercle serves. A beneficiary or a staff member may belong to several. */
public enum Domain {
    /** Elderly people losing autonomy. */
    ELDERLY,
    /** People with a chronic disease. */
    HEALTH,
    /** Pupils dropping out of school. */
    SCHOOL
}
