package fr.cercle.app.conflict;

import fr.cercle.model.contribution.FollowUpStatus;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.HelperStatus;

import java.util.List;
import java.util.Optional;

/**
 * A field that can be in conflict (a guarded field of a synced entity), as the conflicts screen shows
 * it: the label of the forms, how its values read, and how another value can be written.
 *
 * @param entity    the entity's name in the journal, such as {@code beneficiary}
 * @param field     the field's name in the journal, such as {@code consent_date}
 * @param labelKey  the key of its label, the same as in the form
 * @param kind      what its values are
 * @param type      the enum of its values, for {@link Kind#CHOICE} and {@link Kind#CHOICES}
 * @param required  whether it may be left empty
 * @param maxLength the longest text it takes, for {@link Kind#TEXT}
 */
public record ConflictField(String entity, String field, String labelKey, Kind kind, Class<? extends Enum<?>> type,
                     boolean required, int maxLength) {

    /** What a field's values are, and so how they read and how another one is written. */
    public enum Kind {
        /** A text, written in a text box. */
        TEXT,
        /** A date, chosen in a date field. */
        DATE,
        /** One value of an enum, chosen in a list. */
        CHOICE,
        /** Several values of an enum: one of the values shown is kept. */
        CHOICES,
        /** A member of the team, chosen in a list. */
        STAFF,
        /** Yes or no: one of the values shown is kept. */
        YES_NO,
        /** A helper (who meets a need), shown by name: one of the values shown is kept. */
        HELPER,
        /** An AGGIR grid, shown with the GIR it gives: one of the grids shown is kept. */
        AGGIR
    }

    static final List<ConflictField> ALL = List.of(
            new ConflictField("beneficiary", "status", "field.status", Kind.CHOICE, BeneficiaryStatus.class, true, 0),
            new ConflictField("beneficiary", "referent_id", "field.referent", Kind.STAFF, null, true, 0),
            new ConflictField("beneficiary", "domains", "field.domains", Kind.CHOICES, Domain.class, true, 0),
            new ConflictField("beneficiary", "consent_date", "field.consentDate", Kind.DATE, null, true, 0),
            new ConflictField("beneficiary", "consent_scope", "field.consentScope", Kind.CHOICE, ConsentScope.class, true, 0),
            new ConflictField("beneficiary", "consent_method", "field.consentMethod", Kind.CHOICE, ConsentMethod.class, true, 0),
            new ConflictField("beneficiary", "consent_guardian", "field.consentGuardian", Kind.TEXT, null, false,
                    BeneficiaryRules.GUARDIAN_MAX),
            new ConflictField("beneficiary", "consent_withdrawn_on", "field.consentWithdrawnOn", Kind.DATE, null, false, 0),
            new ConflictField("beneficiary", "situation", "field.situation", Kind.TEXT, null, false,
                    BeneficiaryRules.SITUATION_MAX),
            new ConflictField("helper", "status", "field.status", Kind.CHOICE, HelperStatus.class, true, 0),
            new ConflictField("helper", "background_check_status", "field.backgroundCheck", Kind.CHOICE,
                    BackgroundCheckStatus.class, true, 0),
            new ConflictField("helper", "background_check_date", "field.backgroundCheckDate", Kind.DATE, null, false, 0),
            new ConflictField("staff_member", "active", "conflicts.field.active", Kind.YES_NO, null, true, 0),
            new ConflictField("need", "status", "conflicts.field.needStatus", Kind.CHOICE, NeedStatus.class, true, 0),
            new ConflictField("need", "helper_id", "conflicts.field.needHelper", Kind.HELPER, null, false, 0),
            new ConflictField("need", "matched_on", "conflicts.field.needMatchedOn", Kind.DATE, null, false, 0),
            new ConflictField("follow_up", "status", "conflicts.field.followUpStatus", Kind.CHOICE, FollowUpStatus.class,
                    true, 0),
            new ConflictField("follow_up", "done_on", "conflicts.field.followUpDoneOn", Kind.DATE, null, false, 0),
            new ConflictField("elderly_profile", "aggir", "profile.elderly.grid", Kind.AGGIR, null, false, 0),
            new ConflictField("elderly_profile", "assessed_on", "profile.elderly.assessedOn", Kind.DATE, null, false, 0),
            new ConflictField("elderly_profile", "apa_status", "profile.elderly.apa", Kind.CHOICE,
                    fr.cercle.model.profile.ApaStatus.class, false, 0),
            new ConflictField("elderly_profile", "heatwave_registered_on", "profile.heatwave.registeredOn", Kind.DATE, null,
                    false, 0),
            new ConflictField("health_profile", "education_stage", "profile.health.education", Kind.CHOICE,
                    fr.cercle.model.profile.EducationStage.class, false, 0),
            new ConflictField("school_profile", "outcome", "profile.school.outcome", Kind.CHOICE,
                    fr.cercle.model.profile.DropoutOutcome.class, false, 0),
            new ConflictField("school_profile", "outcome_on", "profile.school.outcomeOn", Kind.DATE, null, false, 0),
            new ConflictField("school_profile", "parental_consent_date", "profile.school.consentDate", Kind.DATE, null,
                    false, 0),
            new ConflictField("heatwave_campaign", "ends_on", "heatwave.endsOn", Kind.DATE, null, false, 0),
            new ConflictField("heatwave_campaign", "closed_on", "conflicts.field.campaignClosedOn", Kind.DATE, null, false, 0),
            new ConflictField("heatwave_call", "outcome", "conflicts.field.callOutcome", Kind.CHOICE,
                    fr.cercle.model.heatwave.CallOutcome.class, false, 0),
            new ConflictField("heatwave_call", "done_on", "conflicts.field.callDoneOn", Kind.DATE, null, false, 0));

    static Optional<ConflictField> of(String entity, String field) {
        return ALL.stream().filter(f -> f.entity().equals(entity) && f.field().equals(field)).findFirst();
    }

    /** Whether another value than those shown can be written, with the same kind of control as in the form. */
    public boolean writable() {
        return kind == Kind.TEXT || kind == Kind.DATE || kind == Kind.CHOICE || kind == Kind.STAFF;
    }
}
