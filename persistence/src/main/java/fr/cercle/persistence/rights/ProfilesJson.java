package fr.cercle.persistence.rights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HealthProfile;
import fr.cercle.model.profile.SchoolProfile;

import java.time.LocalDate;

/**
 * The domain profiles in the right-of-access JSON, with the exchange format's field names
 * (docs/exchange-format.md, section 6); the GIR is written beside the grid it comes from.
 */
final class ProfilesJson {

    private ProfilesJson() {
    }

    static void write(ObjectNode into, AccessReport.Profiles profiles) {
        if (profiles.elderly() != null) {
            elderly(into.putObject("elderly_profile"), profiles.elderly());
        }
        if (profiles.health() != null) {
            health(into.putObject("health_profile"), profiles.health());
        }
        if (profiles.school() != null) {
            school(into.putObject("school_profile"), profiles.school());
        }
    }

    private static void elderly(ObjectNode o, ElderlyProfile p) {
        o.put("aggir", p.aggir() == null ? null : p.aggir().code());
        o.put("gir", p.gir().map(g -> g.number()).orElse(null));
        o.put("assessed_on", day(p.assessedOn()));
        o.put("apa_status", name(p.apa()));
        o.put("lives_alone", p.livesAlone());
        o.put("disability", p.disability());
        o.put("emergency_name", p.emergency().name());
        o.put("emergency_phone", p.emergency().phone());
        o.put("emergency_relation", p.emergency().relation());
        o.put("heatwave_registered_on", day(p.heatwave().registeredOn()));
        o.put("heatwave_requested_by", name(p.heatwave().requestedBy()));
        o.put("heatwave_requester_name", p.heatwave().requesterName());
        o.put("heatwave_capacity", name(p.heatwave().capacity()));
        o.put("heatwave_services", p.heatwave().services());
    }

    private static void health(ObjectNode o, HealthProfile p) {
        ArrayNode conditions = o.putArray("conditions");
        p.conditions().forEach(c -> conditions.add(c.name()));
        o.put("other_conditions", p.otherConditions());
        o.put("nurse_name", p.nurseCoordinator().name());
        o.put("nurse_phone", p.nurseCoordinator().phone());
        o.put("gp_name", p.gp().name());
        o.put("gp_phone", p.gp().phone());
        o.put("trust_name", p.personOfTrust().name());
        o.put("trust_phone", p.personOfTrust().phone());
        o.put("education_stage", name(p.education()));
    }

    private static void school(ObjectNode o, SchoolProfile p) {
        o.put("school", p.school());
        o.put("school_class", p.schoolClass());
        o.put("counselor", p.counselor());
        o.put("absent_half_days", p.absentHalfDays());
        o.put("unjustified_half_days", p.unjustifiedHalfDays());
        o.put("absences_counted_on", day(p.absencesCountedOn()));
        o.put("spotted_on", day(p.path().spottedOn()));
        o.put("contacted_on", day(p.path().contactedOn()));
        o.put("assessed_on", day(p.path().assessedOn()));
        o.put("accompanied_on", day(p.path().accompaniedOn()));
        o.put("outcome", name(p.path().outcome()));
        o.put("outcome_on", day(p.path().outcomeOn()));
        o.put("parental_consent_date", day(p.parentalConsent().date()));
        o.put("parental_consent_by", p.parentalConsent().givenBy());
    }

    private static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
