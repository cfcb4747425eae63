package fr.cercle.model.profile;

import fr.cercle.model.access.Part;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.Sets;
import fr.cercle.model.common.Text;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The chronic-disease part of a file (need-to-know {@link Part#HEALTH}, health data in the sense of
 * GDPR article 9: only viewers entitled to the health domain see it): the person's long-term
 * conditions, who cares for them (nurse coordinator, GP, person of trust) and where they are in
 * therapeutic education.
 *
 * @param otherConditions conditions not in the list, in words
 */
public record HealthProfile(
        BeneficiaryId beneficiary,
        Set<ChronicCondition> conditions,
        String otherConditions,
        ContactPerson nurseCoordinator,
        ContactPerson gp,
        ContactPerson personOfTrust,
        EducationStage education) {

    public static final Part PART = Part.HEALTH;
    public static final String CONDITIONS = "conditions";
    public static final String OTHER_CONDITIONS = "otherConditions";
    public static final String NURSE_NAME = "nurseName";
    public static final String NURSE_PHONE = "nursePhone";
    public static final String GP_NAME = "gpName";
    public static final String GP_PHONE = "gpPhone";
    public static final String TRUST_NAME = "trustName";
    public static final String TRUST_PHONE = "trustPhone";
    public static final String EDUCATION = "education";
    public static final int OTHER_CONDITIONS_MAX = 500;

    public HealthProfile {
        Objects.requireNonNull(beneficiary, "beneficiary");
        conditions = Sets.enums(ChronicCondition.class, conditions);
        otherConditions = Text.blankToNull(otherConditions);
        nurseCoordinator = nurseCoordinator == null ? ContactPerson.NONE : nurseCoordinator;
        gp = gp == null ? ContactPerson.NONE : gp;
        personOfTrust = personOfTrust == null ? ContactPerson.NONE : personOfTrust;
    }

    public static HealthProfile empty(BeneficiaryId beneficiary) {
        return new HealthProfile(beneficiary, Set.of(), null, null, null, null, null);
    }

    /** The profile's identity: made from the file's (see {@link Profiles#id}). */
    public UUID id() {
        return Profiles.id(Domain.HEALTH, beneficiary);
    }

    public boolean isEmpty() {
        return conditions.isEmpty() && otherConditions == null && nurseCoordinator.isEmpty() && gp.isEmpty()
                && personOfTrust.isEmpty() && education == null;
    }

    /** What must be fixed before the profile is saved: only for a file followed in the health domain; names with phones; lengths. */
    public List<Problem> validate(LocalDate today, Beneficiary file) {
        Problems problems = new Problems();
        Profiles.inDomain(problems, Beneficiary.DOMAINS, isEmpty(), Domain.HEALTH, file);
        problems.maxLength(OTHER_CONDITIONS, otherConditions, OTHER_CONDITIONS_MAX);
        nurseCoordinator.check(problems, NURSE_NAME, NURSE_PHONE, null);
        gp.check(problems, GP_NAME, GP_PHONE, null);
        personOfTrust.check(problems, TRUST_NAME, TRUST_PHONE, null);
        return problems.list();
    }
}
