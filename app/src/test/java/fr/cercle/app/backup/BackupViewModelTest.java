package fr.cercle.app.backup;

import fr.cercle.app.TestApp;
import fr.cercle.app.access.Session;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.backup.AutomaticBackups;
import fr.cercle.persistence.backup.BackupFile;
import fr.cercle.persistence.backup.Backups;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The backups section and the restore card, without a screen. */
class BackupViewModelTest {

    static final String PASSWORD = "le chat dort au soleil";

    @TempDir
    Path dir;
    final I18n i18n = new I18n(Language.FRENCH);

    @Test
    void anAdministratorBacksUpNowAndChangesTheSchedule() {
        Path data = dir.resolve("ccas");
        try (TestApp app = TestApp.installed(data, TaskRunner.direct(), Language.FRENCH)) {
            Keyring.Created keyring = Keyring.create(data, "claire.martin", PASSWORD.toCharArray(), 1_000);
            new AccountRepository(app.db().dsl(), app.db().clock()).save(new Account("claire.martin",
                    Optional.of(app.context().currentStaffProperty().get().id()), Set.of(Role.ADMINISTRATOR)), "claire.martin");
            BackupViewModel model = new BackupViewModel(app.context().withSession(new Session("claire.martin", keyring.key(), data)));
            assertThat(model.allowed()).isTrue();
            model.load();
            assertThat(model.intervalHoursProperty().get()).isEqualTo(24);
            assertThat(model.keepProperty().get()).isEqualTo(7);

            model.keepProperty().set(3);
            model.intervalHoursProperty().set(168);
            AtomicReference<String> done = new AtomicReference<>();
            Path target = dir.resolve("cle").resolve("ccas" + BackupFile.EXTENSION);
            model.backupNow(target, done::set);

            assertThat(AutomaticBackups.Settings.read(app.context().localSettings())).isEqualTo(new AutomaticBackups.Settings(168, 3));
            assertThat(target).exists();
            assertThat(done.get()).startsWith("Sauvegarde enregistrée : " + target + " (").matches(".* \\(\\d+(,\\d)? (Ko|Mo)\\)");
            assertThat(model.progressProperty().get()).isEqualTo(1.0);
            assertThat(model.failureProperty().get()).isEmpty();
        }
    }

    @Test
    void aCaseworkerHasNoBackupSection() {
        try (TestApp app = TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH)) {
            var caseworker = new fr.cercle.model.access.Viewer("paul.durand", Optional.of(app.context().currentStaffProperty().get().id()),
                    Set.of(Role.CASEWORKER), Set.of());
            app.context().viewerProperty().set(caseworker);
            assertThat(new BackupViewModel(app.context()).allowed()).isFalse();
        }
    }

    @Test
    void theRestoreCardNamesWhatIsWrongAndRestoresWithTheRecoveryCode() throws Exception {
        Path data = dir.resolve("ccas");
        Clock clock = Clock.system(ZoneId.of("Europe/Paris"));
        Keyring.Created created = Keyring.create(data, "claire.martin", PASSWORD.toCharArray(), 1_000);
        DatabaseKey key = created.key();
        Path backup = dir.resolve("ccas" + BackupFile.EXTENSION);
        try (CercleDatabase db = CercleDatabase.open(data, clock, key)) {
            Backups.create(db, key, backup, share -> { });
        }
        Path photo = Files.writeString(dir.resolve("photo.jpg"), "pas une sauvegarde");
        RestoreViewModel model = new RestoreViewModel(data, TaskRunner.direct(), i18n, clock);
        AtomicReference<String> done = new AtomicReference<>();

        model.restore(done::set);
        assertThat(model.messageProperty().get()).isEqualTo("Choisissez d’abord le fichier de sauvegarde.");
        model.choose(photo);
        assertThat(model.messageProperty().get()).isEqualTo("Ce fichier n’est pas une sauvegarde Cercle.");
        assertThat(model.fileProperty().get()).isNull();

        model.choose(backup);
        assertThat(model.summaryProperty().get()).startsWith("ccas.cercle-backup : sauvegarde du ");
        model.withCodeProperty().set(true);
        model.restore(done::set);
        assertThat(model.messageProperty().get()).isEqualTo("Saisissez l’identifiant et le mot de passe, ou le code de secours.");
        model.codeProperty().set("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF");
        model.restore(done::set);
        assertThat(model.messageProperty().get()).isEqualTo("Ce code de secours n’ouvre pas cette sauvegarde. Rien n’a été modifié.");
        assertThat(done.get()).isNull();

        model.codeProperty().set(created.recoveryCode());
        model.restore(done::set);

        assertThat(done.get()).startsWith("La sauvegarde du ").contains("Les données remplacées sont gardées dans "
                + data.resolve("backups"));
        assertThat(model.codeProperty().get()).as("not kept in memory").isEmpty();
    }
}
