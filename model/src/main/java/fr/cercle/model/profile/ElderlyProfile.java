package fr.cercle.model.profile;

import fr.cercle.model.access.Part;
import fr.cercle.model.autonomy.AggirGrid;
import fr.cercle.model.autonomy.Gir;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.Text;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;
import fr.cercle.model.validation.Rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The elderly part of a file (need-to-know {@link Part#AUTONOMY}): the last AGGIR assessment and its
 * day, where the person stands with the APA, whether they live alone, their disability situation,
 * whom to warn in an emergency, and their entry in the town hall's heatwave register.
 *
 * @param aggir      the ten scores of the last assessment; {@code null} before the first one
 * @param disability the disability situation in words (recognition, equipment), as the register asks
 */
public record ElderlyProfile(
        BeneficiaryId beneficiary,
        AggirGrid aggir,
        LocalDate assessedOn,
        ApaStatus apa,
        boolean livesAlone,
        String disability,
        ContactPerson emergency,
        HeatwaveRegistration heatwave) {

    public static final Part PART = Part.AUTONOMY;
    public static final String AGGIR = "aggir";
    public static final String ASSESSED_ON = "assessedOn";
    public static final String APA = "apa";
    public static final String DISABILITY = "disability";
    public static final String EMERGENCY_NAME = "emergencyName";
    public static final String EMERGENCY_PHONE = "emergencyPhone";
    public static final String EMERGENCY_RELATION = "emergencyRelation";
    public static final String HEATWAVE_REGISTERED_ON = "heatwaveRegisteredOn";
    public static final String HEATWAVE_REQUESTED_BY = "heatwaveRequestedBy";
    public static final String HEATWAVE_REQUESTER_NAME = "heatwaveRequesterName";
    public static final String HEATWAVE_CAPACITY = "heatwaveCapacity";
    public static final String HEATWAVE_SERVICES = "heatwaveServices";
    public static final int DISABILITY_MAX = 500;

    public ElderlyProfile {
        Objects.requireNonNull(beneficiary, "beneficiary");
        disability = Text.blankToNull(disability);
        emergency = emergency == null ? ContactPerson.NONE : emergency;
        heatwave = heatwave == null ? HeatwaveRegistration.NONE : heatwave;
    }

    /** An empty profile for this file: what a file followed as elderly has before anything is filled in. */
    public static ElderlyProfile empty(BeneficiaryId beneficiary) {
        return new ElderlyProfile(beneficiary, null, null, null, false, null, null, null);
    }

    /** The profile's identity: made from the file's (see {@link Profiles#id}). */
    public UUID id() {
        return Profiles.id(Domain.ELDERLY, beneficiary);
    }

    /** The GIR of the last assessment. */
    public Optional<Gir> gir() {
        return Optional.ofNullable(aggir).map(AggirGrid::gir);
    }

    public boolean isEmpty() {
        return aggir == null && assessedOn == null && apa == null && !livesAlone && disability == null
                && emergency.isEmpty() && heatwave.isEmpty();
    }

    /**
     * What must be fixed before the profile is saved, each problem with its field: only for a file
     * followed as elderly; an assessment has its ten scores and its day; the APA is granted for GIR 1 to
     * 4 only; a registration in the heatwave register has its day, who asked (named when it is someone
     * else than the person or the town hall) and the capacity the person's age allows; no day in the
     * future or before the person's birth; phones one can dial.
     */
    public List<Problem> validate(LocalDate today, Beneficiary file) {
        Problems problems = new Problems();
        Profiles.inDomain(problems, Beneficiary.DOMAINS, isEmpty(), Domain.ELDERLY, file);
        Profiles.day(problems, ASSESSED_ON, assessedOn, today, file);
        if (aggir != null) {
            problems.required(ASSESSED_ON, assessedOn);
        } else if (assessedOn != null) {
            problems.add(AGGIR, Rule.REQUIRED);
        }
        if (apa == ApaStatus.GRANTED && aggir != null && !aggir.gir().opensApa()) {
            problems.add(APA, Rule.APA_NEEDS_GIR_1_TO_4, aggir.gir().number());
        }
        problems.maxLength(DISABILITY, disability, DISABILITY_MAX);
        emergency.check(problems, EMERGENCY_NAME, EMERGENCY_PHONE, EMERGENCY_RELATION);
        HeatwaveRegistration h = heatwave;
        problems.maxLength(HEATWAVE_REQUESTER_NAME, h.requesterName(), ContactPerson.NAME_MAX)
                .maxLength(HEATWAVE_SERVICES, h.services(), HeatwaveRegistration.SERVICES_MAX);
        if (h.registered()) {
            Profiles.day(problems, HEATWAVE_REGISTERED_ON, h.registeredOn(), today, file);
            problems.required(HEATWAVE_REQUESTED_BY, h.requestedBy()).required(HEATWAVE_CAPACITY, h.capacity());
            if (h.requestedBy() != null && h.requestedBy().namesSomeoneElse()) {
                problems.required(HEATWAVE_REQUESTER_NAME, h.requesterName());
            }
            Integer age = Profiles.age(file, h.registeredOn());
            if (h.capacity() != null && age != null && age < h.capacity().minimumAge()) {
                problems.add(HEATWAVE_CAPACITY, Rule.TOO_YOUNG_FOR_CAPACITY, h.capacity().minimumAge());
            }
        } else if (!h.isEmpty()) {
            problems.add(HEATWAVE_REGISTERED_ON, Rule.REQUIRED);
        }
        return problems.list();
    }
}
