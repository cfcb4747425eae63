package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.audit.AuditViewModel;
import fr.cercle.app.beneficiary.BeneficiaryFormViewModel;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.TestData;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker opens and changes a file; the coordinator finds it in the audit trail, by person and
 * by user. The caseworker has no audit trail to see.
 */
@ExtendWith(ApplicationExtension.class)
class AuditFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    StaffMember claire;
    StaffMember paul;
    Beneficiary jeanne;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.forJavaFx(), Language.FRENCH);
        claire = app.context().currentStaffProperty().get();
        paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS de La Souterraine", Set.of(Domain.ELDERLY), true);
        app.context().staff().save(paul, claire.id());
        jeanne = TestData.beneficiary(paul.id()).domains(Set.of(Domain.ELDERLY)).build();
        app.context().beneficiaries().save(jeanne, claire.id());
        app.context().beneficiaries().save(TestData.beneficiary(paul.id()).lastName("Roux").domains(Set.of(Domain.ELDERLY))
                .build(), claire.id());
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void signInAs(FxRobot robot, String login, StaffMember member, Set<Role> roles) {
        var accounts = app.context().accounts();
        accounts.save(new Account(login, Optional.of(member.id()), roles), TestApp.FOUNDER);
        var viewer = accounts.viewer(login);
        robot.interact(() -> {
            app.context().viewerProperty().set(viewer);
            app.context().currentStaffProperty().set(member);
        });
    }

    @Test
    void theCoordinatorSeesWhoOpenedAndChangedAFile(FxRobot robot) {
        signInAs(robot, "paul.durand", paul, Set.of(Role.CASEWORKER));
        BeneficiaryFormViewModel form = new BeneficiaryFormViewModel(app.context());
        robot.interact(() -> form.load(jeanne.id()));
        app.settle();
        robot.interact(() -> {
            form.situationProperty().set("Chute en novembre, à revoir.");
            form.save();
        });
        app.settle();
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
        assertThat(robot.lookup("#nav-audit").tryQuery()).as("a caseworker has no audit trail").isEmpty();

        signInAs(robot, TestApp.FOUNDER, claire, Set.of(Role.ADMINISTRATOR, Role.COORDINATOR));
        robot.interact(() -> TestApp.show(stage, new MainWindow(app.context(), other -> { }).node()));
        app.settle();
        robot.clickOn("#nav-audit");
        app.settle();
        TableView<AuditViewModel.Row> table = robot.lookup("#auditTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(AuditViewModel.Row::action).contains("Consultation", "Modification", "Création");

        Ui.type(robot, "#auditPerson", "jeanne martin");
        Ui.click(robot, "#auditSearch");
        app.settle();
        assertThat(table.getItems()).extracting(AuditViewModel.Row::who, AuditViewModel.Row::action, AuditViewModel.Row::record)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Paul Durand", "Modification", "Jeanne Martin"),
                        org.assertj.core.groups.Tuple.tuple("Paul Durand", "Consultation", "Jeanne Martin"),
                        org.assertj.core.groups.Tuple.tuple("Claire Moreau", "Création", "Jeanne Martin"));
        assertThat(robot.lookup("#auditSummary").queryAs(Label.class).getText()).startsWith("3 lignes");
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "audit-fr"));

        // The name is in the table too: choose it in the list that drops down.
        Ui.click(robot, "#auditUser");
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> cell) ->
                "Claire Moreau".equals(cell.getText())).queryAs(javafx.scene.control.ListCell.class));
        Ui.waitUntil(() -> robot.lookup("#auditUser").queryComboBox().getValue() != null);
        Ui.click(robot, "#auditSearch");
        app.settle();
        assertThat(table.getItems()).extracting(AuditViewModel.Row::action).containsExactly("Création");

        Ui.replace(robot, "#auditPerson", "personne inconnue");
        Ui.click(robot, "#auditSearch");
        app.settle();
        assertThat(table.getItems()).isEmpty();
        assertThat(robot.lookup("#auditSummary").queryAs(Label.class).getText())
                .isEqualTo("Aucun dossier ne correspond à « personne inconnue » parmi ceux que vous pouvez voir.");
    }
}
