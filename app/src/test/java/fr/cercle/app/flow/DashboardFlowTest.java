package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.dashboard.DashboardViewModel;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.dashboard.Dashboard;
import fr.cercle.persistence.dashboard.DashboardRepository;
import fr.cercle.persistence.demo.DemoDataGenerator;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.staff.StaffRepository;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator of the demo opens the dashboard, reads its figures, opens the list behind one and
 * opens a person's file from it. Pictures of the dashboard and of a list, in French and in English.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        app.close();
    }

    void open(FxRobot robot, Language language) {
        app = TestApp.fresh(dir, TaskRunner.forJavaFx(), language);
        DemoDataGenerator.forDemo(app.db()).generateDemo(Progress.NONE);
        app.actAsFounder(new StaffRepository(app.db().dsl(), app.db().writer(), app.context().viewer()).all().get(0));
        robot.interact(() -> {
            window = new MainWindow(app.context(), other -> { });
            TestApp.show(stage, window.node());
        });
        app.settle();
        robot.clickOn("#nav-dashboard");
        app.settle();
        // The figures load in the background over the whole demo: wait for the tiles, not for a fixed time.
        Ui.waitUntil(30, () -> robot.lookup("#tile-noContact").tryQuery().isPresent(),
                () -> "Area shown: " + window.currentArea() + "; dashboard on screen: "
                        + robot.lookup("#dashboard").tryQuery().isPresent() + "; its failure: "
                        + robot.lookup("#dashboardFailure").tryQuery().map(n -> ((Label) n).getText()).orElse("none"));
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    void snapshot(FxRobot robot, String name) {
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), name));
    }

    @Test
    void theFiguresOpenTheirListsAndAListOpensAFile(FxRobot robot) {
        open(robot, Language.FRENCH);
        Dashboard expected = new DashboardRepository(app.db().dsl(), app.db().clock(), app.context().viewer()).load();

        assertThat(text(robot, "#dashboardAsOf")).isEqualTo("Au 25/11/2026");
        assertThat(text(robot, "#tileValue-active")).isEqualTo(String.valueOf(expected.activeBeneficiaries()));
        assertThat(text(robot, "#tileValue-helpers")).isEqualTo(String.valueOf(expected.activeHelpers()));
        assertThat(text(robot, "#tileValue-unmet")).isEqualTo(String.valueOf(expected.unmetNeeds()));
        assertThat(expected.unmetNeeds()).as("the demo has needs waiting for a helper").isPositive();
        assertThat(expected.minutesThisMonth()).as("the demo's helpers gave time this month").isPositive();
        assertThat(robot.lookup("#hoursChart").tryQuery()).isPresent();
        snapshot(robot, "dashboard-fr");

        robot.clickOn("#tile-unmet");
        app.settle();
        assertThat(text(robot, "#dashboardListTitle")).isEqualTo("Besoins sans aidant");
        TableView<?> list = robot.lookup("#dashboardList").queryAs(TableView.class);
        assertThat(list.getItems()).hasSize(expected.unmetNeeds());
        snapshot(robot, "dashboard-list-fr");

        DashboardViewModel.Row first = (DashboardViewModel.Row) list.getItems().get(0);
        robot.doubleClickOn(first.name());
        app.settle();
        assertThat(text(robot, "#formTitle")).isEqualTo(first.name());

        robot.clickOn("#nav-dashboard");
        app.settle();
        assertThat(text(robot, "#dashboardListTitle")).as("the list stays open when one comes back").isEqualTo("Besoins sans aidant");
        robot.clickOn("#dashboardBack");
        app.settle();
        assertThat(robot.lookup("#tile-unmet").tryQuery()).isPresent();
    }

    @Test
    void inEnglish(FxRobot robot) {
        open(robot, Language.ENGLISH);

        assertThat(text(robot, "#dashboardAsOf")).startsWith("As of ");
        snapshot(robot, "dashboard-en");
        robot.clickOn("#tile-noContact");
        app.settle();
        assertThat(text(robot, "#dashboardListTitle")).isEqualTo("No contact for 14 days");
        snapshot(robot, "dashboard-list-en");
    }

    @Test
    void theDropoutPathShowsItsStepsAndOutcomesAndOpensTheYoungPeople(FxRobot robot) {
        open(robot, Language.FRENCH);
        fr.cercle.model.dashboard.DropoutFigures expected = new DashboardRepository(app.db().dsl(), app.db().clock(),
                app.context().viewer()).dropout();
        assertThat(expected.totalFollowed()).as("the demo follows young people on the dropout path").isPositive();
        assertThat(expected.totalEnded()).as("and some follow-ups ended this year").isPositive();
        Ui.waitUntil(() -> robot.lookup("#tile-dropoutFollowed").tryQuery().isPresent());

        Ui.reveal(robot, "#dropoutSection");
        assertThat(text(robot, "#tileValue-dropoutFollowed")).isEqualTo(String.valueOf(expected.totalFollowed()));
        assertThat(text(robot, "#tileValue-dropoutSolutions")).isEqualTo(String.valueOf(expected.solutions()));
        snapshot(robot, "dashboard-dropout-fr");

        robot.clickOn("#tile-dropoutFollowed");
        app.settle();
        assertThat(text(robot, "#dashboardListTitle")).isEqualTo("Jeunes en cours de suivi");
        TableView<?> list = robot.lookup("#dashboardList").queryAs(TableView.class);
        assertThat(list.getItems()).hasSize(expected.totalFollowed());
        snapshot(robot, "dashboard-dropout-list-fr");
    }
}
