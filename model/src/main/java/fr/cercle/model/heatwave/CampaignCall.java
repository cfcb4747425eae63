package fr.cercle.model.heatwave;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.Text;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of reaching a registered person during a campaign: who must do it, on which day, and what
 * it found once done. An unreachable person gets the next step (second call, visit, emergency contact).
 * A step's id is made from its campaign, person, day and step ({@link #stepId}), never random: two
 * computers that start the same day's round offline, or escalate the same call, make the same records,
 * which the sync then merges field by field into one, instead of calling the person twice.
 *
 * @param day     the day of the round of calls this step belongs to
 * @param outcome null until the step is done
 */
public record CampaignCall(UUID id, CampaignId campaign, BeneficiaryId person, CallerKind callerKind, UUID callerId,
                           LocalDate day, CallStep step, CallOutcome outcome, LocalDate doneOn, String note) {

    public static final String OUTCOME = "outcome";
    public static final String NOTE = "note";
    public static final int NOTE_MAX = 500;

    public CampaignCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(callerKind, "callerKind");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(step, "step");
        note = Text.blankToNull(note);
    }

    /** A step to do on {@code day}. */
    public static CampaignCall planned(CampaignId campaign, BeneficiaryId person, Caller caller, LocalDate day, CallStep step) {
        return new CampaignCall(stepId(campaign, person, day, step), campaign, person, caller.kind(), caller.id(), day,
                step, null, null, null);
    }

    /**
     * The identity of a step: the same on every computer for the same campaign, person, day and step.
     * There is one step of each kind per person and round (the escalation is a line, never a tree).
     */
    public static UUID stepId(CampaignId campaign, BeneficiaryId person, LocalDate day, CallStep step) {
        return UUID.nameUUIDFromBytes(("cercle-heatwave-call:" + campaign.value() + ":" + person.value() + ":" + day
                + ":" + step.name()).getBytes(StandardCharsets.UTF_8));
    }

    public boolean done() {
        return outcome != null;
    }

    /** The step with what it found, on {@code day}. */
    public CampaignCall record(CallOutcome found, String remark, LocalDate day) {
        return new CampaignCall(id, campaign, person, callerKind, callerId, this.day, step, found, day, remark);
    }

    /**
     * The step that follows an unreachable person, in the same round (same day) and for the same
     * caller, except the emergency contact, which the staff member {@code staff} calls. None when the person was reached,
     * or after the emergency contact.
     */
    public Optional<CampaignCall> escalation(UUID staff) {
        if (outcome != CallOutcome.UNREACHABLE) {
            return Optional.empty();
        }
        return step.escalation().map(next -> next == CallStep.EMERGENCY_CONTACT
                ? new CampaignCall(stepId(campaign, person, day, next), campaign, person, CallerKind.STAFF, staff, day, next,
                null, null, null)
                : new CampaignCall(stepId(campaign, person, day, next), campaign, person, callerKind, callerId, day, next,
                null, null, null));
    }

    /** What must be fixed before an outcome is recorded: the outcome itself, a note within its length. */
    public List<Problem> validate() {
        return new Problems().required(OUTCOME, outcome).maxLength(NOTE, note, NOTE_MAX).list();
    }
}
