package fr.cercle.persistence;

import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Address;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Records that pass validation, for tests to vary. */
public final class TestData {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/Paris"));
    public static final InseeCode LA_SOUTERRAINE = new InseeCode("23176");

    /**
     * A viewer every need-to-know rule lets through (administrator, coordinator and caseworker in
     * every domain), for tests about something else than access.
     */
    public static final Viewer ALL_ACCESS = new Viewer("test-all-access", Optional.of(StaffId.newId()),
            EnumSet.allOf(Role.class), EnumSet.allOf(Domain.class));

    private TestData() {
    }

    public static StaffMember staff() {
        return new StaffMember(StaffId.newId(), "Claire", "Moreau", "CCAS de La Souterraine", Set.of(Domain.ELDERLY), true);
    }

    public static Beneficiary.Builder beneficiary(StaffId referent) {
        return Beneficiary.builder()
                .firstName("Jeanne").lastName("Martin").birthDate(LocalDate.of(1938, 3, 2))
                .address(new Address("3 rue des Lilas", "23300", LA_SOUTERRAINE))
                .contact(new Contact("05 55 63 00 00", null))
                .domains(Set.of(Domain.ELDERLY, Domain.HEALTH))
                .referent(referent)
                .consent(new Consent(LocalDate.of(2026, 1, 5), ConsentScope.FOLLOW_UP_AND_HELPERS, ConsentMethod.SIGNED_FORM))
                .situation("Vit seule depuis le décès de son mari.");
    }

    public static Helper.Builder helper() {
        return Helper.builder().firstName("Karim").lastName("Benali")
                .contact(new Contact("06 12 34 56 78", "karim@example.fr")).commune(LA_SOUTERRAINE)
                .skills(Set.of(Skill.VISITS, Skill.SHOPPING)).tags(List.of("cuisine")).languages(List.of("ar", "fr"))
                .availability(List.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON),
                        new WeeklySlot(DayOfWeek.SATURDAY, DayPart.MORNING)))
                .maxCommitments(2).charterSignedOn(LocalDate.of(2026, 2, 1))
                .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.VALID, LocalDate.of(2026, 2, 10)));
    }
}
