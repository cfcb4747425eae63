package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.access.Session;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.security.Keyring;
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
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator gives a colleague an account: a login, a temporary password, the staff member it
 * acts as and its roles. The password opens the data at once; a removed account's no longer does.
 */
@ExtendWith(ApplicationExtension.class)
class AccountsFlowTest {

    @TempDir
    Path dir;
    Stage stage;
    TestApp app;
    Keyring.Created keyring;
    StaffMember claire;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() {
        Path data = dir.resolve("ccas");
        app = TestApp.installed(data, TaskRunner.forJavaFx(), Language.FRENCH);
        keyring = Keyring.create(data, "claire.martin", "le chat dort au soleil".toCharArray(), 1_000);
        claire = app.context().currentStaffProperty().get();
        new AccountRepository(app.db().dsl(), app.db().clock())
                .save(new Account("claire.martin", Optional.of(claire.id()), Set.of(Role.ADMINISTRATOR, Role.COORDINATOR)),
                        "claire.martin");
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void anAdministratorGivesAColleagueAnAccountThenRemovesIt(FxRobot robot) {
        Path data = dir.resolve("ccas");
        var context = app.context().withSession(new Session("claire.martin", keyring.key(), data));
        robot.interact(() -> TestApp.show(stage, new MainWindow(context, other -> { }).node()));
        app.settle();
        robot.clickOn("#nav-settings");
        app.settle();

        Ui.type(robot, "#accountLogin", "paul durand");
        Ui.type(robot, "#accountPassword", "court");
        Ui.click(robot, "#saveAccount");
        assertThat(robot.lookup("#accountLogin").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("paul durand");
        assertThat(texts(robot)).contains("De 2 à 40 caractères : lettres sans accent, chiffres, points ou tirets (par exemple paul.durand).",
                "Le mot de passe doit compter au moins 12 caractères.");

        Ui.replace(robot, "#accountLogin", "paul.durand");
        Ui.click(robot, "#accountPassword");
        robot.eraseText(5).write("trois petits chats");
        Ui.click(robot, "#role-CASEWORKER");
        Ui.choose(robot, "#accountStaff", claire.fullName());
        Ui.click(robot, "#saveAccount");
        Ui.waitUntil(() -> robot.lookup("#removeAccount-paul_durand").tryQuery().isPresent());
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "settings-accounts-fr"));

        assertThat(Keyring.load(data).unlock("paul.durand", "trois petits chats".toCharArray(), Instant.now()).h2Password())
                .isEqualTo(keyring.key().h2Password());
        assertThat(new AccountRepository(app.db().dsl(), app.db().clock()).find("paul.durand"))
                .contains(new Account("paul.durand", Optional.of(claire.id()), Set.of(Role.CASEWORKER)));
        assertThat(robot.lookup("#removeAccount-claire_martin").tryQuery()).as("not one's own").isEmpty();

        Ui.click(robot, "#removeAccount-paul_durand");
        Ui.waitUntil(() -> robot.lookup("#removeAccount-paul_durand").tryQuery().isEmpty());
        assertThat(Keyring.load(data).logins()).containsExactly("claire.martin");
        assertThat(new AccountRepository(app.db().dsl(), app.db().clock()).find("paul.durand")).isEmpty();
    }

    static java.util.List<String> texts(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
