package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.TestData;
import javafx.scene.control.Button;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static org.assertj.core.api.Assertions.assertThat;

/** A coordinator previews the closed files past their retention period, then purges them. */
@ExtendWith(ApplicationExtension.class)
class RetentionFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    final HandClock now = new HandClock(Instant.parse("2023-03-01T10:00:00Z"), ZoneId.of("Europe/Paris"));

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) {
        app = TestApp.installed(dir, TaskRunner.forJavaFx(), Language.FRENCH, now);
        var author = app.context().author();
        Consent then = new Consent(LocalDate.of(2023, 2, 20), ConsentScope.FOLLOW_UP, ConsentMethod.SIGNED_FORM);
        app.context().beneficiaries().save(TestData.beneficiary(author).lastName("Ancien").consent(then)
                .status(BeneficiaryStatus.CLOSED).build(), author);
        app.context().beneficiaries().save(TestData.beneficiary(author).lastName("Suivi").consent(then).build(), author);
        now.set(Instant.parse("2026-11-27T10:00:00Z"));
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theClosedFilesPastTheirPeriodArePreviewedThenPurged(FxRobot robot) {
        robot.clickOn("#nav-settings");
        app.settle();

        assertThat(robot.lookup("#retentionSummary").queryAs(Label.class).getText())
                .isEqualTo("1 dossier clos est inchangé depuis plus de 2 ans.");
        assertThat(robot.lookup("#retentionDue .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Jeanne Ancien — dernière modification le 01/03/2023");
        Ui.reveal(robot, "#retentionPurge");
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "settings-retention-fr"));

        Ui.click(robot, "#retentionPurge");
        Ui.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Effacer ces dossiers"))
                .queryButton());
        Ui.waitUntil(() -> robot.lookup("#retentionSummary").queryAs(Label.class).getText().startsWith("Aucun"));

        assertThat(robot.lookup("#toast").queryAs(Label.class).getText()).isEqualTo("1 dossier effacé");
        assertThat(app.db().dsl().select(BENEFICIARY.LAST_NAME).from(BENEFICIARY).fetch(BENEFICIARY.LAST_NAME))
                .containsExactly("Suivi");
    }
}
