package fr.cercle.app.access;

import fr.cercle.app.TestApp;
import fr.cercle.app.beneficiary.BeneficiaryFormViewModel;
import fr.cercle.app.beneficiary.BeneficiaryListViewModel;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Role;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.local.AccountRepository;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each account sees in the screens, which ask the repositories (need-to-know is enforced
 * there; the screens only leave out what would be empty).
 */
@ExtendWith(ApplicationExtension.class)
class NeedToKnowScreensTest {

    @TempDir
    Path dir;
    TestApp app;
    Stage stage;
    StaffMember paul;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        StaffId claire = app.context().author();
        paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS de La Souterraine", Set.of(Domain.ELDERLY), true);
        app.context().staff().save(paul, claire);
        app.context().beneficiaries().save(TestData.beneficiary(claire).build(), claire);
        app.context().beneficiaries().save(TestData.beneficiary(paul.id()).lastName("Roux").domains(Set.of(Domain.ELDERLY)).build(), claire);
        app.context().beneficiaries().save(TestData.beneficiary(paul.id()).lastName("Petit").domains(Set.of(Domain.SCHOOL)).build(), claire);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void signInAs(String login, Optional<StaffId> staff, Set<Role> roles) {
        AccountRepository accounts = app.context().accounts();
        accounts.save(new Account(login, staff, roles), TestApp.FOUNDER);
        app.context().viewerProperty().set(accounts.viewer(login));
        app.context().currentStaffProperty().set(staff.flatMap(app.context().staff()::find).orElse(null));
    }

    @Test
    void aCaseworkerListsOnlyTheFilesTheyFollowInTheirDomains() {
        signInAs("paul.durand", Optional.of(paul.id()), Set.of(Role.CASEWORKER));

        BeneficiaryListViewModel list = new BeneficiaryListViewModel(app.context());
        list.load();

        assertThat(list.rows()).extracting(r -> r.summary().lastName()).containsExactly("Roux");
    }

    @Test
    void aCaseworkerCanOnlyNameThemselvesAsReferent() {
        signInAs("paul.durand", Optional.of(paul.id()), Set.of(Role.CASEWORKER));

        BeneficiaryFormViewModel form = new BeneficiaryFormViewModel(app.context());
        form.startNew();
        app.settle();

        assertThat(form.staffChoices()).containsExactly(paul);
    }

    @Test
    void aRefusedSaveIsExplainedInPlainWords() {
        var refused = new AccessDeniedException(app.context().viewer(), Subject.BENEFICIARY, "change beneficiary x");

        assertThat(ProblemMessages.saveFailure(app.context().i18n(), new IllegalStateException(refused)))
                .startsWith("Votre compte ne permet pas cette modification").endsWith("Rien n’a été modifié.");
        assertThat(ProblemMessages.saveFailure(app.context().i18n(), new IllegalStateException("disk full")))
                .startsWith("L’enregistrement a échoué");
    }

    @Test
    void anAdministratorWhoFollowsNoOneSeesNeitherFilesNorHelpers(FxRobot robot) {
        StaffMember it = new StaffMember(StaffId.newId(), "Marc", "Info", "Mairie", Set.of(Domain.ELDERLY), true);
        app.context().staff().save(it, app.context().author());
        signInAs("marc.info", Optional.of(it.id()), Set.of(Role.ADMINISTRATOR));

        java.util.concurrent.atomic.AtomicReference<MainWindow> window = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            window.set(new MainWindow(app.context(), other -> { }));
            TestApp.show(stage, window.get().node());
        });
        app.settle();

        assertThat(window.get().currentArea()).as("no day's work to show: the structure's figures")
                .isEqualTo(MainWindow.Area.DASHBOARD);
        assertThat(robot.lookup("#nav-today").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-beneficiaries").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-helpers").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-settings").tryQuery()).isPresent();
        assertThat(new BeneficiaryListViewModel(app.context())).satisfies(list -> {
            list.load();
            assertThat(list.rows()).isEmpty();
        });
    }

    @Test
    void aCaseworkerOpensOnTodayWithOnlyTheFilesTheyFollow(FxRobot robot) {
        // A need waiting for a helper for three weeks in each file: Paul follows only Roux in his domain.
        for (fr.cercle.model.beneficiary.BeneficiarySummary file : app.context().beneficiaries().summaries()) {
            app.context().needs().save(fr.cercle.model.need.Need.open(file.id(), fr.cercle.model.need.NeedKind.SHOPPING,
                    fr.cercle.model.need.Frequency.WEEKLY, Set.of(), false, java.time.LocalDate.of(2026, 11, 2)),
                    app.context().author());
        }
        signInAs("paul.durand", Optional.of(paul.id()), Set.of(Role.CASEWORKER));
        java.util.concurrent.atomic.AtomicReference<MainWindow> window = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            window.set(new MainWindow(app.context(), other -> { }));
            TestApp.show(stage, window.get().node());
        });
        app.settle();

        assertThat(window.get().currentArea()).isEqualTo(MainWindow.Area.TODAY);
        List<String> alerts = robot.lookup(".alert-line").queryAll().stream()
                .map(n -> n instanceof javafx.scene.control.Hyperlink link ? link.getText()
                        : ((javafx.scene.control.Label) n).getText()).toList();
        assertThat(alerts).containsExactly("Jeanne Roux — Courses : sans aidant depuis 23 jours");
    }

    @Test
    void anEvaluatorOpensOnTheDashboard(FxRobot robot) {
        signInAs("eva.stats", Optional.empty(), Set.of(Role.EVALUATOR));
        java.util.concurrent.atomic.AtomicReference<MainWindow> window = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            window.set(new MainWindow(app.context(), other -> { }));
            TestApp.show(stage, window.get().node());
        });
        app.settle();

        assertThat(window.get().currentArea()).isEqualTo(MainWindow.Area.DASHBOARD);
        assertThat(robot.lookup("#nav-today").tryQuery()).isEmpty();
    }

    @Test
    void onlyAnAdministratorChangesTheSyncServerOrEnrolsThisComputer(FxRobot robot) {
        signInAs("paul.durand", Optional.of(paul.id()), Set.of(Role.CASEWORKER));

        robot.interact(() -> {
            MainWindow main = new MainWindow(app.context(), other -> { });
            TestApp.show(stage, main.node());
            main.select(MainWindow.Area.SETTINGS);
        });
        app.settle();

        assertThat(robot.lookup("#syncServer").tryQuery()).isEmpty();
        assertThat(robot.lookup("#enrolmentStatus").tryQuery()).isEmpty();
        assertThat(robot.lookup("#enrolmentCode").tryQuery()).isEmpty();
        assertThat(robot.lookup("#enrol").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settingsAdminOnly").queryAs(Label.class).getText()).contains("administrateur");
    }
}
