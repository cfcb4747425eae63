package fr.cercle.persistence.agenda;

import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.agenda.PlannedContact;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.contribution.ContributionRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.need.NeedRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** A week's planned contacts from matched needs, ticked by the contacts made, for a caseworker or everyone. */
class AgendaRepositoryTest {

    /** Monday 23 November 2026; the needs were matched on Monday 2 November. */
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;
    CercleDatabase db;
    final HandClock clock = new HandClock(Instant.parse("2026-11-02T08:00:00Z"), ZoneId.of("Europe/Paris"));
    final StaffMember claire = TestData.staff();
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);
    Beneficiary jeanne;
    Beneficiary marc;
    Helper karim;
    Need visit;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, clock);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS);
        jeanne = TestData.beneficiary(claire.id()).build();
        files.save(jeanne, claire.id());
        marc = TestData.beneficiary(paul.id()).firstName("Marc").lastName("Petit").build();
        files.save(marc, claire.id());
        karim = TestData.helper().build();
        new HelperRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS).save(karim, claire.id());
        NeedRepository needs = new NeedRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS);
        visit = Need.open(jeanne.id(), NeedKind.VISIT, Frequency.TWICE_A_WEEK,
                Set.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON), new WeeklySlot(DayOfWeek.FRIDAY, DayPart.MORNING)),
                false, LocalDate.of(2026, 10, 20)).assign(karim.id(), LocalDate.of(2026, 11, 2));
        needs.save(visit, claire.id());
        needs.save(Need.open(marc.id(), NeedKind.SHOPPING, Frequency.WEEKLY, Set.of(new WeeklySlot(DayOfWeek.SATURDAY, DayPart.MORNING)),
                false, LocalDate.of(2026, 10, 20)).assign(karim.id(), LocalDate.of(2026, 11, 2)), claire.id());
        needs.save(Need.open(jeanne.id(), NeedKind.CALL, Frequency.WEEKLY, Set.of(), false, LocalDate.of(2026, 10, 20)),
                claire.id()); // open: nothing planned
        clock.set(Instant.parse("2026-11-27T10:00:00Z")); // Friday
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Viewer caseworker(StaffMember member) {
        return new Viewer(member.firstName(), Optional.of(member.id()), Set.of(Role.CASEWORKER), member.domains());
    }

    static Viewer coordinator(StaffMember member) {
        return new Viewer(member.firstName(), Optional.of(member.id()), Set.of(Role.COORDINATOR), member.domains());
    }

    void contact(Beneficiary file, LocalDate day, boolean reached) {
        new ContributionRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS).record(new Contribution(
                ContributionId.newId(), file.id(), karim.id(), null, day, 30, ContributionKind.VISIT, Medium.IN_PERSON,
                reached, null, null), claire.id());
    }

    @Test
    void theWeeksPlannedVisitsTickedByTheContactsMade() {
        contact(jeanne, MONDAY.plusDays(1), true);
        contact(jeanne, MONDAY.plusDays(3), false); // nobody answered: not done
        List<PlannedContact> week = new AgendaRepository(db.dsl(), caseworker(claire)).week(MONDAY.plusDays(4),
                AgendaRepository.Scope.MY_FILES);
        assertThat(week).extracting(PlannedContact::person, PlannedContact::helperName, PlannedContact::kind,
                        PlannedContact::day, PlannedContact::doneOn)
                .containsExactly(tuple("Jeanne Martin", "Karim Benali", NeedKind.VISIT, MONDAY.plusDays(1), MONDAY.plusDays(1)),
                        tuple("Jeanne Martin", "Karim Benali", NeedKind.VISIT, MONDAY.plusDays(4), null));
        assertThat(week.get(1).status(MONDAY.plusDays(4))).isEqualTo(PlannedContact.Status.PLANNED);
    }

    @Test
    void aCoordinatorSeesHerFilesOrEveryFileACaseworkerOnlyHers() {
        Viewer head = coordinator(claire);
        assertThat(new AgendaRepository(db.dsl(), head).week(MONDAY, AgendaRepository.Scope.MY_FILES))
                .extracting(PlannedContact::file).containsOnly(jeanne.id());
        assertThat(new AgendaRepository(db.dsl(), head).week(MONDAY, AgendaRepository.Scope.ALL_FILES))
                .extracting(PlannedContact::file).containsOnly(jeanne.id(), marc.id());
        assertThat(new AgendaRepository(db.dsl(), caseworker(paul)).week(MONDAY, AgendaRepository.Scope.ALL_FILES))
                .extracting(PlannedContact::file).containsOnly(marc.id());
    }

    @Test
    void nothingIsPlannedBeforeTheMatchingWeek() {
        assertThat(new AgendaRepository(db.dsl(), coordinator(claire)).week(LocalDate.of(2026, 10, 28),
                AgendaRepository.Scope.ALL_FILES)).isEmpty();
    }
}
