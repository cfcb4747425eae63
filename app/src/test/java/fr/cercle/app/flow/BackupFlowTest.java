package fr.cercle.app.flow;

import fr.cercle.app.ChosenFiles;
import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.access.AccessView;
import fr.cercle.app.access.AccessViewModel;
import fr.cercle.app.access.Session;
import fr.cercle.app.backup.RestoreViewModel;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.shell.MainWindow;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.backup.BackupFile;
import fr.cercle.persistence.backup.Backups;
import fr.cercle.persistence.backup.Restore;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;
import fr.cercle.persistence.staff.StaffRepository;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator backs up from the settings to a file of their choice; later, on the sign-in
 * screen, that file comes back in place of the data: a damaged copy and a wrong password are refused
 * with nothing changed, the right password of the time restores it.
 */
@ExtendWith(ApplicationExtension.class)
class BackupFlowTest {

    static final String PASSWORD = "le chat dort au soleil";

    @TempDir
    Path dir;
    Stage stage;
    final I18n i18n = new I18n(Language.FRENCH);
    final Clock clock = Clock.system(ZoneId.of("Europe/Paris"));

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void anAdministratorBacksUpNowToTheFileTheyChoose(FxRobot robot) throws Exception {
        Path data = dir.resolve("ccas");
        try (TestApp app = TestApp.installed(data, TaskRunner.forJavaFx(), Language.FRENCH)) {
            Keyring.Created keyring = Keyring.create(data, "claire.martin", PASSWORD.toCharArray(), 1_000);
            StaffMember claire = app.context().currentStaffProperty().get();
            new AccountRepository(app.db().dsl(), app.db().clock()).save(new Account("claire.martin",
                    Optional.of(claire.id()), Set.of(Role.ADMINISTRATOR, Role.COORDINATOR)), "claire.martin");
            Path usb = Files.createDirectories(dir.resolve("cle-usb"));
            ChosenFiles files = new ChosenFiles().choose(usb.resolve("sauvegarde-ccas"));
            var context = app.context().withSession(new Session("claire.martin", keyring.key(), data)).withFiles(files);
            robot.interact(() -> TestApp.show(stage, new MainWindow(context, other -> { }).node()));
            app.settle();
            robot.clickOn("#nav-settings");
            app.settle();

            Ui.waitUntil(() -> !robot.lookup("#backupStatus").queryAs(Label.class).getText().isEmpty());
            assertThat(robot.lookup("#backupStatus").queryAs(Label.class).getText())
                    .startsWith("Pas encore de sauvegarde automatique");
            Ui.click(robot, "#backupNow");
            Path written = usb.resolve("sauvegarde-ccas" + BackupFile.EXTENSION);
            Ui.waitUntil(() -> texts(robot).stream().anyMatch(t -> t.startsWith("Sauvegarde enregistrée : " + written)));

            assertThat(files.lastSuggestedName()).matches("cercle-\\d{4}-\\d{2}-\\d{2}\\.cercle-backup");
            assertThat(Restore.inspect(written).schemaVersion()).matches("[0-9]+");
            Node section = robot.lookup("#backupStatus").queryAs(Label.class).getParent();
            robot.interact(() -> Snapshots.save(section, "settings-backup-fr"));
        }
    }

    @Test
    void aBackupIsRestoredFromTheSignInScreenAfterADamagedCopyAndAWrongPasswordWereRefused(FxRobot robot) throws Exception {
        Path data = dir.resolve("ccas");
        DatabaseKey key = Keyring.create(data, "claire.martin", PASSWORD.toCharArray(), 1_000).key();
        StaffMember claire = TestData.staff();
        Beneficiary later = TestData.beneficiary(claire.id()).firstName("Après").lastName("Coup").build();
        Path backup = dir.resolve("sauvegarde" + BackupFile.EXTENSION);
        try (CercleDatabase db = CercleDatabase.open(data, clock, key)) {
            new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
            new AccountRepository(db.dsl(), clock).save(new Account("claire.martin", Optional.of(claire.id()),
                    Set.of(Role.ADMINISTRATOR)), "claire.martin");
            Backups.create(db, key, backup, share -> { });
            new BeneficiaryRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS).save(later, claire.id());
        }
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 2] ^= 0x10;
        Path damaged = dir.resolve("abimee" + BackupFile.EXTENSION);
        Files.write(damaged, bytes);

        TaskRunner tasks = TaskRunner.forJavaFx();
        try {
            ChosenFiles files = new ChosenFiles().choose(damaged).choose(backup);
            AtomicReference<String> notice = new AtomicReference<>();
            AtomicReference<DatabaseKey> opened = new AtomicReference<>();
            robot.interact(() -> TestApp.show(stage, AccessView.signIn(new AccessViewModel(data, tasks, i18n, clock), i18n, false, opened::set)
                    .offerRestore(new RestoreViewModel(data, tasks, i18n, clock), i18n, files, done -> {
                        notice.set(done);
                        AccessView again = AccessView.signIn(new AccessViewModel(data, tasks, i18n, clock), i18n, false, opened::set);
                        again.showNotice(done);
                        TestApp.show(stage, again.node());
                    }).node()));

            robot.clickOn("#restoreBackup");
            robot.clickOn("#restoreChoose");
            Ui.waitUntil(() -> !robot.lookup("#restoreSummary").queryAs(Label.class).getText().isEmpty());
            assertThat(robot.lookup("#restoreSummary").queryAs(Label.class).getText()).startsWith("abimee.cercle-backup : sauvegarde du ");
            robot.clickOn("#restoreLogin").write("claire.martin");
            robot.clickOn("#restorePassword").write(PASSWORD);
            robot.clickOn("#restore");
            Ui.waitUntil(() -> !message(robot).isEmpty());
            assertThat(message(robot)).startsWith("Ce fichier de sauvegarde est abîmé ou a été modifié");

            robot.clickOn("#restoreChoose");
            Ui.waitUntil(() -> robot.lookup("#restoreSummary").queryAs(Label.class).getText().startsWith("sauvegarde.cercle-backup"));
            robot.clickOn("#restorePassword").write("le chien dort");
            robot.clickOn("#restore");
            Ui.waitUntil(() -> message(robot).startsWith("Identifiant ou mot de passe incorrect pour cette sauvegarde"));
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "restore-wrong-password-fr"));
            assertThat(data.resolve("backups")).isDirectoryNotContaining("glob:**/before-restore-*");

            robot.clickOn("#restorePassword").write(PASSWORD);
            robot.clickOn("#restore");
            Ui.waitUntil(() -> notice.get() != null);
            assertThat(notice.get()).startsWith("La sauvegarde du ").contains("Les données remplacées sont gardées dans ");
            Ui.waitUntil(() -> robot.lookup("#accessNotice").tryQuery().isPresent());
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "restore-done-fr"));

            robot.clickOn("#login").write("claire.martin");
            robot.clickOn("#password").write(PASSWORD);
            robot.clickOn("#signIn");
            Ui.waitUntil(() -> opened.get() != null);
            try (CercleDatabase db = CercleDatabase.open(data, clock, opened.get())) {
                assertThat(new BeneficiaryRepository(db.dsl(), db.writer(), clock, TestData.ALL_ACCESS).find(later.id()))
                        .as("the work after the backup is set aside with the replaced data").isEmpty();
                assertThat(new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).find(claire.id())).isPresent();
            }
        } finally {
            tasks.close();
        }
    }

    @Test
    void theRestoreCardBeforeAFileIsChosen(FxRobot robot) {
        TaskRunner tasks = TaskRunner.forJavaFx();
        try {
            robot.interact(() -> TestApp.show(stage, AccessView.firstAccount(new AccessViewModel(dir, tasks, i18n, clock), i18n, false, key -> { })
                    .offerRestore(new RestoreViewModel(dir, tasks, i18n, clock), i18n, new ChosenFiles(), done -> { }).node()));
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "access-first-account-with-restore-fr"));
            robot.clickOn("#restoreBackup");
            robot.clickOn("#restoreWithCode");
            assertThat(shown(robot.lookup("#restoreCode").query())).isTrue();
            assertThat(shown(robot.lookup("#restorePassword").query())).isFalse();
            assertThat(robot.lookup("#restore").query().isDisabled()).as("until a backup is chosen").isTrue();
            robot.interact(() -> Snapshots.save(stage.getScene().getRoot(), "restore-form-fr"));
            robot.clickOn("#restoreBack");
            assertThat(robot.lookup("#createAccount").tryQuery()).isPresent();
        } finally {
            tasks.close();
        }
    }

    /** Whether a node and all its parents are visible. */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static String message(FxRobot robot) {
        return robot.lookup("#restoreMessage").queryAs(Label.class).getText();
    }

    static java.util.List<String> texts(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).filter(java.util.Objects::nonNull).toList();
    }
}
