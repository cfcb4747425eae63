package fr.cercle.model.contribution;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.staff.StaffId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Something the referent must look into, with a due date: opened by a concern noted on a
 * contribution, closed when done.
 *
 * @param source the contribution whose concern opened it
 */
public record FollowUp(UUID id, BeneficiaryId beneficiary, ContributionId source, StaffId referent, String subject,
                       LocalDate due, FollowUpStatus status, LocalDate doneOn) {

    /** Days the referent has to look into a concern. */
    public static final int DAYS_TO_ANSWER = 3;

    public FollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(due, "due");
        status = status == null ? FollowUpStatus.OPEN : status;
    }

    /**
     * The follow-up a concern opens for the person's referent, due {@value #DAYS_TO_ANSWER} days after
     * it was recorded; none without a concern.
     */
    public static java.util.Optional<FollowUp> fromConcern(Contribution contribution, StaffId referent, LocalDate recordedOn) {
        if (!contribution.hasConcern()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FollowUp(UUID.randomUUID(), contribution.beneficiary(), contribution.id(), referent,
                contribution.concern(), recordedOn.plusDays(DAYS_TO_ANSWER), FollowUpStatus.OPEN, null));
    }

    public FollowUp done(LocalDate day) {
        return new FollowUp(id, beneficiary, source, referent, subject, due, FollowUpStatus.DONE, day);
    }

    /** Still open after its due date. */
    public boolean overdue(LocalDate today) {
        return status == FollowUpStatus.OPEN && today.isAfter(due);
    }
}
