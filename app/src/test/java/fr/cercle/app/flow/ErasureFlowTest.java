package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.TestData;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static org.assertj.core.api.Assertions.assertThat;

/** A coordinator erases a file after confirming; a caseworker is not offered to. */
@ExtendWith(ApplicationExtension.class)
class ErasureFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    StaffMember claire;
    Beneficiary jeanne;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) {
        app = TestApp.installed(dir, TaskRunner.forJavaFx(), Language.FRENCH);
        claire = app.context().currentStaffProperty().get();
        jeanne = TestData.beneficiary(claire.id()).domains(Set.of(Domain.ELDERLY)).build();
        app.context().beneficiaries().save(jeanne, claire.id());
        app.context().beneficiaries().save(TestData.beneficiary(claire.id()).lastName("Roux")
                .domains(Set.of(Domain.ELDERLY)).build(), claire.id());
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void show(FxRobot robot) {
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
        app.goTo(robot, MainWindow.Area.BENEFICIARIES);
    }

    @Test
    void aCoordinatorErasesAFileAfterConfirmingAndItsDataAreGone(FxRobot robot) {
        show(robot);
        robot.doubleClickOn("Martin");
        app.settle();

        Ui.click(robot, "#eraseFile");
        Ui.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Effacer définitivement le dossier de Jeanne Martin ?");
        robot.interact(() -> Snapshots.save(robot.lookup(".dialog-pane").query().getScene().getRoot(), "erase-confirm-fr"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Effacer définitivement"))
                .queryButton());
        Ui.waitUntil(() -> robot.lookup("#beneficiaryTable").tryQuery().isPresent());
        app.settle();

        TableView<?> table = robot.lookup("#beneficiaryTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        assertThat(robot.lookup("#toast").queryAs(Label.class).getText()).isEqualTo("Dossier de Jeanne Martin effacé");
        assertThat(app.db().dsl().fetchCount(BENEFICIARY, BENEFICIARY.ID.eq(jeanne.id().value()))).isZero();
        assertThat(app.db().dsl().select(CHANGE_JOURNAL.FIELDS).from(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.ENTITY_ID.eq(jeanne.id().value())).fetch(CHANGE_JOURNAL.FIELDS)).containsOnly("{}");
    }

    @Test
    void cancellingErasesNothingAndACaseworkerIsNotOffered(FxRobot robot) {
        show(robot);
        robot.doubleClickOn("Martin");
        app.settle();
        Ui.click(robot, "#eraseFile");
        Ui.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("Annuler")).queryButton());
        app.settle();
        assertThat(app.db().dsl().fetchCount(BENEFICIARY)).isEqualTo(2);

        var accounts = app.context().accounts();
        accounts.save(new Account("claire.caseworker", Optional.of(claire.id()), Set.of(Role.CASEWORKER)), TestApp.FOUNDER);
        var viewer = accounts.viewer("claire.caseworker");
        robot.interact(() -> app.context().viewerProperty().set(viewer));
        show(robot);
        robot.doubleClickOn("Martin");
        app.settle();
        assertThat(robot.lookup("#eraseFile").queryButton().isVisible()).isFalse();
        assertThat(robot.lookup("#exportAccess").queryButton().isVisible()).as("a caseworker may export their own file").isTrue();
    }
}
