package fr.cercle.persistence.dashboard;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.dashboard.DashboardLine;
import fr.cercle.model.dashboard.DashboardList;
import fr.cercle.model.dashboard.DropoutFigures;
import fr.cercle.model.dashboard.Figure;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutPath;
import fr.cercle.model.profile.DropoutStep;
import fr.cercle.model.profile.SchoolProfile;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.profile.ProfileRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dropout path on the dashboard: the young people followed by the last step they reached, the
 * outcomes of the last twelve months, and the lists behind them, for those who see school files; counts
 * only for an evaluator. Today is 25 November 2026; Claire follows five young people, Paul one.
 */
class DashboardDropoutTest {

    static final LocalDate BORN = LocalDate.of(2007, 1, 15); // of age: no parent's consent needed

    @TempDir
    Path dir;
    CercleDatabase db;
    final StaffMember claire = new StaffMember(StaffId.newId(), "Claire", "Moreau", "PSAD", Set.of(Domain.SCHOOL), true);
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "PSAD", Set.of(Domain.SCHOOL), true);

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
        pupil(claire, "Théo", BeneficiaryStatus.ACTIVE, path("2026-09-10", "2026-09-20", null, null, null, null));
        pupil(claire, "Inès", BeneficiaryStatus.ACTIVE, path("2026-09-01", "2026-09-05", "2026-09-12", "2026-10-01", null, null));
        pupil(claire, "Yanis", BeneficiaryStatus.ACTIVE, path("2026-11-02", null, null, null, null, null));
        pupil(claire, "Léa", BeneficiaryStatus.ACTIVE,
                path("2026-03-01", "2026-03-10", "2026-04-01", "2026-05-01", DropoutOutcome.APPRENTICESHIP, "2026-09-01"));
        pupil(claire, "Hugo", BeneficiaryStatus.CLOSED, path("2026-02-01", null, null, null, DropoutOutcome.UNREACHABLE, "2026-06-01"));
        pupil(claire, "Sami", BeneficiaryStatus.CLOSED, path("2026-01-05", null, null, null, null, null)); // closed mid-path
        pupil(claire, "Nora", BeneficiaryStatus.CLOSED,
                path("2025-01-10", "2025-01-20", null, null, DropoutOutcome.JOB, "2025-06-01")); // over a year ago
        pupil(paul, "Malik", BeneficiaryStatus.ACTIVE, path("2026-10-01", "2026-10-03", null, null, null, null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static DropoutPath path(String spotted, String contacted, String assessed, String accompanied, DropoutOutcome outcome,
                            String outcomeOn) {
        return new DropoutPath(day(spotted), day(contacted), day(assessed), day(accompanied), outcome, day(outcomeOn));
    }

    static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    void pupil(StaffMember referent, String firstName, BeneficiaryStatus status, DropoutPath path) {
        Beneficiary file = TestData.beneficiary(referent.id()).firstName(firstName).lastName("Martin").birthDate(BORN)
                .domains(Set.of(Domain.SCHOOL)).status(status).build();
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(file, claire.id());
        new ProfileRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS)
                .save(SchoolProfile.empty(file.id()).withPath(path), claire.id());
    }

    DashboardRepository as(Viewer viewer) {
        return new DashboardRepository(db.dsl(), db.clock(), viewer);
    }

    static Viewer caseworker(StaffMember member) {
        return new Viewer(member.firstName(), Optional.of(member.id()), Set.of(Role.CASEWORKER), member.domains());
    }

    static Viewer coordinator(Set<Domain> domains) {
        return new Viewer("coord", Optional.of(StaffId.newId()), Set.of(Role.COORDINATOR), domains);
    }

    @Test
    void aCaseworkerCountsTheirPupilsByLastStepAndTheYearsOutcomes() {
        DropoutFigures d = as(caseworker(claire)).dropout();

        assertThat(d.followed()).isEqualTo(Map.of(DropoutStep.SPOTTED, 1, DropoutStep.CONTACTED, 1,
                DropoutStep.ASSESSED, 0, DropoutStep.ACCOMPANIED, 1));
        assertThat(d.totalFollowed()).isEqualTo(3);
        assertThat(d.outcomes()).containsEntry(DropoutOutcome.APPRENTICESHIP, 1).containsEntry(DropoutOutcome.UNREACHABLE, 1)
                .containsEntry(DropoutOutcome.JOB, 0).containsEntry(DropoutOutcome.BACK_TO_SCHOOL, 0);
        assertThat(d.totalEnded()).isEqualTo(2);
        assertThat(d.solutions()).isEqualTo(1);
        assertThat(as(caseworker(claire)).mayCountDropout()).isTrue();
    }

    @Test
    void theListBehindEachCountOpensTheFiles() {
        DashboardRepository claires = as(caseworker(claire));

        DashboardList contacted = claires.dropoutFollowed(DropoutStep.CONTACTED, 0, 10);
        assertThat(contacted.total()).isEqualTo(1);
        assertThat(contacted.lines()).singleElement().satisfies(line -> {
            assertThat(line.name()).isEqualTo("Théo Martin");
            assertThat(line.date()).isEqualTo(LocalDate.parse("2026-09-20"));
            assertThat(line.amount()).isEqualTo(66);
            assertThat(line.file()).isNotNull();
        });
        assertThat(claires.lines(Figure.DROPOUT_FOLLOWED, null, 14, 0, 10).lines())
                .extracting(DashboardLine::name, DashboardLine::kind)
                .as("the longest waiting first, each with the step reached")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Théo Martin", "CONTACTED"),
                        org.assertj.core.groups.Tuple.tuple("Inès Martin", "ACCOMPANIED"),
                        org.assertj.core.groups.Tuple.tuple("Yanis Martin", "SPOTTED"));
        assertThat(claires.dropoutOutcomes(DropoutOutcome.APPRENTICESHIP, 0, 10).lines()).extracting(DashboardLine::name)
                .containsExactly("Léa Martin");
        assertThat(claires.lines(Figure.DROPOUT_OUTCOMES, null, 14, 0, 10).lines())
                .extracting(DashboardLine::name, DashboardLine::date, DashboardLine::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Léa Martin", LocalDate.parse("2026-09-01"), "APPRENTICESHIP"),
                        org.assertj.core.groups.Tuple.tuple("Hugo Martin", LocalDate.parse("2026-06-01"), "UNREACHABLE"));
    }

    @Test
    void anotherCaseworkerCountsOnlyTheirOwnAndACoordinatorTheStructure() {
        assertThat(as(caseworker(paul)).dropout().followed()).containsEntry(DropoutStep.CONTACTED, 1);
        assertThat(as(caseworker(paul)).dropout().totalFollowed()).isEqualTo(1);
        assertThat(as(caseworker(paul)).dropout().totalEnded()).isZero();
        assertThat(as(caseworker(paul)).dropoutFollowed(null, 0, 10).lines()).extracting(DashboardLine::name)
                .containsExactly("Malik Martin");

        DropoutFigures all = as(coordinator(Set.of(Domain.SCHOOL))).dropout();
        assertThat(all.totalFollowed()).isEqualTo(4);
        assertThat(all.followed()).containsEntry(DropoutStep.CONTACTED, 2);
    }

    @Test
    void whoDoesNotSeeSchoolPartsGetsNothingAndAnEvaluatorCountsOnly() {
        DashboardRepository elderlyCoordinator = as(coordinator(Set.of(Domain.ELDERLY)));
        assertThat(elderlyCoordinator.dropout()).isEqualTo(DropoutFigures.NONE);
        assertThat(elderlyCoordinator.mayCountDropout()).isFalse();
        assertThat(elderlyCoordinator.mayOpen(Figure.DROPOUT_FOLLOWED)).isFalse();
        assertThatThrownBy(() -> elderlyCoordinator.dropoutFollowed(null, 0, 10)).isInstanceOf(AccessDeniedException.class);

        Viewer evaluator = new Viewer("eval", Optional.empty(), Set.of(Role.EVALUATOR), Set.of());
        DropoutFigures counted = as(evaluator).dropout();
        assertThat(counted.totalFollowed()).isEqualTo(4);
        assertThat(counted.totalEnded()).isEqualTo(2);
        assertThat(as(evaluator).mayCountDropout()).isTrue();
        assertThat(as(evaluator).mayOpen(Figure.DROPOUT_OUTCOMES)).isFalse();
        assertThatThrownBy(() -> as(evaluator).dropoutOutcomes(null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(evaluator).lines(Figure.DROPOUT_OUTCOMES, null, 14, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
    }
}
