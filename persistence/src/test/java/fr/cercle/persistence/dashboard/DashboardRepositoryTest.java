package fr.cercle.persistence.dashboard;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.dashboard.Dashboard;
import fr.cercle.model.dashboard.DashboardLine;
import fr.cercle.model.dashboard.DashboardList;
import fr.cercle.model.dashboard.Figure;
import fr.cercle.model.dashboard.MonthHours;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperStatus;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard's figures, computed by the database, for what each viewer may see, and the list behind
 * each figure. Today is 25 November 2026; Claire follows Jeanne and Marcel, Paul follows Lucie.
 */
class DashboardRepositoryTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    final HandClock clock = new HandClock(Instant.parse("2026-11-10T09:00:00Z"), ZoneId.of("Europe/Paris"));
    final StaffMember claire = TestData.staff();
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);
    Beneficiary jeanne;
    Beneficiary marcel;
    Beneficiary lucie;
    Helper karim;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, clock);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        jeanne = TestData.beneficiary(claire.id()).build();
        marcel = TestData.beneficiary(claire.id()).firstName("Marcel").lastName("Aubert").domains(Set.of(Domain.ELDERLY)).build();
        lucie = TestData.beneficiary(paul.id()).firstName("Lucie").lastName("Petit").domains(Set.of(Domain.ELDERLY)).build();
        Beneficiary closed = TestData.beneficiary(claire.id()).firstName("Louis").lastName("Blanc")
                .status(BeneficiaryStatus.CLOSED).build();
        for (Beneficiary b : new Beneficiary[]{jeanne, marcel, lucie, closed}) {
            files.save(b, claire.id());
        }
        HelperRepository helpers = new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        karim = TestData.helper().build();
        helpers.save(karim, claire.id());
        helpers.save(TestData.helper().firstName("Anne").status(HelperStatus.PAUSED).build(), claire.id());

        NeedRepository needs = new NeedRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        needs.save(need(marcel, "2026-11-01").assign(karim.id(), LocalDate.parse("2026-11-08")), claire.id());
        needs.save(need(lucie, "2026-10-01").assign(karim.id(), LocalDate.parse("2026-10-05")), claire.id());
        needs.save(need(lucie, "2025-09-01").assign(karim.id(), LocalDate.parse("2025-10-01")), claire.id()); // over a year ago

        ContributionRepository contributions = new ContributionRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        // On 10 November: Jeanne's visit raises a concern (a follow-up due on the 13th).
        contributions.record(contribution(jeanne, "2026-11-10", 30, true, "Chute la semaine dernière"), claire.id());
        contributions.record(contribution(jeanne, "2026-10-15", 45, true, null), claire.id());
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        needs.save(need(jeanne, "2026-11-20"), claire.id());
        contributions.record(contribution(marcel, "2026-11-20", 60, false, null), claire.id());
        contributions.record(contribution(lucie, "2026-11-24", 20, true, "Ne répond plus au téléphone"), claire.id());
        contributions.record(contribution(lucie, "2025-11-30", 90, true, null), claire.id()); // outside the twelve months
    }

    @AfterEach
    void close() {
        db.close();
    }

    DashboardRepository as(Viewer viewer) {
        return new DashboardRepository(db.dsl(), db.clock(), viewer);
    }

    static Viewer caseworker(StaffMember member) {
        return new Viewer(member.firstName(), Optional.of(member.id()), Set.of(Role.CASEWORKER), member.domains());
    }

    static Viewer coordinator() {
        return new Viewer("coord", Optional.of(StaffId.newId()), Set.of(Role.COORDINATOR), Set.of(Domain.values()));
    }

    Need need(Beneficiary person, String openedOn) {
        return Need.open(person.id(), NeedKind.VISIT, Frequency.WEEKLY, Set.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON)),
                false, LocalDate.parse(openedOn));
    }

    Contribution contribution(Beneficiary person, String day, int minutes, boolean contact, String concern) {
        return new Contribution(ContributionId.newId(), person.id(), karim.id(), null, LocalDate.parse(day), minutes,
                ContributionKind.VISIT, Medium.IN_PERSON, contact, null, concern);
    }

    @Test
    void aCaseworkerSeesTheFiguresOfTheirCaseload() {
        Dashboard d = as(caseworker(claire)).load();

        assertThat(d.asOf()).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(d.activeBeneficiaries()).isEqualTo(2);
        assertThat(d.activeByDomain()).isEqualTo(Map.of(Domain.ELDERLY, 2, Domain.HEALTH, 1, Domain.SCHOOL, 0));
        assertThat(d.activeHelpers()).isEqualTo(1);
        assertThat(d.hours()).hasSize(12);
        assertThat(d.hours().get(0).month()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(d.hours().get(10)).isEqualTo(new MonthHours(YearMonth.of(2026, 10), 45));
        assertThat(d.minutesThisMonth()).isEqualTo(90);
        assertThat(d.unmetNeeds()).isEqualTo(1);
        assertThat(d.matchedNeeds()).isEqualTo(1);
        assertThat(d.medianDaysToMatch()).hasValue(7.0);
        // Jeanne's last contact was 15 days ago; Marcel's visit on the 20th did not reach him.
        assertThat(d.noContactDays()).isEqualTo(14);
        assertThat(d.beyondNoContact()).isEqualTo(2);
        assertThat(d.followUpsDue()).isEqualTo(1);
    }

    @Test
    void theNoContactThresholdIsAParameter() {
        assertThat(as(caseworker(claire)).load(20).beyondNoContact()).isEqualTo(1);
        assertThat(as(caseworker(claire)).lines(Figure.NO_CONTACT, null, 20, 0, 10).lines())
                .extracting(DashboardLine::name).containsExactly("Marcel Aubert");
        assertThatThrownBy(() -> as(caseworker(claire)).load(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCoordinatorSeesTheWholeStructure() {
        Dashboard d = as(coordinator()).load();

        assertThat(d.activeBeneficiaries()).isEqualTo(3);
        assertThat(d.minutesThisMonth()).isEqualTo(110);
        assertThat(d.hours().get(11).minutes()).isEqualTo(110);
        assertThat(d.hours().stream().mapToLong(MonthHours::minutes).sum()).isEqualTo(155);
        assertThat(d.matchedNeeds()).isEqualTo(2);
        assertThat(d.medianDaysToMatch()).hasValue(5.5);
        assertThat(d.beyondNoContact()).isEqualTo(2);
        assertThat(d.followUpsDue()).isEqualTo(1); // Lucie's, recorded yesterday, is due in two days
    }

    @Test
    void anotherCaseworkerSeesNothingOfClairesFiles() {
        Dashboard d = as(caseworker(paul)).load();

        assertThat(d.activeBeneficiaries()).isEqualTo(1);
        assertThat(d.minutesThisMonth()).isEqualTo(20);
        assertThat(d.unmetNeeds()).isZero();
        assertThat(d.followUpsDue()).isZero();
        assertThat(as(caseworker(paul)).lines(Figure.ACTIVE_BENEFICIARIES, null, 14, 0, 10).lines())
                .extracting(DashboardLine::name).containsExactly("Lucie Petit");
    }

    @Test
    void anEvaluatorCountsTheStructureButOpensNoList() {
        Viewer evaluator = new Viewer("eval", Optional.empty(), Set.of(Role.EVALUATOR), Set.of());

        Dashboard d = as(evaluator).load();

        assertThat(d.activeBeneficiaries()).isEqualTo(3);
        assertThat(d.minutesThisMonth()).isEqualTo(110);
        assertThat(as(evaluator).mayOpen(Figure.UNMET_NEEDS)).isFalse();
        assertThatThrownBy(() -> as(evaluator).lines(Figure.UNMET_NEEDS, null, 14, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        Viewer nobody = new Viewer("admin", Optional.empty(), Set.of(), Set.of());
        assertThat(as(nobody).load().activeBeneficiaries()).isZero();
    }

    @Test
    void eachFigureOpensTheRecordsBehindIt() {
        DashboardRepository repository = as(caseworker(claire));

        DashboardList first = repository.lines(Figure.ACTIVE_BENEFICIARIES, null, 14, 0, 1);
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.lines()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("Marcel Aubert");
            assertThat(l.file()).isEqualTo(marcel.id());
        });
        DashboardList second = repository.lines(Figure.ACTIVE_BENEFICIARIES, null, 14, 1, 1);
        assertThat(second.lines()).extracting(DashboardLine::file).containsExactly(jeanne.id());
        assertThat(second.hasMore()).isFalse();
        assertThat(repository.lines(Figure.ACTIVE_BENEFICIARIES, Domain.HEALTH, 14, 0, 10).lines())
                .extracting(DashboardLine::file).containsExactly(jeanne.id());

        assertThat(repository.lines(Figure.ACTIVE_HELPERS, null, 14, 0, 10).lines())
                .extracting(DashboardLine::helper).containsExactly(karim.id());
        assertThat(repository.lines(Figure.HOURS_THIS_MONTH, null, 14, 0, 10).lines())
                .extracting(DashboardLine::name, DashboardLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Marcel Aubert", 60),
                        org.assertj.core.groups.Tuple.tuple("Jeanne Martin", 30));
        assertThat(repository.lines(Figure.UNMET_NEEDS, null, 14, 0, 10).lines()).singleElement()
                .satisfies(l -> {
                    assertThat(l.file()).isEqualTo(jeanne.id());
                    assertThat(l.amount()).isEqualTo(5);
                });
        assertThat(repository.lines(Figure.MATCHED_NEEDS, null, 14, 0, 10).lines()).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualTo(7));
        assertThat(repository.lines(Figure.NO_CONTACT, null, 14, 0, 10).lines())
                .extracting(DashboardLine::name, DashboardLine::date, DashboardLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Marcel Aubert", null, null),
                        org.assertj.core.groups.Tuple.tuple("Jeanne Martin", LocalDate.parse("2026-11-10"), 15));
        assertThat(repository.lines(Figure.FOLLOW_UPS_DUE, null, 14, 0, 10).lines()).singleElement()
                .satisfies(l -> {
                    assertThat(l.date()).isEqualTo(LocalDate.parse("2026-11-13"));
                    assertThat(l.amount()).isEqualTo(12);
                });
        assertThat(repository.lines(Figure.UNMET_NEEDS, null, 14, 5, 10).lines()).isEmpty();
    }
}
