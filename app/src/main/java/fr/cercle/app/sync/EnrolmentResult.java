package fr.cercle.app.sync;

import fr.cercle.sync.client.Enrolment;

/**
 * How an enrolment with the server ended.
 *
 * @param enrolment the enrolment now stored for this installation, or {@code null} when it was refused
 * @param problem   why it was refused (nothing was stored), or {@code null} when it was not
 */
public record EnrolmentResult(Enrolment enrolment, SyncProblem problem) {

    public EnrolmentResult {
        if ((enrolment == null) == (problem == null)) {
            throw new IllegalArgumentException("An enrolment ends with an enrolment or a problem");
        }
    }

    public static EnrolmentResult enrolled(Enrolment enrolment) {
        return new EnrolmentResult(enrolment, null);
    }

    public static EnrolmentResult refused(SyncProblem problem) {
        return new EnrolmentResult(null, problem);
    }

    public boolean succeeded() {
        return enrolment != null;
    }
}
