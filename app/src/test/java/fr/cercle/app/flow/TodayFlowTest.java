package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.app.today.TodayFixture;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker starts the day on "Today": an elderly person nobody reached for ten days is flagged, the
 * week's visit shows late; the line opens her file; once the visit is recorded, the alert goes and the
 * visit is ticked. Pictures of the screen on the way.
 */
@ExtendWith(ApplicationExtension.class)
class TodayFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TodayFixture fixture;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    void open(FxRobot robot, Language language) {
        fixture = new TodayFixture(dir, TaskRunner.forJavaFx(), language);
        robot.interact(() -> fr.cercle.app.TestApp.show(stage, new MainWindow(fixture.app.context(), other -> { }).node()));
        fixture.app.settle();
    }

    List<String> lines(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(Node::isVisible)
                .map(n -> n instanceof Hyperlink link ? link.getText() : ((Label) n).getText()).toList();
    }

    void snapshot(FxRobot robot, String name) {
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), name));
    }

    @Test
    void anElderlyPersonNotReachedForTenDaysIsFlaggedUntilAVisitIsRecorded(FxRobot robot) {
        open(robot, Language.FRENCH);
        List<Node> entries = List.copyOf(robot.lookup(".nav-entry").queryAll());
        assertThat(entries.get(0).getId()).as("Today comes first").isEqualTo("nav-today");
        assertThat(robot.lookup("#nav-today").queryAs(ToggleButton.class).isSelected())
                .as("and the window opens on it").isTrue();
        assertThat(lines(robot, ".alert-line")).containsExactly("Jeanne Martin — aucun contact depuis 10 jours",
                "Jeanne Martin — Courses : sans aidant depuis 23 jours");
        assertThat(lines(robot, ".alert-title")).containsExactly("Personnes sans contact (1)", "Besoins sans aidant (1)");
        assertThat(robot.lookup("#weekSummary").queryAs(Label.class).getText()).isEqualTo("0 sur 1 contact fait, 1 en retard");
        assertThat(robot.lookup(".agenda-line.late").tryQuery()).isPresent();
        snapshot(robot, "today-fr");

        robot.clickOn("Jeanne Martin — aucun contact depuis 10 jours");
        fixture.app.settle();
        assertThat(robot.lookup("#formTitle").queryAs(Label.class).getText()).isEqualTo("Jeanne Martin");
        assertThat(robot.lookup("#nav-beneficiaries").queryAs(ToggleButton.class).isSelected()).isTrue();

        fixture.visit(TodayFixture.TODAY);
        robot.clickOn("#nav-today");
        fixture.app.settle();
        assertThat(lines(robot, ".alert-line")).containsExactly("Jeanne Martin — Courses : sans aidant depuis 23 jours");
        assertThat(robot.lookup(".agenda-line.done").tryQuery()).isPresent();
        assertThat(lines(robot, ".agenda-state")).containsExactly("Fait le 25/11/2026");
        snapshot(robot, "today-after-visit-fr");

        robot.clickOn("#previousWeek");
        fixture.app.settle();
        assertThat(robot.lookup("#weekTitle").queryAs(Label.class).getText()).isEqualTo("Semaine du 16/11/2026 au 22/11/2026");
        assertThat(lines(robot, ".agenda-state")).containsExactly("En retard");
    }

    @Test
    void anAdministratorGivesElderlyPeopleTwelveDaysAndTheAlertWaits(FxRobot robot) {
        open(robot, Language.FRENCH);
        robot.clickOn("#nav-settings");
        fixture.app.settle();
        Ui.replace(robot, "#alert-noContactDays-ELDERLY", "0");
        Ui.click(robot, "#saveAlertSettings");
        fixture.app.settle();
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class).stream().filter(Node::isVisible)
                .map(Label::getText).toList()).contains("Indiquez un nombre entre 1 et 365.");
        Ui.replace(robot, "#alert-noContactDays-ELDERLY", "12");
        Ui.click(robot, "#saveAlertSettings");
        fixture.app.settle();
        assertThat(robot.lookup("#toast").queryAs(Label.class).getText()).isEqualTo("Les seuils des alertes sont enregistrés.");
        snapshot(robot, "settings-alerts-fr");

        robot.clickOn("#nav-today");
        fixture.app.settle();
        assertThat(lines(robot, ".alert-line")).containsExactly("Jeanne Martin — Courses : sans aidant depuis 23 jours");
    }

    @Test
    void inEnglish(FxRobot robot) {
        open(robot, Language.ENGLISH);
        robot.clickOn("#nav-today");
        fixture.app.settle();
        assertThat(lines(robot, ".alert-line")).containsExactly("Jeanne Martin — no contact for 10 days",
                "Jeanne Martin — Shopping: no helper for 23 days");
        snapshot(robot, "today-en");
    }
}
