package fr.cercle.app.flow;

import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.access.AccessView;
import fr.cercle.app.access.AccessViewModel;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;
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
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before the data open: the very first start creates the administrator's account and shows the
 * recovery code once; later starts sign in, and a wrong password says how many tries are left.
 */
@ExtendWith(ApplicationExtension.class)
class AccessFlowTest {

    static final String PASSWORD = "le chat dort au soleil";

    @TempDir
    Path dir;
    Stage stage;
    TaskRunner tasks;
    final I18n i18n = new I18n(Language.FRENCH);
    final Clock clock = Clock.system(java.time.ZoneId.of("Europe/Paris"));
    final AtomicReference<DatabaseKey> opened = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() {
        tasks = TaskRunner.forJavaFx();
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    String message(FxRobot robot) {
        return robot.lookup("#accessMessage").queryAs(Label.class).getText();
    }

    @Test
    void theFirstStartCreatesTheAdministratorThenShowsTheRecoveryCodeOnce(FxRobot robot) throws Exception {
        AccessViewModel model = new AccessViewModel(dir, tasks, i18n, clock);
        robot.interact(() -> TestApp.show(stage, AccessView.firstAccount(model, i18n, false, opened::set).node()));
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "access-first-account-fr"));

        robot.clickOn("#login").write("claire.martin");
        robot.clickOn("#password").write("court");
        robot.clickOn("#createAccount");
        assertThat(message(robot)).isEqualTo("Le mot de passe doit compter au moins 12 caractères.");

        robot.clickOn("#password").eraseText(5).write(PASSWORD);
        robot.clickOn("#confirmation").write("le chat dort");
        robot.clickOn("#createAccount");
        assertThat(message(robot)).isEqualTo("Les deux mots de passe ne sont pas identiques.");
        assertThat(Keyring.exists(dir)).isFalse();

        robot.clickOn("#confirmation").write(" au soleil");
        robot.clickOn("#createAccount");
        Ui.waitUntil(() -> robot.lookup("#recoveryCode").tryQuery().isPresent());
        String code = robot.lookup("#recoveryCode").queryAs(Label.class).getText();
        assertThat(code).matches("([A-HJ-NP-Z2-9]{4}-){5}[A-HJ-NP-Z2-9]{4}");
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "access-recovery-code-fr"));
        assertThat(robot.lookup("#continue").queryAs(Button.class).isDisabled()).as("until the code is noted").isTrue();

        robot.clickOn("#recoveryNoted");
        robot.clickOn("#continue");

        assertThat(opened.get()).isNotNull();
        try (CercleDatabase db = CercleDatabase.open(dir, TestData.CLOCK, opened.get())) {
            assertThat(db.journal().count()).isZero();
        }
        assertThat(Keyring.load(dir).recover(code, clock.instant()).h2Password()).isEqualTo(opened.get().h2Password());
    }

    @Test
    void aWrongPasswordSaysHowManyTriesAreLeftAndTheRightOneOpens(FxRobot robot) {
        Keyring.create(dir, "claire.martin", PASSWORD.toCharArray(), 1_000);
        AccessViewModel model = new AccessViewModel(dir, tasks, i18n, clock);
        robot.interact(() -> TestApp.show(stage, AccessView.signIn(model, i18n, false, opened::set).node()));

        robot.clickOn("#login").write("claire.martin");
        robot.clickOn("#password").write("le chien dort");
        robot.clickOn("#signIn");
        Ui.waitUntil(() -> !message(robot).isEmpty());
        assertThat(message(robot)).isEqualTo(
                "Identifiant ou mot de passe incorrect. Encore 4 essai(s) avant un blocage de 15 minutes.");
        assertThat(opened.get()).isNull();
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "access-sign-in-wrong-fr"));

        robot.clickOn("#password").write(PASSWORD);
        robot.clickOn("#signIn");
        Ui.waitUntil(() -> opened.get() != null);
        assertThat(message(robot)).isEmpty();
    }

    @Test
    void aForgottenAdministratorPasswordIsResetWithTheRecoveryCodeWhichIsThenRenewed(FxRobot robot) {
        Keyring.Created created = Keyring.create(dir, "claire.martin", PASSWORD.toCharArray(), 1_000);
        AccessViewModel model = new AccessViewModel(dir, tasks, i18n, clock);
        robot.interact(() -> TestApp.show(stage, AccessView.signIn(model, i18n, false, opened::set).node()));

        robot.clickOn("#useRecovery");
        robot.clickOn("#recoverLogin").write("claire.martin");
        robot.clickOn("#recoveryCodeInput").write("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF");
        robot.clickOn("#newPassword").write("un nouveau mot de passe");
        robot.clickOn("#newConfirmation").write("un nouveau mot de passe");
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "access-recover-fr"));
        robot.clickOn("#recover");
        Ui.waitUntil(() -> !message(robot).isEmpty());
        assertThat(message(robot)).startsWith("Ce code de secours ne correspond pas. Encore 4 essai(s)");

        robot.clickOn("#recoveryCodeInput").write(created.recoveryCode().toLowerCase());
        robot.clickOn("#recover");
        Ui.waitUntil(() -> robot.lookup("#recoveryCode").tryQuery().isPresent());
        String renewed = robot.lookup("#recoveryCode").queryAs(Label.class).getText();
        assertThat(renewed).isNotEqualTo(created.recoveryCode());
        robot.clickOn("#recoveryNoted");
        robot.clickOn("#continue");

        assertThat(opened.get().h2Password()).isEqualTo(created.key().h2Password());
        assertThat(Keyring.load(dir).unlock("claire.martin", "un nouveau mot de passe".toCharArray(), clock.instant()))
                .isNotNull();
        assertThat(Keyring.load(dir).recover(renewed, clock.instant())).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Keyring.load(dir).recover(created.recoveryCode(), clock.instant()))
                .as("the code used no longer opens anything").isInstanceOf(fr.cercle.persistence.security.SignInException.class);
    }

    @Test
    void theDemoFolderOpensWithTheCredentialsItShows(FxRobot robot) {
        assertThat(AccessViewModel.prepare(dir, true)).isEqualTo(AccessViewModel.Mode.SIGN_IN);
        AccessViewModel model = new AccessViewModel(dir, tasks, i18n, clock);
        robot.interact(() -> TestApp.show(stage, AccessView.signIn(model, i18n, true, opened::set).node()));
        robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "access-sign-in-demo-fr"));

        robot.clickOn("#signIn");

        Ui.waitUntil(() -> opened.get() != null);
    }
}
