package fr.cercle.model.profile;

/** How the follow-up of a young person who left school ended: a solution, or none. */
public enum DropoutOutcome {
    BACK_TO_SCHOOL,
    APPRENTICESHIP,
    VOCATIONAL_TRAINING,
    JOB,
    /** Never reached. */
    UNREACHABLE,
    /** Did not want to be accompanied. */
    REFUSED;

    /** Whether the young person found a place: school, apprenticeship, training or a job. */
    public boolean solution() {
        return this != UNREACHABLE && this != REFUSED;
    }
}
